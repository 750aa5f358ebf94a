//! What each kind of event does: one handler per kind, and the tier changes and pages
//! they lead to.

use std::ops::Deref;

use super::super::index::{PersonIx, TierIx, Timeline};
use super::super::model::{SimInject, SimModel, SimTarget};
use super::super::EventKind;
use super::queue::Ev;
use super::state::{BreachRecord, Entry, Incident, Via, WaitingPage};
use super::{until_text, Engine};

impl<M: Deref<Target = SimModel> + Clone> Engine<M> {
    pub(super) fn handle(&mut self, ev: Ev) {
        match ev {
            Ev::Signal { signal, value } => self.on_signal(signal as usize, value),
            Ev::Inject { index } => self.on_inject(index),
            Ev::TriggerFire { trigger, gen } => self.on_trigger_fire(trigger, gen),
            Ev::TriggerClear { trigger, gen } => self.on_trigger_clear(trigger, gen),
            Ev::Ack { person, gen } => self.on_ack(person, gen),
            Ev::CommAck { person } => self.on_comm_ack(person),
            Ev::Contained => self.on_contained(),
            Ev::Resolved => self.on_resolved(),
            Ev::Breach { timeline, gen } => self.on_breach(timeline, gen),
            Ev::Step { gen, step, pass } => self.on_step(gen, step as usize, pass),
            Ev::UpdateDue => self.on_update_due(),
        }
    }

    fn on_signal(&mut self, signal: usize, value: f64) {
        let m = self.m.clone();
        let m = &*m;
        self.run.values[signal] = Some(value);
        if self.logging() {
            let s = &m.signals[signal];
            let detail = format!("{} {} = {value}", s.service, s.metric);
            self.record(EventKind::Signal, None, None, || detail);
        }
        for &ti in &m.signals[signal].triggers {
            let tr = &m.triggers[ti];
            let cond = tr.op.holds(value, tr.threshold);
            let st = &mut self.run.triggers[ti];
            if cond == st.holding {
                continue;
            }
            st.holding = cond;
            st.gen += 1;
            let gen = st.gen;
            if cond && !st.firing {
                self.run
                    .push_after(tr.hold, Ev::TriggerFire { trigger: ti, gen });
            } else if !cond && st.firing {
                self.run
                    .push_after(tr.clear, Ev::TriggerClear { trigger: ti, gen });
            }
        }
    }

    fn on_inject(&mut self, index: usize) {
        let m = self.m.clone();
        match &m.injects[index] {
            SimInject::Unavailable { until, person, .. } => {
                let now = self.run.now;
                let detail = || until_text(*until, now);
                self.record(EventKind::Unavailable, self.tier(), Some(*person), detail);
            }
            SimInject::Note { text, .. } => {
                self.record(EventKind::Note, self.tier(), None, || text.clone());
            }
        }
    }

    fn on_trigger_fire(&mut self, trigger: usize, gen: u32) {
        if self.run.triggers[trigger].gen != gen {
            return;
        }
        self.run.triggers[trigger].firing = true;
        let m = self.m.clone();
        let tier = m.triggers[trigger].tier;
        if self.logging() {
            let id = m.triggers[trigger].id.to_string();
            self.record(EventKind::TriggerFired, Some(tier), None, || id);
        }
        match &self.run.incident {
            None => {
                self.run.incident = Some(Incident::detected(self.run.now, tier));
                self.enter_tier(tier, Entry::Open);
            }
            Some(i) if tier.more_severe_than(i.tier) => self.enter_tier(tier, Entry::Promote),
            Some(_) => {}
        }
    }

    fn on_trigger_clear(&mut self, trigger: usize, gen: u32) {
        if self.run.triggers[trigger].gen != gen {
            return;
        }
        self.run.triggers[trigger].firing = false;
        let m = self.m.clone();
        if self.logging() {
            let (tier, id) = (m.triggers[trigger].tier, m.triggers[trigger].id.to_string());
            self.record(EventKind::TriggerCleared, Some(tier), None, || id);
        }
        let most_severe = (m.triggers.iter().zip(&self.run.triggers))
            .filter(|(_, st)| st.firing)
            .map(|(t, _)| t.tier)
            .min();
        if let (Some(inc), Some(to)) = (&self.run.incident, most_severe) {
            if inc.tier.more_severe_than(to) {
                self.enter_tier(to, Entry::Demote);
            }
        }
    }

    fn on_ack(&mut self, person: PersonIx, gen: u32) {
        let now = self.run.now;
        let state = &mut self.run.people[person];
        if state.pending == Some(gen) {
            state.pending = None;
        }
        if self.run.is_unavailable(person, now) {
            let detail = || "unavailable when the acknowledgement was due".into();
            self.record(EventKind::AckLost, self.tier(), Some(person), detail);
            return;
        }
        let Some(inc) = &mut self.run.incident else {
            return;
        };
        let tier = inc.tier;
        let first = inc.first_ack.is_none();
        if first {
            inc.first_ack = Some(now);
        }
        // Anyone the current policy paged answers it, even after it ran out.
        let answers_policy = inc.policy_started && gen == inc.policy_gen && !inc.policy_acked;
        let stops_policy = answers_policy && inc.policy_running;
        if answers_policy {
            inc.policy_acked = true;
        }
        let detail = if stops_policy {
            "stops the escalation"
        } else {
            ""
        };
        self.record(EventKind::Ack, Some(tier), Some(person), || detail.into());
        if first {
            let m = self.m.clone();
            self.run.tier_at[Timeline::Acknowledge] = Some(tier);
            let d = self.run.rng.draw(m.contain);
            self.run.push_after(d, Ev::Contained);
            if let Some(target) = m.tiers[tier].communication {
                self.page_target(target, tier, None, Why::Communication);
            }
        }
    }

    fn on_comm_ack(&mut self, person: PersonIx) {
        self.run.people[person].pending_comm = false;
        if !self.run.is_unavailable(person, self.run.now) {
            self.first_update(Some(person), "");
        }
    }

    /// Records the first status update, posted by `poster` (`None`: the facilitator), and
    /// schedules the next; returns false when there was one already (or no incident).
    pub(super) fn first_update(&mut self, poster: Option<PersonIx>, detail: &str) -> bool {
        let now = self.run.now;
        let Some(inc) = &mut self.run.incident else {
            return false;
        };
        if inc.first_update.is_some() {
            return false;
        }
        inc.first_update = Some(now);
        inc.poster = poster;
        let tier = inc.tier;
        self.run.tier_at[Timeline::FirstUpdate] = Some(tier);
        self.record(EventKind::FirstUpdate, Some(tier), poster, || detail.into());
        self.schedule_next_update();
        true
    }

    fn on_contained(&mut self) {
        if self.achieve(Timeline::Contain, EventKind::Contained) {
            let d = self.run.rng.draw(self.m.resolve);
            self.run.push_after(d, Ev::Resolved);
        }
    }

    fn on_resolved(&mut self) {
        if self.achieve(Timeline::Resolve, EventKind::Resolved) {
            self.run.finished = true;
        }
    }

    /// Marks containment or resolution as achieved now; false without an incident.
    fn achieve(&mut self, tl: Timeline, kind: EventKind) -> bool {
        let now = self.run.now;
        let Some(inc) = &mut self.run.incident else {
            return false;
        };
        match tl {
            Timeline::Contain => inc.contained = Some(now),
            _ => inc.resolved = Some(now),
        }
        let tier = inc.tier;
        self.run.tier_at[tl] = Some(tier);
        self.record(kind, Some(tier), None, String::new);
        true
    }

    fn on_breach(&mut self, timeline: Timeline, gen: u32) {
        let Some(inc) = &self.run.incident else {
            return;
        };
        if gen != inc.deadline_gen {
            return;
        }
        let met = match timeline {
            Timeline::Acknowledge => inc.policy_acked,
            tl => inc.achieved(tl).is_some(),
        };
        let tier = inc.tier;
        let breached_before =
            (self.run.breaches.iter()).any(|b| b.tier == tier && b.timeline == timeline);
        if met || breached_before {
            return;
        }
        let to = tier
            .next_more_severe()
            .filter(|_| self.m.tiers[tier].escalate_on[timeline]);
        self.run.breaches.push(BreachRecord {
            tier,
            timeline,
            at: self.run.now,
            after_step: self.run.last_step,
        });
        let detail = || match to {
            Some(_) => format!("{} missed; escalating", timeline.as_str()),
            None => format!("{} missed", timeline.as_str()),
        };
        self.record(EventKind::Breach, Some(tier), None, detail);
        if let Some(to) = to {
            self.enter_tier(to, Entry::Escalate);
        }
    }

    fn on_step(&mut self, gen: u32, step: usize, pass: u32) {
        let Some(inc) = &self.run.incident else {
            return;
        };
        if gen != inc.policy_gen || !inc.policy_running || inc.policy_acked {
            return;
        }
        let tier = inc.tier;
        self.run.step_events += 1;
        let m = self.m.clone();
        let (t, steps) = (&m.tiers[tier], &m.tiers[tier].steps);
        if step >= steps.len() {
            if !self.run.exhausted.contains(&tier) {
                self.run.exhausted.push(tier);
            }
            if let Some(inc) = &mut self.run.incident {
                inc.policy_running = false;
            }
            self.record(EventKind::Exhausted, Some(tier), None, String::new);
            return;
        }
        for &target in &steps[step].targets {
            self.page_target(target, tier, Some(gen), Why::Step(step));
        }
        self.run.last_step = Some((tier, step));
        let next = if step + 1 < steps.len() {
            Ev::Step {
                gen,
                step: step as u32 + 1,
                pass,
            }
        } else if pass < t.repeat && !t.cycle.is_zero() {
            // (a pass that takes no time would repeat at the same instant, paging
            // nobody new: such a policy runs out after its first pass)
            Ev::Step {
                gen,
                step: 0,
                pass: pass + 1,
            }
        } else {
            Ev::Step {
                gen,
                step: steps.len() as u32,
                pass,
            }
        };
        self.run.push_after(steps[step].after, next);
    }

    fn on_update_due(&mut self) {
        let Some(inc) = &self.run.incident else {
            return;
        };
        let (tier, poster) = (inc.tier, inc.poster);
        self.run.update_events += 1;
        match poster {
            Some(p) if self.run.is_unavailable(p, self.run.now) => {
                self.run.updates_missed += 1;
                self.record(EventKind::UpdateMissed, Some(tier), Some(p), String::new);
            }
            poster => self.record(EventKind::UpdatePosted, Some(tier), poster, String::new),
        }
        self.schedule_next_update();
    }

    fn schedule_next_update(&mut self) {
        if let Some(tier) = self.tier() {
            if let Some(every) = self.m.tiers[tier].update_every {
                self.run.push_after(every, Ev::UpdateDue);
            }
        }
    }

    pub(super) fn enter_tier(&mut self, to: TierIx, how: Entry) {
        let m = self.m.clone();
        let m = &*m;
        let now = self.run.now;
        let Some(inc) = &mut self.run.incident else {
            return;
        };
        let from = inc.tier;
        if !self.run.entered.contains(&to) {
            self.run.entered.push(to);
        }
        inc.tier = to;
        inc.max_tier = inc.max_tier.most_severe(to);
        inc.deadline_gen += 1;
        inc.policy_gen += 1;
        let start_policy = how != Entry::Demote || inc.first_ack.is_none();
        inc.policy_running = start_policy;
        inc.policy_started = start_policy;
        inc.policy_acked = false;
        if start_policy {
            inc.policy_start = now;
        }
        let (gen, dgen, detected) = (inc.policy_gen, inc.deadline_gen, inc.detected);
        let achieved =
            Timeline::ALL.map(|tl| tl != Timeline::Acknowledge && inc.achieved(tl).is_some());
        if self.logging() {
            let (kind, detail) = match how {
                Entry::Open => (EventKind::Opened, String::new()),
                Entry::Promote => (EventKind::Promoted, format!("from {}", m.tiers[from].id)),
                Entry::Escalate => (EventKind::Escalated, format!("from {}", m.tiers[from].id)),
                Entry::Demote => (EventKind::Demoted, format!("from {}", m.tiers[from].id)),
            };
            self.record(kind, Some(to), None, || detail);
        }
        let tier = &m.tiers[to];
        let q = &mut self.run.queue;
        if start_policy {
            q.push(
                now,
                Ev::Step {
                    gen,
                    step: 0,
                    pass: 0,
                },
            );
            if let Some(d) = tier.deadlines[Timeline::Acknowledge] {
                let timeline = Timeline::Acknowledge;
                q.push(
                    now.plus(d),
                    Ev::Breach {
                        timeline,
                        gen: dgen,
                    },
                );
            }
        }
        for timeline in [Timeline::Contain, Timeline::Resolve, Timeline::FirstUpdate] {
            if let Some(d) = tier.deadlines[timeline].filter(|_| !achieved[timeline as usize]) {
                q.push(
                    detected.plus(d).max(now),
                    Ev::Breach {
                        timeline,
                        gen: dgen,
                    },
                );
            }
        }
    }

    /// Pages a target. `gen` is the policy generation for escalation pages, `None` for
    /// the communication page.
    fn page_target(&mut self, target: SimTarget, tier: TierIx, gen: Option<u32>, why: Why) {
        let m = self.m.clone();
        let m = &*m;
        match target {
            SimTarget::Person(p) => self.page_person(p, tier, gen, why, None),
            SimTarget::Role(r) => {
                for &p in &m.role_holders[r] {
                    self.page_person(p, tier, gen, why, None);
                }
            }
            SimTarget::Rotation(r) => match self.on_call(r) {
                Some(p) => self.page_person(p, tier, gen, why, Some(Via::Rotation(r))),
                None => self.empty_page(&m.rotations[r].id, tier, why),
            },
            SimTarget::Schedule(s) => {
                // the highest layer with someone on call answers
                let layers = m.schedules[s].layers.iter().rev();
                match layers
                    .into_iter()
                    .find_map(|&r| Some((r, self.on_call(r)?)))
                {
                    Some((rotation, p)) => {
                        let via = Via::Schedule {
                            schedule: s,
                            rotation,
                        };
                        self.page_person(p, tier, gen, why, Some(via));
                    }
                    None => self.empty_page(&m.schedules[s].id, tier, why),
                }
            }
        }
    }

    /// Who rotation `r` has on call now: the person of an override under way, else its
    /// member on turn inside its windows (read through the remembered window answers
    /// and hand-offs).
    fn on_call(&mut self, r: usize) -> Option<PersonIx> {
        let m = &*self.m;
        let rot = &m.rotations[r];
        let t = self.run.now.epoch_millis(m.start);
        let spans = rot.overrides.iter().map(|&(from, to, _)| (from, to));
        if let Some(j) = crate::oncall::override_at(spans, t) {
            return Some(rot.overrides[j].2);
        }
        let in_window = (rot.window.as_ref()).is_none_or(|(w, tz)| {
            let answer = || crate::oncall::in_windows(w, tz, t);
            self.windows[r].get(t, tz, &self.window_breaks[r], answer)
        });
        let handoffs = &mut self.handoffs[r];
        let turn = (rot.turns.as_ref()).and_then(|turns| handoffs.turn_at(turns, t));
        let member = turn.and_then(|n| crate::oncall::Turns::member(n, rot.members.len()));
        member.filter(|_| in_window).map(|k| rot.members[k])
    }

    /// Records that the rotation or schedule `id` had nobody on call for a page.
    fn empty_page(&mut self, id: &str, tier: TierIx, why: Why) {
        if self.logging() {
            let detail = format!("{id} has nobody on call, {why}");
            self.record(EventKind::EmptyPage, Some(tier), None, || detail);
        }
    }

    fn page_person(
        &mut self,
        p: PersonIx,
        tier: TierIx,
        gen: Option<u32>,
        why: Why,
        via: Option<Via>,
    ) {
        let m = self.m.clone();
        let m = &*m;
        if gen.is_some() && self.run.people[p].pending == gen {
            return; // already waiting for this person's acknowledgement in this tier
        }
        let now = self.run.now;
        self.run.pages_sent += 1;
        let off_hours = self.off_hours(p);
        let unavailable = self.run.is_unavailable(p, now);
        let state = &mut self.run.people[p];
        state.paged = true;
        state.tally.pages += 1;
        state.tally.off_hours += u32::from(off_hours);
        let outcome = if self.human[p.0] {
            match gen {
                Some(g) => state.pending = Some(g),
                None => state.pending_comm = true,
            }
            state.last_page = Some(WaitingPage {
                tier,
                step: match why {
                    Why::Step(k) => Some(k),
                    Why::Communication => None,
                },
                via,
                at: now,
            });
            "waiting for the player"
        } else if unavailable {
            "unavailable: will not answer"
        } else if m.people[p].miss > 0.0 && self.run.rng.uniform() < m.people[p].miss {
            "missed"
        } else {
            let d = self.run.rng.draw(m.people[p].ack);
            let state = &mut self.run.people[p];
            let ev = match gen {
                Some(g) => {
                    state.pending = Some(g);
                    Ev::Ack { person: p, gen: g }
                }
                None => {
                    state.pending_comm = true;
                    Ev::CommAck { person: p }
                }
            };
            self.run.push_after(d, ev);
            ""
        };
        if self.logging() {
            let via = match via {
                Some(Via::Rotation(r)) => format!("{}, ", m.rotations[r].id),
                Some(Via::Schedule { schedule, rotation }) => format!(
                    "{} via {}, ",
                    m.schedules[schedule].id, m.rotations[rotation].id
                ),
                None => String::new(),
            };
            let detail = match outcome {
                "" => format!("{via}{why}"),
                _ => format!("{via}{why}; {outcome}"),
            };
            self.record(EventKind::Page, Some(tier), Some(p), || detail);
        }
    }

    /// Whether a page to `p` now lands off-hours (22:00-07:00 in their zone).
    fn off_hours(&mut self, p: PersonIx) -> bool {
        let (m, now) = (&*self.m, self.run.now);
        let tz = &m.people[p].tz;
        let answer = || !(7..22).contains(&tz.to_datetime(now.timestamp(m.start)).hour());
        // 07:00 and 22:00
        self.off_hours[p.0].get(now.epoch_millis(m.start), tz, &[420, 1320], answer)
    }
}

/// Why a page goes out; turned into text only when the log is kept.
#[derive(Debug, Clone, Copy)]
pub(super) enum Why {
    /// Escalation step (0-based).
    Step(usize),
    /// The communication owner at the first acknowledgement.
    Communication,
}

impl std::fmt::Display for Why {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Why::Step(k) => write!(f, "step {}", k + 1),
            Why::Communication => f.write_str("communication owner"),
        }
    }
}

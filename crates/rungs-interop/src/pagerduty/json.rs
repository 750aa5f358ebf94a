//! PagerDuty REST API v2 JSON into the vendor model: list envelopes
//! (`{"escalation_policies": [...], "more": ...}`), single envelopes
//! (`{"schedule": {...}}`) and bare objects by their `type`, in any files in any order.

use std::collections::HashSet;

use crate::build::Builder;
use crate::json::{parse, Item};
use crate::notes::ImportError;
use crate::SourceFile;

use super::{
    build, check_delay, check_turn, Layer, Model, Pending, Policy, Restriction, Rule, RuleTarget,
    Schedule, ScheduleOverride, TargetKind, User,
};

/// Reads every file, then builds the ladder.
pub(crate) fn import_json(b: &mut Builder, files: &[SourceFile]) -> Result<(), ImportError> {
    let docs = files
        .iter()
        .map(|f| parse(f).map(|v| (f.name.as_str(), v)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut r = Reader::default();
    for (name, value) in &docs {
        r.document(b, Item::root(name, value))?;
    }
    let mut model = r.model;
    for u in r.references {
        if !r.user_keys.contains(&u.key) {
            model.users.push(u);
        }
    }
    build(b, model)
}

#[derive(Default)]
struct Reader {
    model: Model,
    /// Users only named by references (their `summary`).
    references: Vec<User>,
    policy_ids: HashSet<String>,
    /// The keys of `model.users`, `references` and `model.schedules`, to find repeats
    /// without scanning (quadratic for big exports).
    user_keys: HashSet<String>,
    reference_keys: HashSet<String>,
    schedule_keys: HashSet<String>,
}

/// The keys of PagerDuty's list envelopes and single-object answers.
pub(crate) const ENVELOPES: [&str; 6] = [
    "escalation_policies",
    "escalation_policy",
    "schedules",
    "schedule",
    "users",
    "user",
];

impl Reader {
    fn document(&mut self, b: &mut Builder, root: Item<'_>) -> Result<(), ImportError> {
        if root.value.is_array() {
            for e in root.elements() {
                self.bare(b, e)?;
            }
            return Ok(());
        }
        if !root.value.is_object() {
            return Err(root.error("expected a PagerDuty API response: an object such as {\"escalation_policies\": [...]}"));
        }
        if ENVELOPES.iter().any(|k| root.get(k).is_some()) {
            for (key, item) in root.members() {
                match key {
                    "escalation_policies" | "schedules" | "users" => {
                        for e in root.opt_array(key)? {
                            self.object(b, key, e)?;
                        }
                    }
                    "escalation_policy" | "schedule" | "user" => self.object(b, key, item)?,
                    "more" if root.opt_bool("more")? == Some(true) => {
                        let next = root.opt_u64("offset")?.unwrap_or(0)
                            + root.opt_u64("limit")?.unwrap_or(0);
                        b.notes.warn(item.src(), format!("this list continues on another page (\"more\": true): fetch it again with offset={next} and import those files too"));
                    }
                    _ => {}
                }
            }
            return Ok(());
        }
        self.bare(b, root)
    }

    fn bare(&mut self, b: &mut Builder, item: Item<'_>) -> Result<(), ImportError> {
        match item.opt_str("type")? {
            Some("escalation_policy") => self.object(b, "escalation_policy", item),
            Some("schedule") => self.object(b, "schedule", item),
            Some("user") => self.object(b, "user", item),
            Some(other) => {
                b.notes.info(
                    item.src(),
                    format!(
                        "a PagerDuty object of type \"{}\" is not part of an escalation policy: not imported",
                        rungs_core::text::truncate_for_display(other, 40)
                    ),
                );
                Ok(())
            }
            None => Err(item.error("expected a PagerDuty API response: an envelope such as {\"escalation_policies\": [...]} or an object with \"type\": \"escalation_policy\", \"schedule\" or \"user\"")),
        }
    }

    fn object(&mut self, b: &mut Builder, key: &str, item: Item<'_>) -> Result<(), ImportError> {
        if !item.value.is_object() {
            return Err(item.error(crate::json::expected("an object", item.value)));
        }
        match key {
            "escalation_policies" | "escalation_policy" => self.policy(b, item),
            "schedules" | "schedule" => self.schedule(b, item),
            _ => self.user(b, item),
        }
    }

    fn user(&mut self, b: &mut Builder, u: Item<'_>) -> Result<(), ImportError> {
        let id = u.req_str("id")?;
        if !self.user_keys.insert(id.to_string()) {
            b.notes.info(
                u.src(),
                format!("user {id} appears again: the first one is kept"),
            );
            return Ok(());
        }
        let name = match u.opt_str("name")? {
            Some(n) => n,
            None => u.opt_str("summary")?.unwrap_or(id),
        };
        self.model.users.push(User {
            key: id.to_string(),
            name: name.to_string(),
            email: u.opt_str("email")?.map(str::to_string),
            time_zone: u.opt_str("time_zone")?.map(str::to_string),
            src: u.src(),
            reference_only: false,
        });
        Ok(())
    }

    /// A `user_reference`: its id, and its `summary` as a name to fall back on.
    fn user_ref(&mut self, r: &Item<'_>) -> Result<String, ImportError> {
        let id = r.req_str("id")?;
        if let Some(summary) = r.opt_str("summary")? {
            if self.reference_keys.insert(id.to_string()) {
                self.references.push(User {
                    key: id.to_string(),
                    name: summary.to_string(),
                    email: None,
                    time_zone: None,
                    src: r.src(),
                    reference_only: true,
                });
            }
        }
        Ok(id.to_string())
    }

    fn schedule(&mut self, b: &mut Builder, s: Item<'_>) -> Result<(), ImportError> {
        let id = s.req_str("id")?;
        if !self.schedule_keys.insert(id.to_string()) {
            b.notes.info(
                s.src(),
                format!("schedule {id} appears again: the first one is kept"),
            );
            return Ok(());
        }
        let name = s
            .opt_str("name")?
            .or(s.opt_str("summary")?)
            .unwrap_or(id)
            .to_string();
        let mut pending = Vec::new();
        for key in ["final_schedule", "overrides_subschedule"] {
            if let Some(x) = s.get(key) {
                pending.push(Pending::info(x.src(), format!("schedule \"{name}\"'s {key} (who PagerDuty computed to be on call) is ignored: Rungs works it out from the layers")));
            }
        }
        for t in s.opt_array("teams")? {
            let team = t.opt_str("summary")?.or(t.opt_str("id")?).unwrap_or("?");
            pending.push(Pending::info(
                t.src(),
                format!("schedule \"{name}\" belongs to team \"{team}\": teams are not imported"),
            ));
        }
        for u in s.opt_array("users")? {
            self.user_ref(&u)?;
        }
        let mut layers = Vec::new();
        // The API lists the layers highest first (the provider reverses them to match
        // the configuration's order, lowest first: flattenScheduleLayers).
        for l in s.opt_array("schedule_layers")?.into_iter().rev() {
            layers.push(self.layer(&name, &l, &mut pending)?);
        }
        let mut overrides = Vec::new();
        for o in s.opt_array("overrides")? {
            let user = o
                .get("user")
                .ok_or_else(|| o.error("\"user\" is missing: expected a user reference"))?;
            overrides.push(ScheduleOverride {
                start: o.req_str("start")?.to_string(),
                end: o.req_str("end")?.to_string(),
                user: self.user_ref(&user)?,
                src: o.src(),
            });
        }
        self.model.schedules.push(Schedule {
            key: id.to_string(),
            name,
            time_zone: s.opt_str("time_zone")?.map(str::to_string),
            layers,
            overrides,
            src: s.src(),
            unknown: false,
            pending,
        });
        Ok(())
    }

    fn layer(
        &mut self,
        schedule: &str,
        l: &Item<'_>,
        pending: &mut Vec<Pending>,
    ) -> Result<Layer, ImportError> {
        let name = l.opt_str("name")?.map(str::to_string);
        let label = format!(
            "layer \"{}\" of schedule \"{schedule}\"",
            name.as_deref().unwrap_or("?")
        );
        let turn = l.opt_u64("rotation_turn_length_seconds")?.ok_or_else(|| {
            l.error(
                "\"rotation_turn_length_seconds\" is missing: expected a whole number of seconds",
            )
        })?;
        if !l.opt_array("rendered_schedule_entries")?.is_empty() {
            pending.push(Pending::info(
                l.src_at("rendered_schedule_entries"),
                format!("{label}'s rendered_schedule_entries are ignored: Rungs works them out"),
            ));
        }
        let mut users = Vec::new();
        for u in l.opt_array("users")? {
            let user = u.get("user").ok_or_else(|| {
                u.error("\"user\" is missing: expected {\"user\": {\"id\": ...}}")
            })?;
            users.push((self.user_ref(&user)?, user.src()));
        }
        let mut restrictions = Vec::new();
        for r in l.opt_array("restrictions")? {
            restrictions.push(Restriction {
                kind: r.req_str("type")?.to_string(),
                start_time_of_day: r.req_str("start_time_of_day")?.to_string(),
                duration_seconds: r.opt_u64("duration_seconds")?.ok_or_else(|| {
                    r.error("\"duration_seconds\" is missing: expected a whole number of seconds")
                })?,
                start_day_of_week: r.opt_u64("start_day_of_week")?,
                src: r.src(),
            });
        }
        Ok(Layer {
            name,
            start: l.opt_str("start")?.map(str::to_string),
            end: l.opt_str("end")?.map(str::to_string),
            virtual_start: l.opt_str("rotation_virtual_start")?.map(str::to_string),
            turn_seconds: check_turn(turn, &l.src_at("rotation_turn_length_seconds"), &label)?,
            users,
            restrictions,
            src: l.src(),
            src_start: l.src_at("start"),
            src_end: l.src_at("end"),
            src_turn: l.src_at("rotation_turn_length_seconds"),
        })
    }

    fn policy(&mut self, b: &mut Builder, p: Item<'_>) -> Result<(), ImportError> {
        let name = p
            .opt_str("name")?
            .or(p.opt_str("summary")?)
            .unwrap_or("Imported policy")
            .to_string();
        if let Some(id) = p.opt_str("id")? {
            if !self.policy_ids.insert(id.to_string()) {
                b.notes.info(
                    p.src(),
                    format!("policy \"{name}\" ({id}) appears again: the first one is kept"),
                );
                return Ok(());
            }
        }
        let mut pending = Vec::new();
        for t in p.opt_array("teams")? {
            let team = t.opt_str("summary")?.or(t.opt_str("id")?).unwrap_or("?");
            pending.push(Pending::info(
                t.src(),
                format!("policy \"{name}\" belongs to team \"{team}\": teams are not imported"),
            ));
        }
        let services = p.opt_array("services")?;
        if !services.is_empty() {
            pending.push(Pending::info(p.src_at("services"), format!("policy \"{name}\" is used by {} service(s): services are not imported; link them to the tier in Rungs", services.len())));
        }
        if let Some(h) = p.opt_str("on_call_handoff_notifications")? {
            pending.push(Pending::info(
                p.src_at("on_call_handoff_notifications"),
                format!("policy \"{name}\" sends hand-off notifications \"{}\": Rungs does not notify hand-offs", rungs_core::text::truncate_for_display(h, 30)),
            ));
        }
        let mut rules = Vec::new();
        for (n, r) in p.opt_array("escalation_rules")?.into_iter().enumerate() {
            let label = format!("rule {} of policy \"{name}\"", n + 1);
            let delay = r.opt_u64("escalation_delay_in_minutes")?.ok_or_else(|| {
                r.error("\"escalation_delay_in_minutes\" is missing: expected a whole number of minutes")
            })?;
            let delay = check_delay(delay, &r.src_at("escalation_delay_in_minutes"), &label)?;
            let mut targets = Vec::new();
            for t in r.opt_array("targets")? {
                let kind = t.req_str("type")?;
                let kind = match kind {
                    "user_reference" | "user" => TargetKind::User,
                    "schedule_reference" | "schedule" => TargetKind::Schedule,
                    other => TargetKind::Other(other.to_string()),
                };
                let key = if kind == TargetKind::User {
                    self.user_ref(&t)?
                } else {
                    t.req_str("id")?.to_string()
                };
                targets.push(RuleTarget {
                    kind,
                    key,
                    src: t.src(),
                });
            }
            let strategy = match r.get("escalation_rule_assignment_strategy") {
                None => None,
                Some(s) if s.value.is_string() => {
                    Some((s.value.as_str().unwrap_or("").to_string(), s.src()))
                }
                Some(s) => s.opt_str("type")?.map(|t| (t.to_string(), s.src())),
            };
            rules.push(Rule {
                delay_minutes: delay,
                targets,
                strategy,
                src: r.src(),
            });
        }
        let loops = p.opt_u64("num_loops")?.map(|n| (n, p.src_at("num_loops")));
        self.model.policies.push(Policy {
            name,
            description: p.opt_str("description")?.map(str::to_string),
            num_loops: loops,
            rules,
            src: p.src(),
            pending,
        });
        Ok(())
    }
}

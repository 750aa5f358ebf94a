//! The ladder diagram (SVG): one rung per tier, most severe at the top; each rung with its
//! timelines, owners and escalation chain; triggers entering the rung they open; breach
//! escalations as arrows between rungs. Clicking a rung opens it in the inspector.
//!
//! All geometry comes from `rungs_core::diagram::layout`; this only draws it, and every
//! user text is a text node.

use leptos::prelude::*;
use rungs_core::diagram::{self, BreachArrow, Diagram as Layout, RungBox, TriggerMark};
use rungs_core::edit::Kind;

use crate::state::doc::use_doc;
use crate::state::selection::{select, use_selected, Sel};
use crate::testid;
use crate::widgets::each::each_changed;

/// The ladder drawn as a picture.
///
/// A keystroke in the inspector changes one rung's box, most often: each rung, trigger
/// and breach arrow is drawn again only when its box changed (`each_changed`), and the
/// picture's size, rails and summary are attributes that follow the layout.
#[component]
pub fn Diagram() -> impl IntoView {
    let doc = use_doc();
    let layout = Memo::new(move |_| {
        crate::platform::clock::timed("diagram-layout", || doc.ladder.with(diagram::layout))
    });
    view! {
        <section class="panel diagram-panel" aria-labelledby="diagram-h">
            <div class="section-head">
                <h2 id="diagram-h">"Ladder diagram"</h2>
                <span class="legend muted small">
                    <span class="key trigger">"→ trigger opens the tier"</span>
                    <span class="key breach">"⤴ missed deadline escalates"</span>
                </span>
            </div>
            <p id="diagram-hint" class="visually-hidden">"Opens the tier in the editor."</p>
            <div class="diagram-scroll">{draw(layout)}</div>
        </section>
    }
}

/// The picture's frame: its size, rails and summary. It changes when tiers, triggers or
/// arrows come or go, or the widest rung or arrow label changes the picture's size.
#[derive(Debug, Clone, PartialEq)]
struct Frame {
    width: f64,
    height: f64,
    rails: (f64, f64),
    /// Rungs, triggers, breach arrows.
    counts: (usize, usize, usize),
}

fn draw(layout: Memo<Layout>) -> impl IntoView {
    let frame = Memo::new(move |_| {
        layout.with(|d| Frame {
            width: d.width,
            height: d.height,
            rails: (d.rail_left() - 8.0, d.rail_right() + 8.0),
            counts: (d.rungs.len(), d.triggers.len(), d.breaches.len()),
        })
    });
    let count = Memo::new(move |_| frame.with(|f| f.counts.0 + f.counts.1 + f.counts.2));
    let summary = move || {
        frame.with(|f| {
            format!(
                "Ladder diagram: {} tiers from most severe at the top to least severe at the bottom, {} triggers, {} breach escalations.",
                f.counts.0, f.counts.1, f.counts.2
            )
        })
    };
    // a figure of the frame, as a reactive attribute
    let figure = move |pick: fn(&Frame) -> f64| move || frame.with(pick);
    let (top, bottom) = (
        diagram::MARGIN_Y / 2.0,
        figure(|f| f.height - diagram::MARGIN_Y / 2.0),
    );
    view! {
        <svg
            class="diagram"
            data-testid=testid::DIAGRAM
            viewBox=move || frame.with(|f| format!("0 0 {} {}", f.width, f.height))
            width=figure(|f| f.width)
            height=figure(|f| f.height)
            role="group"
            aria-label=summary
        >
            <defs>
                <marker id="arrow-trigger" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0 0 L10 5 L0 10 z" class="arrowhead trigger" />
                </marker>
                <marker id="arrow-breach" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0 0 L10 5 L0 10 z" class="arrowhead breach" />
                </marker>
            </defs>
            <line class="rail" x1=figure(|f| f.rails.0) x2=figure(|f| f.rails.0) y1=top y2=bottom />
            <line class="rail" x1=figure(|f| f.rails.1) x2=figure(|f| f.rails.1) y1=top y2=bottom />
            {each_changed(count, move |i| layout.with(|d| Piece::nth(d, i)), Piece::view)}
        </svg>
    }
}

/// A rung, a trigger or a breach arrow: the pieces of the picture in the order they are
/// drawn (arrows over rungs), so one list holds them all.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Rung(RungBox),
    Trigger(TriggerMark),
    Breach(BreachArrow),
}

impl Piece {
    fn nth(d: &Layout, i: usize) -> Option<Piece> {
        let (rungs, triggers) = (d.rungs.len(), d.triggers.len());
        if i < rungs {
            Some(Piece::Rung(d.rungs[i].clone()))
        } else if i < rungs + triggers {
            Some(Piece::Trigger(d.triggers[i - rungs].clone()))
        } else {
            d.breaches
                .get(i - rungs - triggers)
                .cloned()
                .map(Piece::Breach)
        }
    }

    fn view(&self) -> AnyView {
        match self {
            Piece::Rung(r) => rung(r).into_any(),
            Piece::Trigger(t) => trigger(t).into_any(),
            Piece::Breach(b) => breach(b).into_any(),
        }
    }
}

fn trigger(t: &TriggerMark) -> impl IntoView + use<> {
    view! {
        <g class="d-trigger" data-pointer=t.pointer.clone()>
            <title>{t.label.clone()}</title>
            <line x1=t.x1 y1=t.y1 x2=t.x2 y2=t.y2 marker-end="url(#arrow-trigger)" />
            <text x=t.x1 y=t.y1 - 6.0>{t.label.clone()}</text>
        </g>
    }
}

fn breach(b: &BreachArrow) -> impl IntoView + use<> {
    view! {
        <g class="d-breach">
            <title>{format!("{}: escalates from {} to {}", b.label, b.from_tier, b.to_tier)}</title>
            <path d=b.path.clone() marker-end="url(#arrow-breach)" />
            <text x=b.label_x y=b.label_y>{b.label.clone()}</text>
        </g>
    }
}

fn rung(r: &RungBox) -> impl IntoView + use<> {
    let selected = use_selected();
    let index = r
        .pointer
        .rsplit('/')
        .next()
        .and_then(|i| i.parse().ok())
        .unwrap_or(0);
    let open = move || select(selected, Sel::Item(Kind::Tier, index));
    let cx = r.x + 22.0;
    let cy = r.y + 22.0;
    view! {
        <g class=format!("d-rung sev-{}", r.severity) data-pointer=r.pointer.clone() on:click=move |_| open()>
            <rect class="d-box" x=r.x y=r.y width=r.w height=r.h rx="10" />
            // The rank and name are the rung's button for the keyboard; its accessible
            // name is its title.
            <g
                class="d-head"
                tabindex="0"
                role="button"
                aria-describedby="diagram-hint"
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        ev.prevent_default();
                        open();
                    }
                }
            >
                <title>{format!("Tier {}: {}", r.rank, r.name)}</title>
                <circle class="d-rank" cx=cx cy=cy r="13" />
                <text class="d-rank-text" x=cx y=cy + 4.5 text-anchor="middle">{r.rank}</text>
                <text class="d-name" x=r.x + 44.0 y=r.y + 22.0>{r.name.clone()}</text>
            </g>
            <text class="d-meta" x=r.x + 44.0 y=r.y + 40.0>{r.timelines.clone()}</text>
            <text class="d-meta" x=r.x + 44.0 y=r.y + 55.0>{r.owners.clone()}</text>
            {r
                .steps
                .iter()
                .map(|s| {
                    view! {
                        <g class="d-step" class:empty=s.empty data-pointer=s.pointer.clone()>
                            <title>{format!("Step {}: {} ({})", s.number, s.full, s.delay)}</title>
                            <rect x=s.x y=s.y width=s.w height=s.h rx="6" />
                            <text class="d-step-label" x=s.x + 8.0 y=s.y + 18.0>{format!("{}. {}", s.number, s.label)}</text>
                            <text class="d-step-delay" x=s.x + 8.0 y=s.y + 34.0>{s.delay.clone()}</text>
                        </g>
                    }
                })
                .collect_view()}
        </g>
    }
}

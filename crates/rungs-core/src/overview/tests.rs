use super::*;

fn saas() -> LadderOverview {
    LadderOverview::new(&crate::parse_ladder(crate::examples::EXAMPLES[0].json).unwrap())
}

#[test]
fn rungs_run_from_most_to_least_severe() {
    let o = saas();
    let names: Vec<_> = o.rungs.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        ["SEV1 Critical", "SEV2 Major", "SEV3 Minor", "SEV4 Low"]
    );
    assert_eq!(
        o.rungs.iter().map(|r| r.severity).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
}

#[test]
fn references_resolve_to_names() {
    let o = saas();
    let sev1 = &o.rungs[0];
    assert_eq!(sev1.timelines[0], ("acknowledge", "5m".to_string()));
    assert_eq!(sev1.pointer, "/tiers/0");
    assert_eq!(sev1.steps[2].pointer, "/tiers/0/escalation/steps/2");
    assert_eq!(o.rotations[3].pointer, "/rotations/3");
    assert_eq!(sev1.steps.len(), 3);
    assert_eq!(sev1.steps[0].targets[1].label, "EMEA primary");
    assert_eq!(
        sev1.steps[2].targets[0],
        TargetView {
            kind: "role",
            id: "leadership".into(),
            label: "Engineering leadership".into()
        }
    );
    assert_eq!(
        sev1.owners
            .iter()
            .find(|(d, _)| *d == "communication")
            .unwrap()
            .1
            .label,
        "Communications lead"
    );
    assert_eq!(sev1.playbook.as_deref(), Some("Major incident"));
    assert_eq!(sev1.triggers, ["checkout-outage", "revenue-at-risk"]);
    let sev2 = &o.rungs[1];
    assert_eq!(sev2.escalates_on, ["acknowledge", "contain"]);
    assert_eq!(sev2.escalates_to.as_deref(), Some("SEV1 Critical"));
    assert_eq!(
        o.roles.iter().find(|r| r.id == "ic").unwrap().holders,
        ["Farah Rahman", "Ben Okafor", "Diego Alvarez"] // in the order of `people`
    );
    let t = o
        .triggers
        .iter()
        .find(|t| t.id == "checkout-errors")
        .unwrap();
    assert_eq!(
        (t.condition.as_str(), t.tier.as_str()),
        ("error_rate >= 0.05 for 2m", "SEV2 Major")
    );
}

#[test]
fn pointers_follow_the_document_when_tiers_are_not_in_rank_order() {
    let mut l = crate::parse_ladder(crate::examples::EXAMPLES[1].json).unwrap();
    l.tiers.reverse();
    let o = LadderOverview::new(&l);
    assert_eq!(o.rungs[0].name, "P1 Site down");
    assert_eq!(o.rungs[0].pointer, "/tiers/2");
    assert_eq!(o.rungs[0].steps[1].pointer, "/tiers/2/escalation/steps/1");
}

#[test]
fn windows_read_naturally() {
    use crate::{ClockTime, Weekday::*};
    let w = |days: Vec<crate::Weekday>, f: &str, t: &str| Window {
        days,
        from: ClockTime::parse(f).unwrap(),
        to: ClockTime::parse(t).unwrap(),
        to_day: None,
    };
    assert_eq!(
        describe_window(&w(vec![Mon, Tue, Wed, Thu, Fri], "09:00", "17:00")),
        "mon–fri 09:00–17:00"
    );
    assert_eq!(
        describe_window(&w(vec![Sat, Sun], "00:00", "00:00")),
        "sat, sun all day"
    );
    assert_eq!(
        describe_window(&w(crate::Weekday::ALL.to_vec(), "22:00", "06:00")),
        "every day 22:00–06:00"
    );
}

#[test]
fn unresolved_references_show_their_id() {
    let mut l = crate::parse_ladder(crate::examples::EXAMPLES[1].json).unwrap();
    l.tiers[0].escalation.steps[0].notify[0] =
        Target::Person(crate::PersonId::new("ghost").unwrap());
    let o = LadderOverview::new(&l);
    assert_eq!(o.rungs[0].steps[0].targets[0].label, "ghost");
}

//! [`preview_template`]: a template body with sample values.

use crate::model::*;

/// Whether a role looks like the incident commander's: its id or name contains
/// "commander", or its id is `ic` or has `ic` as a `-`/`_`-separated word.
fn is_commander_role(r: &Role) -> bool {
    r.id.as_str().contains("commander")
        || r.name.to_lowercase().contains("commander")
        || r.id.as_str().split(['-', '_']).any(|w| w == "ic")
}

/// The sample commander of [`preview_template`].
fn sample_commander(ladder: &Ladder) -> String {
    ladder
        .roles
        .iter()
        .filter(|r| is_commander_role(r))
        .find_map(|r| ladder.people.iter().find(|p| p.roles.contains(&r.id)))
        .or(ladder.people.first())
        .map_or_else(|| "Alex Kim".to_string(), |p| p.name.clone())
}

/// The template body with every known placeholder ({{incident}}, {{service}}, {{tier}},
/// {{status}}, {{next_update}}, {{commander}}, see [`TEMPLATE_PLACEHOLDERS`]) replaced by
/// sample values taken from the ladder where possible (tier: first tier name, service:
/// first service name, commander: a holder of a role with id/name containing "commander"
/// or "ic" else first person name, incident "INC-1042", status "Investigating",
/// next_update "in 30 minutes"); unknown placeholders are left as written.
///
/// Placeholders are read like validation reads them: spaces inside the braces are
/// allowed (`{{ tier }}`). Without tiers, services or people the samples are "SEV1",
/// "Checkout" and "Alex Kim". A role counts as "ic" when its id is `ic` or has `ic` as a
/// `-`/`_`-separated word (so "Communications" does not).
pub fn preview_template(ladder: &Ladder, body: &str) -> String {
    let value = |name: &str| -> Option<String> {
        Some(match name {
            "incident" => "INC-1042".into(),
            "service" => ladder
                .services
                .first()
                .map_or_else(|| "Checkout".into(), |s| s.name.clone()),
            "tier" => ladder
                .tiers
                .first()
                .map_or_else(|| "SEV1".into(), |t| t.name.clone()),
            "status" => "Investigating".into(),
            "next_update" => "in 30 minutes".into(),
            "commander" => sample_commander(ladder),
            _ => return None,
        })
    };
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(open) = rest.find("{{") {
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            break;
        };
        out.push_str(&rest[..open]);
        match value(after[..close].trim()) {
            Some(v) => out.push_str(&v),
            None => out.push_str(&rest[open..open + 2 + close + 2]),
        }
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    out
}

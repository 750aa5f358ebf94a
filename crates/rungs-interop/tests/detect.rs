//! Every fixture that is a vendor's document is placed with its own system, so files
//! dropped on the app pick the right importer.

use std::fs;
use std::path::Path;

use rungs_interop::{detect::system_of, System};

#[test]
fn every_fixture_is_placed_with_its_system() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for (dir, system) in [
        ("pagerduty", System::PagerDuty),
        ("opsgenie", System::Opsgenie),
        ("grafana", System::GrafanaOncall),
        ("goalert", System::GoAlert),
    ] {
        for entry in fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let Ok(text) = fs::read_to_string(&path) else {
                continue;
            };
            let expected = if name.ends_with(".tf") {
                Some(System::Terraform)
            } else if name.ends_with(".json")
                && serde_json::from_str::<serde_json::Value>(&text).is_ok()
            {
                Some(system)
            } else {
                // broken JSON and the READMEs cannot be placed
                None
            };
            assert_eq!(system_of(&name, &text), expected, "{dir}/{name}");
            checked += 1;
        }
    }
    assert!(checked > 60, "only {checked} fixtures");
}

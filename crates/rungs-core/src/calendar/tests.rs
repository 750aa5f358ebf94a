//! The writing rules of `ics`: folding, escaping, offsets.

use super::ics::{escape, fold_for_test};

#[test]
fn long_lines_fold_at_75_octets_never_inside_a_character() {
    let line = format!("SUMMARY:{}", "é".repeat(80));
    let folded = fold_for_test(&line);
    assert!(folded.ends_with("\r\n"));
    let physical: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
    assert!(physical.len() > 2);
    for (i, p) in physical.iter().enumerate() {
        assert!(p.len() <= 75, "line {i} has {} octets", p.len());
        assert_eq!(i > 0, p.starts_with(' '), "{p:?}");
    }
    // 8 octets of "SUMMARY:", then two-octet characters: 33 of them fit in 74
    assert_eq!(physical[0].len(), 74);
    let unfolded: String = physical
        .iter()
        .enumerate()
        .map(|(i, p)| if i == 0 { *p } else { &p[1..] })
        .collect();
    assert_eq!(unfolded, line);
    assert_eq!(fold_for_test("VERSION:2.0"), "VERSION:2.0\r\n");
    let exact = "X".repeat(75);
    assert_eq!(fold_for_test(&exact), format!("{exact}\r\n"));
    assert_eq!(fold_for_test(&"X".repeat(76)), format!("{exact}\r\n X\r\n"));
}

#[test]
fn text_escapes_the_characters_rfc_5545_names() {
    assert_eq!(
        escape("Ana; Ben, and C:\\D\nnext\r\u{7}"),
        "Ana\\; Ben\\, and C:\\\\D\\nnext"
    );
}

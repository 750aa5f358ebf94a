//! Small text helpers shared by error messages.

/// Shortens `s` to at most `max` characters for an error message, marking the cut.
pub fn truncate_for_display(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// The candidate closest to `word` by edit distance, if it is close enough to be a
/// plausible typo (at most a third of the word's length, and at least one edit).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_long_text_only() {
        assert_eq!(truncate_for_display("abc", 3), "abc");
        assert_eq!(truncate_for_display("abcdef", 3), "abc…");
    }

    #[test]
    fn suggests_only_close_names() {
        let fields = ["notify", "escalate_after"];
        assert_eq!(closest("escalate_afer", fields), Some("escalate_after"));
        assert_eq!(closest("notfy", fields), Some("notify"));
        assert_eq!(closest("colour", fields), None);
    }
}

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

/// Words longer than this never get a "did you mean": a typo of a real name is short,
/// and the edit distance costs the product of the two lengths.
pub const MAX_SUGGESTION_WORD: usize = 64;

/// The candidate closest to `word` by edit distance, if it is close enough to be a
/// plausible typo (at most a third of the word's length, and at least one edit).
///
/// The work is bounded whatever the input: a word over [`MAX_SUGGESTION_WORD`] characters
/// gets no suggestion, and a candidate whose length differs from the word's by more than
/// the accepted distance is skipped without computing the distance (it could not be
/// close enough), as is a candidate over [`MAX_SUGGESTION_WORD`] characters.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Counting stops early, so a huge word costs no more than a short one.
    let len = word.chars().take(MAX_SUGGESTION_WORD + 1).count();
    if len > MAX_SUGGESTION_WORD {
        return None;
    }
    let limit = (len / 3).max(1);
    candidates
        .into_iter()
        .filter(|c| {
            let clen = c.chars().take(MAX_SUGGESTION_WORD + 1).count();
            clen <= MAX_SUGGESTION_WORD && clen.abs_diff(len) <= limit
        })
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

    #[test]
    fn long_words_and_far_lengths_get_no_suggestion() {
        let long = "a".repeat(MAX_SUGGESTION_WORD + 1);
        assert_eq!(closest(&long, [long.as_str()]), None);
        let huge = "x".repeat(1 << 20);
        assert_eq!(closest(&huge, ["Europe/Berlin"]), None);
        // Within the length window the suggestion is as before.
        assert_eq!(
            closest("Europe/Berln", ["Europe/Berlin", "Asia/Tokyo"]),
            Some("Europe/Berlin")
        );
        // Lengths two apart are two edits apart at least, over the limit of one.
        assert_eq!(closest("abcd", ["ab"]), None);
    }
}

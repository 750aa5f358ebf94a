//! Small text helpers shared by error messages, summaries and Markdown output.

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

/// `n` and the noun in the number it takes: `count(1, "tier", "tiers")` is `1 tier`,
/// `count(3, "tier", "tiers")` is `3 tiers` (digits grouped: `1,200 tiers`).
pub fn count(n: usize, one: &str, many: &str) -> String {
    let noun = if n == 1 { one } else { many };
    format!("{} {noun}", group_thousands(n as u64))
}

/// `n` with its thousands separated by commas: `12,345`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `s` as literal Markdown text: every character Markdown (CommonMark and GitHub's
/// tables) could read as markup is escaped with a backslash, so a quoted name or note
/// never becomes a link, an image, HTML, emphasis, a heading or a table cell, and line
/// breaks become spaces so it stays on its line (a list item or a table row). Meant for
/// text placed after other text on its line (`- Scenario: …`, a table cell): `-`, `+`
/// and `1.` only open a list at the start of a line, so they are left as they are.
///
/// ```
/// use rungs_core::text::markdown_text;
/// assert_eq!(markdown_text("a|b <i>[x](y)"), r"a\|b \<i\>\[x\]\(y\)");
/// ```
pub fn markdown_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '<' | '>' | '#' | '!'
            | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Names joined as people write a list: `"A"`, `"A and B"`, `"A, B and C"`.
pub fn join_names<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_noun_in_their_number() {
        assert_eq!(count(0, "tier", "tiers"), "0 tiers");
        assert_eq!(count(1, "tier", "tiers"), "1 tier");
        assert_eq!(count(2, "person", "people"), "2 people");
        assert_eq!(count(1200, "signal", "signals"), "1,200 signals");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1_000), "1,000");
        assert_eq!(group_thousands(1_000_000), "1,000,000");
        assert_eq!(group_thousands(12_345_678), "12,345,678");
        assert_eq!(group_thousands(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn markdown_text_is_inert() {
        let hostile = "Sev1 | <img src=x onerror=alert(1)> [click](javascript:x) **bold**\n# heading\n- item `code` ![i](u) <https://x> &amp;";
        let out = markdown_text(hostile);
        // nothing left that opens markup or a new line or a table cell
        for (i, c) in out.char_indices() {
            if "|<>[]()*`#!&".contains(c) {
                assert_eq!(&out[i - 1..i], "\\", "{c} unescaped in {out}");
            }
        }
        assert!(!out.contains('\n'));
        // and unescaping gives the text back, line breaks as spaces
        let mut back = String::new();
        let mut esc = false;
        for c in out.chars() {
            if esc || c != '\\' {
                back.push(c);
                esc = false;
            } else {
                esc = true;
            }
        }
        assert_eq!(back, hostile.replace('\n', " "));
    }

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

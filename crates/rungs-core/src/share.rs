//! Share links: the whole ladder in a URL fragment, with no server involved.
//!
//! The payload is `1.` followed by the ladder's compact canonical JSON, deflated and
//! encoded as base64url without padding. The `1.` names the encoding, so a later build
//! can change it and still say clearly what an old or newer link is.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use crate::{Ladder, ParseError, MAX_DOCUMENT_BYTES};

/// The fragment key a share link carries its payload under: `#ladder=1.…`. The page's
/// loader (Trunk.toml's `pattern_script`) tests for it too, before any wasm runs, to
/// choose the viewer module: change both together.
pub const FRAGMENT_KEY: &str = "ladder";

const VERSION: &str = "1.";

/// Why a share link could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    /// The fragment carries no ladder.
    #[error("the link carries no ladder (nothing after `#{FRAGMENT_KEY}=`)")]
    Empty,
    /// The payload does not start with an encoding this build reads.
    #[error("the link was made by another version of Rungs (it starts with `{found}`, this build reads `1.`)")]
    UnknownVersion {
        /// The first characters of the payload.
        found: String,
    },
    /// The payload has characters base64url does not use, or a bad length.
    #[error("the link is damaged: {detail}; it may have been cut or changed when it was copied")]
    NotBase64 {
        /// What the decoder found.
        detail: String,
    },
    /// The compressed data is cut short or corrupted.
    #[error("the link is cut short or corrupted; copy the whole link again")]
    Corrupted,
    /// The ladder in the link is larger than Rungs reads.
    #[error("the ladder in the link is larger than the {} MB Rungs reads", MAX_DOCUMENT_BYTES / 1_048_576)]
    TooLarge,
    /// The link holds text that is not a valid ladder.
    #[error("the link holds a ladder Rungs cannot read: {0}")]
    Invalid(ParseError),
}

/// The share-link payload of a ladder.
///
/// ```
/// let ladder = rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[1].json).unwrap();
/// let payload = rungs_core::share::encode(&ladder);
/// assert!(payload.starts_with("1."));
/// assert_eq!(rungs_core::share::decode(&payload).unwrap(), ladder);
/// ```
pub fn encode(ladder: &Ladder) -> String {
    let json = crate::parse::to_compact_json(ladder);
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 10);
    format!("{VERSION}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// Reads a share-link payload (what follows `#ladder=`), refusing anything damaged,
/// oversized or invalid with a message for the person who opened the link.
pub fn decode(payload: &str) -> Result<Ladder, ShareError> {
    let payload = payload.trim();
    if payload.is_empty() {
        return Err(ShareError::Empty);
    }
    let Some(body) = payload.strip_prefix(VERSION) else {
        return Err(ShareError::UnknownVersion {
            found: crate::text::truncate_for_display(payload, 8),
        });
    };
    let packed = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|e| ShareError::NotBase64 {
            detail: e.to_string(),
        })?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_DOCUMENT_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            _ => ShareError::Corrupted,
        })?;
    let text = String::from_utf8(json).map_err(|_| ShareError::Corrupted)?;
    crate::parse_ladder(&text).map_err(ShareError::Invalid)
}

/// The payload in a URL fragment such as `#ladder=1.abc` (or `ladder=1.abc`), if the
/// fragment names one.
pub fn payload_of_fragment(fragment: &str) -> Option<&str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment
        .split('&')
        .find_map(|part| part.strip_prefix(FRAGMENT_KEY)?.strip_prefix('='))
}

/// A file name for the ladder: its name in lowercase words joined by `-`, plus `.json`.
pub fn file_name(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "ladder.json".to_string()
    } else {
        format!("{}.json", words.join("-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_is_the_name_in_lowercase_words() {
        assert_eq!(
            file_name("SaaS: checkout & billing"),
            "saas-checkout-billing.json"
        );
        assert_eq!(file_name("Équipe Nord 2"), "équipe-nord-2.json");
        assert_eq!(file_name("  -- "), "ladder.json");
    }

    #[test]
    fn every_example_round_trips_and_the_startup_link_is_short() {
        for ex in crate::examples::EXAMPLES {
            let ladder = crate::parse_ladder(ex.json).unwrap();
            let payload = encode(&ladder);
            assert!(payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'));
            assert_eq!(decode(&payload).unwrap(), ladder, "{}", ex.key);
        }
        let startup =
            crate::parse_ladder(crate::examples::example("startup").unwrap().json).unwrap();
        assert!(encode(&startup).len() < 2000, "{}", encode(&startup).len());
    }

    #[test]
    fn damaged_links_say_what_is_wrong() {
        let ladder = crate::parse_ladder(crate::examples::EXAMPLES[1].json).unwrap();
        let payload = encode(&ladder);
        assert_eq!(decode(""), Err(ShareError::Empty));
        assert!(matches!(
            decode("2.abc"),
            Err(ShareError::UnknownVersion { .. })
        ));
        assert!(matches!(
            decode("1.a<b>c"),
            Err(ShareError::NotBase64 { .. })
        ));
        // cut at a whole base64 quantum: valid base64, truncated deflate stream
        let cut = 2 + (payload.len() - 2) / 2 / 4 * 4;
        assert_eq!(decode(&payload[..cut]), Err(ShareError::Corrupted));
        // cut anywhere: either way a clear error
        for cut in [3, 10, payload.len() - 1] {
            let e = decode(&payload[..cut]).unwrap_err();
            assert!(
                matches!(e, ShareError::Corrupted | ShareError::NotBase64 { .. }),
                "{e}"
            );
            assert!(e.to_string().contains("cut"), "{e}");
        }
        let mut flipped = payload.clone().into_bytes();
        let i = flipped.len() / 2;
        flipped[i] = if flipped[i] == b'A' { b'B' } else { b'A' };
        assert!(decode(std::str::from_utf8(&flipped).unwrap()).is_err());
        let not_a_ladder = format!(
            "1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(
                b"{\"format\":\"rungs.ladder/v2\"}",
                6
            ))
        );
        let e = decode(&not_a_ladder).unwrap_err();
        assert!(e.to_string().contains("rungs.ladder/v2"), "{e}");
    }

    #[test]
    fn a_compression_bomb_is_refused() {
        let bomb = vec![b' '; MAX_DOCUMENT_BYTES + 1];
        let payload = format!(
            "1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&bomb, 10))
        );
        assert!(payload.len() < 20_000);
        assert_eq!(decode(&payload), Err(ShareError::TooLarge));
    }

    #[test]
    fn fragments() {
        assert_eq!(payload_of_fragment("#ladder=1.abc"), Some("1.abc"));
        assert_eq!(payload_of_fragment("x=1&ladder=1.abc"), Some("1.abc"));
        assert_eq!(payload_of_fragment("#main"), None);
        assert_eq!(payload_of_fragment(""), None);
    }
}

//! Arbitrary strings as share-link fragments and payloads: decoding never panics, and a
//! ladder that decodes encodes to a link that decodes to the same ladder.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rungs_core::share;

fuzz_target!(init: rungs_fuzz::catch_stack_overflows(), |data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let payloads = [Some(text.as_ref()), share::payload_of_fragment(&text)];
    for payload in payloads.into_iter().flatten() {
        if let Ok(ladder) = share::decode(payload) {
            let again = share::encode(&ladder);
            assert_eq!(
                share::decode(&again).as_ref(),
                Ok(&ladder),
                "re-encoded link reads back differently"
            );
        }
    }
});

//! base64url (RFC 4648 §5), the text form of every byte string in WebAuthn's JSON.
//!
//! Written without padding, as WebAuthn's JSON forms are. Read with or without it: padding
//! carries nothing, and refusing it would fail a passkey over a detail. The alphabet is strict
//! (`-` and `_`, never `+` or `/`), so a standard-base64 value is an error rather than
//! different bytes, and so is a spelling with stray bits in its last character.

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;

const ENGINE: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The text is not base64url.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not base64url")]
pub struct NotBase64Url;

pub fn encode(bytes: &[u8]) -> String {
    ENGINE.encode(bytes)
}

pub fn decode(text: &str) -> Result<Vec<u8>, NotBase64Url> {
    ENGINE.decode(text).map_err(|_| NotBase64Url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4648_test_vectors_without_padding() {
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(bytes), text);
            assert_eq!(decode(text).unwrap(), bytes);
        }
    }

    #[test]
    fn the_url_safe_characters_stand_for_62_and_63() {
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode("-_8").unwrap(), [0xfb, 0xff]);
        assert_eq!(decode("_-_-").unwrap(), [0xff, 0xef, 0xfe]);
    }

    #[test]
    fn padding_is_read_but_never_written() {
        assert_eq!(decode("Zg==").unwrap(), b"f");
        assert_eq!(decode("Zm8=").unwrap(), b"fo");
        assert_eq!(decode("Zg=").unwrap(), b"f");
        assert!(!encode(&[1, 2, 3, 4]).contains('='));
    }

    #[test]
    fn standard_base64_whitespace_and_impossible_lengths_are_refused() {
        for text in [
            "+/8", "ab/c", "Zm 9v", " Zm9v", "Zm9v\n", "Z", "Zm9vY", "Zm8==", "%%",
        ] {
            assert_eq!(decode(text), Err(NotBase64Url), "{text:?}");
        }
    }

    #[test]
    fn only_the_one_spelling_of_each_byte_string_is_read() {
        // "Zh" would be "f" with stray low bits: a second spelling of the same bytes.
        assert_eq!(decode("Zh"), Err(NotBase64Url));
    }

    #[test]
    fn every_byte_value_survives_the_round_trip() {
        let all: Vec<u8> = (0..=255).collect();
        for len in 0..all.len() {
            assert_eq!(decode(&encode(&all[..len])).unwrap(), &all[..len]);
        }
    }
}

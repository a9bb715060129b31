//! PKCE (RFC 7636): a random `code_verifier` kept in the tab, and the S256 `code_challenge`
//! sent with the authorization request, so a stolen code is worth nothing alone. The same
//! randomness makes `state` and `nonce`.

use super::FederationProblem;
use crate::base64url;
use crate::secret::CodeVerifier;
use sha2::{Digest, Sha256};

/// Random bytes behind a verifier, `state` or `nonce`: 32, which base64url writes as 43
/// characters, the shortest verifier RFC 7636 allows (§4.1 recommends exactly this).
pub const RANDOM_BYTES: usize = 32;

/// The verifier these bytes spell (base64url without padding).
pub fn verifier_from_bytes(bytes: &[u8; RANDOM_BYTES]) -> CodeVerifier {
    CodeVerifier::new(base64url::encode(bytes))
}

/// A new verifier from the browser's cryptographic randomness.
pub fn new_verifier() -> Result<CodeVerifier, FederationProblem> {
    random_bytes().map(|bytes| verifier_from_bytes(&bytes))
}

/// A new `state` or `nonce`: unguessable, URL-safe, and no secret once used.
pub fn random_token() -> Result<String, FederationProblem> {
    random_bytes().map(|bytes| base64url::encode(&bytes))
}

fn random_bytes() -> Result<[u8; RANDOM_BYTES], FederationProblem> {
    let mut bytes = [0u8; RANDOM_BYTES];
    getrandom::getrandom(&mut bytes).map_err(|_| FederationProblem::NoRandomness)?;
    Ok(bytes)
}

/// `code_challenge` for `code_challenge_method=S256`: BASE64URL(SHA256(ASCII(verifier))).
pub fn challenge_s256(verifier: &CodeVerifier) -> String {
    base64url::encode(&Sha256::digest(verifier.expose_secret().as_bytes()))
}

/// RFC 7636 §4.1: 43 to 128 characters of `[A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"`.
pub fn is_verifier(text: &str) -> bool {
    (43..=128).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7636 appendix B: the octets, the verifier they give and its S256 challenge.
    #[test]
    fn rfc_7636_appendix_b() {
        let octets = [
            116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212,
            37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
        ];
        let verifier = verifier_from_bytes(&octets);
        assert_eq!(
            verifier.expose_secret(),
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        );
        assert_eq!(
            challenge_s256(&verifier),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn new_verifiers_are_valid_and_differ() {
        let first = new_verifier().unwrap();
        let second = new_verifier().unwrap();
        assert!(is_verifier(first.expose_secret()), "{first:?}");
        assert_eq!(first.expose_secret().len(), 43);
        assert_ne!(first, second);
        let state = random_token().unwrap();
        assert_eq!(state.len(), 43);
        assert_ne!(state, random_token().unwrap());
    }

    #[test]
    fn the_verifier_alphabet_and_length_are_rfc_7636s() {
        assert!(is_verifier(&"a".repeat(43)));
        assert!(is_verifier(&"~._-Z9".repeat(22)[..128]));
        assert!(!is_verifier(&"a".repeat(42)));
        assert!(!is_verifier(&"a".repeat(129)));
        assert!(!is_verifier(&format!("{}+", "a".repeat(43))));
        assert!(!is_verifier(&format!("{}=", "a".repeat(43))));
    }
}

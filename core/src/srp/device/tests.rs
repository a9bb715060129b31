//! Fixed vectors computed once by amazon-cognito-identity-js 6.3.21 with its randomness fixed
//! (`WordArray.prototype.random` returning the bytes below): `AuthenticationHelper.
//! generateHashDevice` for the verifiers, encoded as `CognitoUser` sends them, and
//! `CognitoUser.getDeviceResponse` (with `generateRandomSmallA` and `Date` fixed) for the
//! proof. tests/srp-crosscheck/device.test.mjs recomputes them from the SDK on every run.

use super::*;
use crate::srp::group::N_HEX;

const GROUP_KEY: &str = "-4c1b3f0d";
const DEVICE_KEY: &str = "eu-west-1_0f4e8a2c-7b6d-4e1f-9a3c-5d2e8b7f6a10";
/// Its first byte has the top bit set: the salt's number gets a leading zero byte.
const SALT_HIGH: [u8; 16] = [0x8f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
/// Two leading zero bytes: the salt's number is shorter than the bytes.
const SALT_LOW: [u8; 16] = [
    0, 0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae,
];
const VERIFIER_HIGH: &str = "AND8b7v+IWO80BEZ/sPuS7KYzgYHGUlIhRt0SnPoMslli4RFgr3kk2tiFV7MFzirtdcwx/57Xb48SXSYkioUjqtZa6YTyX3f/JR5Wjuyu11qnjKGn4JyOt/cutjDKOlytr0leyDu/3c1UK2piVYlVjlK4kJPemv8tiJRCCC7YoYQmuoDBcJpuTN2PveUS5NHI9Yzehvf9pSvOEzg/Mqe2EmwW37se4n+3zecxah93J67kiBFOlmE7/vRoB4wxZl91lccn8gIMH8BzvsVGEQ9hrXie11iCCQwmTtC7/cYD/w11f5zMk5n8rwlfhuXIQBdxeanAgiV/ZTNTNMXCkSRfaK6dyIs/4qAeBZiFkQMSHi4qjhhoCpbsf3pX0UqXTjoMVYSrxD4ebRY6yimZdpmYyLcbV3B9mGFAtifzQEGN772pU/AjXm0WNCckKv/0DjhYkpk7i88gsG8TF8ODQji+bELqb9EmiR/XINhK/BDFCgDmiO+3IGK6fXPUquDLD8Hvg==";
const VERIFIER_LOW: &str = "ANeyneoVwMzuw6Y5b/Lq9XJDs0TBon1sI8d+TidNfcEy/BszVHbfLOplv00+iofFPzww7GYznti/vRpQSbcf+JG6zZkRDGmlabBur4bZYj1nm5pLahdyl7f8Fjj3AoLkPTemROtnziIV0UoAEeqnpedduAn4UL2MquWGyRPJHjYuvHAKmkWSee+qpE7K1N5uCYKgSfVSYEGW3jP6FTEAF6/x8VZrTY3gHzt1K6LhaHgKAJDqyzVOCiL48Jooee/L0n4YFid/ReYPzLeBw3ks2LefrqHVUYuIAMZKWqQ0PpaFB0F0DpXVv9CORqacyHT/O6DvqDwP4CgM0C19DltHUpOn+JcFERb6JTsf4QW9yV5XV3jOsa7dR6vWrmE/eSbua9SWBh66wueR/XmXwAeipgD8CVPJukjRg2awwU7yorq9MSmwZNfkzA2u0OgTIEpdm0vrM4+EVeMHkfihe8wzBXR0NU5LCfWr0HeJuvZNZrj1UwKHlJZeqGbNT2p682zAFA==";

/// The device password of the random bytes 0, 1, …, 39.
fn secret() -> DeviceSecret {
    let bytes: Vec<u8> = (0..40).collect();
    DeviceSecret::from_random_bytes(&bytes)
}

fn device() -> RememberedDevice {
    RememberedDevice {
        key: DEVICE_KEY.into(),
        group_key: GROUP_KEY.into(),
        secret: secret(),
    }
}

fn challenge() -> DeviceVerifierChallenge {
    DeviceVerifierChallenge {
        srp_b: "499602d2".into(),
        // SALT_HIGH as Cognito sends it back: hex.
        salt: "008f0102030405060708090a0b0c0d0e0f".into(),
        secret_block: STANDARD.encode("secretssecrestssecrets"),
    }
}

#[test]
fn the_device_password_is_base64_of_40_random_bytes() {
    assert_eq!(
        secret().expose_secret(),
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJw=="
    );
    let generated = DeviceSecret::generate().unwrap();
    let bytes = STANDARD.decode(generated.expose_secret()).unwrap();
    assert_eq!(bytes.len(), DEVICE_SECRET_LEN);
    assert_ne!(generated, DeviceSecret::generate().unwrap());
}

#[test]
fn verifiers_match_the_sdks() {
    let high = DeviceVerifier::new(GROUP_KEY, DEVICE_KEY, &secret(), &SALT_HIGH);
    assert_eq!(high.salt_b64, "AI8BAgMEBQYHCAkKCwwNDg8=");
    assert_eq!(high.verifier_b64, VERIFIER_HIGH);
    let low = DeviceVerifier::new(GROUP_KEY, DEVICE_KEY, &secret(), &SALT_LOW);
    assert_eq!(low.salt_b64, "AKGio6SlpqeoqaqrrK2u");
    assert_eq!(low.verifier_b64, VERIFIER_LOW);
}

#[test]
fn any_change_of_input_changes_the_verifier() {
    let verifier = |group: &str, key: &str, secret: &DeviceSecret| {
        DeviceVerifier::new(group, key, secret, &SALT_HIGH).verifier_b64
    };
    assert_ne!(verifier("-4c1b3f0e", DEVICE_KEY, &secret()), VERIFIER_HIGH);
    assert_ne!(verifier(GROUP_KEY, "eu-west-1_x", &secret()), VERIFIER_HIGH);
    let other = DeviceSecret::from_random_bytes(&[7; 40]);
    assert_ne!(verifier(GROUP_KEY, DEVICE_KEY, &other), VERIFIER_HIGH);
}

#[test]
fn generated_verifiers_are_fresh_and_well_formed() {
    let (secret_one, one) = DeviceVerifier::generate(GROUP_KEY, DEVICE_KEY).unwrap();
    let (secret_two, two) = DeviceVerifier::generate(GROUP_KEY, DEVICE_KEY).unwrap();
    assert_ne!(secret_one, secret_two);
    assert_ne!(one.salt_b64, two.salt_b64);
    // The verifier is the one of the secret and salt returned.
    let salt = STANDARD.decode(&one.salt_b64).unwrap();
    assert!(salt.len() <= DEVICE_SALT_LEN + 1, "{}", salt.len());
    assert_eq!(
        DeviceVerifier::new(GROUP_KEY, DEVICE_KEY, &secret_one, &salt),
        one
    );
    // g^x mod N, padded: at most N's 384 bytes and a sign byte.
    assert!(STANDARD.decode(&one.verifier_b64).unwrap().len() <= 385);
}

#[test]
fn the_device_proof_matches_the_sdks() {
    let client = SrpClient::with_small_a(&[0x49, 0x96, 0x02, 0xd2]);
    let claim = client
        .device_password_claim(
            &device(),
            &challenge(),
            "Tue Jul 10 11:01:00 UTC 2018".into(),
        )
        .unwrap();
    assert_eq!(
        claim,
        DevicePasswordClaim {
            secret_block: "c2VjcmV0c3NlY3Jlc3Rzc2VjcmV0cw==".into(),
            signature: "ank+/FmHH52Fg5fQ9AygfQdOLsxe1w2BBUpO2znvuP0=".into(),
            timestamp: "Tue Jul 10 11:01:00 UTC 2018".into(),
        }
    );
    assert!(
        client.srp_a().starts_with("58b1e37b7ea6815"),
        "{}",
        client.srp_a()
    );
}

#[test]
fn another_device_key_gives_another_proof() {
    let client = SrpClient::with_small_a(&[0x49, 0x96, 0x02, 0xd2]);
    let at = "Tue Jul 10 11:01:00 UTC 2018";
    let device_claim = client
        .device_password_claim(&device(), &challenge(), at.into())
        .unwrap();
    let other_device = RememberedDevice {
        key: "eu-west-1_other".into(),
        ..device()
    };
    let other_claim = client
        .device_password_claim(&other_device, &challenge(), at.into())
        .unwrap();
    assert_ne!(device_claim.signature, other_claim.signature);
}

#[test]
fn bad_challenges_are_refused_without_panicking() {
    let client = SrpClient::with_small_a(&[0x49, 0x96, 0x02, 0xd2]);
    let claim = |challenge: DeviceVerifierChallenge| {
        client.device_password_claim(&device(), &challenge, "t".into())
    };
    let zero_b = DeviceVerifierChallenge {
        srp_b: N_HEX.into(),
        ..challenge()
    };
    assert_eq!(claim(zero_b), Err(SrpError::BIsZero));
    let bad_salt = DeviceVerifierChallenge {
        salt: "salt".into(),
        ..challenge()
    };
    assert_eq!(claim(bad_salt), Err(SrpError::Malformed("SALT")));
    let bad_block = DeviceVerifierChallenge {
        secret_block: "%%%".into(),
        ..challenge()
    };
    assert_eq!(claim(bad_block), Err(SrpError::Malformed("SECRET_BLOCK")));

    let mut parameters: BTreeMap<String, String> = [
        ("SRP_B", "abc"),
        ("SALT", "def"),
        ("SECRET_BLOCK", "AAAA"),
        ("USERNAME", "u-1"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let read = DeviceVerifierChallenge::from_parameters(&parameters).unwrap();
    assert_eq!((read.srp_b.as_str(), read.salt.as_str()), ("abc", "def"));
    parameters.remove("SECRET_BLOCK");
    assert_eq!(
        DeviceVerifierChallenge::from_parameters(&parameters),
        Err(SrpError::Missing("SECRET_BLOCK"))
    );
}

#[test]
fn a_remembered_device_never_prints_its_secret() {
    let shown = format!("{:?}", device());
    assert!(!shown.contains("AAECAwQF"), "{shown}");
    assert!(shown.contains("DeviceSecret([redacted])"), "{shown}");
}

#[test]
fn the_stored_record_reads_back_as_the_same_device() {
    // What the browser keeps under leptos-cognito.<clientId>.device.<email>, across reloads.
    let stored = serde_json::to_string(&device()).unwrap();
    let value: serde_json::Value = serde_json::from_str(&stored).unwrap();
    let mut keys: Vec<_> = value.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(keys, ["group_key", "key", "secret"]);
    let back: RememberedDevice = serde_json::from_str(&stored).unwrap();
    assert_eq!(back, device());
    assert!(serde_json::from_str::<RememberedDevice>(r#"{"key":"k"}"#).is_err());
}

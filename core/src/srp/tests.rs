use super::group::N_HEX;
use super::*;
use dashu_int::fast_div::ConstDivisor;
use dashu_int::modular::IntoRing;
use dashu_int::ops::BitTest;
use g_table::{GTable, MAX_BITS};
use group::{g_pow_by_squaring, number};

fn hex(bytes: &[u8]) -> String {
    to_hex(bytes)
}

/// The public vector of alexrudd/cognito-srp's test.
fn vector() -> (SrpClient, VerifierChallenge) {
    let client = SrpClient::with_small_a(&[0x49, 0x96, 0x02, 0xd2]);
    let challenge = VerifierChallenge {
        user_id_for_srp: "test".into(),
        srp_b: "499602d2".into(),
        salt: "499602d2".into(),
        secret_block: STANDARD.encode("secretssecrestssecrets"),
    };
    (client, challenge)
}

#[test]
fn k_matches_the_published_value() {
    assert_eq!(
        Group::get().k().in_radix(16).to_string(),
        "538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6"
    );
}

#[test]
fn the_group_is_rfc_3526s_3072_bit_prime() {
    let n = Group::get().n;
    assert_eq!(n.bit_len(), 3072);
    // Spot checks that the constant parsed whole: both ends are 64 one bits.
    assert_eq!(&n % (UBig::ONE << 64), UBig::from(u64::MAX));
    assert_eq!(&n >> (3072 - 64), UBig::from(u64::MAX));
}

#[test]
fn known_answer_key_and_signature() {
    let (client, challenge) = vector();
    let password = Password::new("test");
    let key = client
        .password_authentication_key(
            "myPool",
            "test",
            &password,
            &challenge.srp_b,
            &challenge.salt,
        )
        .unwrap();
    assert_eq!(hex(key.expose_secret()), "d96cde6c95dda17175c1293140c5a81f");
    let claim = client
        .password_claim(
            "eu-west-1_myPool",
            &challenge,
            &password,
            "Tue Jul 10 11:01:00 UTC 2018".into(),
        )
        .unwrap();
    assert_eq!(
        claim.signature,
        "tdvQu/Li/qWl8Nni0aFPs+MwY4rvKZm0kSMrGIMSUHk="
    );
    assert_eq!(claim.username, "test");
    assert_eq!(claim.secret_block, challenge.secret_block);
    assert_eq!(claim.timestamp, "Tue Jul 10 11:01:00 UTC 2018");
}

#[test]
fn any_change_of_input_changes_the_signature() {
    let (client, challenge) = vector();
    let sign = |client: &SrpClient, challenge: &VerifierChallenge, password: &str, at: &str| {
        client
            .password_claim(
                "eu-west-1_myPool",
                challenge,
                &Password::new(password),
                at.into(),
            )
            .unwrap()
            .signature
    };
    let at = "Tue Jul 10 11:01:00 UTC 2018";
    let good = sign(&client, &challenge, "test", at);
    assert_ne!(sign(&client, &challenge, "test2", at), good);
    assert_ne!(
        sign(&client, &challenge, "test", "Tue Jul 10 11:01:01 UTC 2018"),
        good
    );
    assert_ne!(
        sign(
            &SrpClient::with_small_a(&[0x49, 0x96, 0x02, 0xd3]),
            &challenge,
            "test",
            at
        ),
        good
    );
    let other_user = VerifierChallenge {
        user_id_for_srp: "test2".into(),
        ..challenge.clone()
    };
    assert_ne!(sign(&client, &other_user, "test", at), good);
    let other_block = VerifierChallenge {
        secret_block: STANDARD.encode("secretssecrestssecretz"),
        ..challenge.clone()
    };
    assert_ne!(sign(&client, &other_block, "test", at), good);
}

#[test]
fn a_is_g_to_the_small_a() {
    assert_eq!(SrpClient::with_small_a(&[1]).srp_a(), "2");
    assert_eq!(SrpClient::with_small_a(&[0, 0, 10]).srp_a(), "400");
    // 2^3071 < N: still no reduction, and no leading zeros in the hex.
    let a = SrpClient::with_small_a(&[0x0b, 0xff]).srp_a();
    assert_eq!(a.len(), 768);
    assert!(a.starts_with('8') && a[1..].bytes().all(|c| c == b'0'));
}

#[test]
fn generated_secrets_differ_and_give_full_size_a() {
    let one = SrpClient::generate().unwrap();
    let two = SrpClient::generate().unwrap();
    assert_ne!(one.srp_a(), two.srp_a());
    assert_eq!(one.small_a.len(), SMALL_A_LEN);
    assert!(one.srp_a().len() > 700, "{}", one.srp_a().len());
}

#[test]
fn pad_hex_follows_javas_signed_bytes() {
    for (input, padded) in [
        ("1", "01"),
        ("7f", "7f"),
        ("80", "0080"),
        ("ff", "00ff"),
        ("100", "0100"),
        ("123abcd", "0123abcd"),
        ("8123abcd", "008123abcd"),
        ("0", "00"),
        ("000080", "0080"),
        ("ABCDEF", "00abcdef"),
    ] {
        assert_eq!(pad_hex(input).unwrap(), padded, "{input}");
    }
    assert_eq!(
        pad_hex(&format!("{:x}", 1u8)).unwrap(),
        pad_hex("01").unwrap()
    );
    for (number, padded) in [
        (1u32, "01"),
        (127, "7f"),
        (128, "0080"),
        (255, "00ff"),
        (256, "0100"),
    ] {
        assert_eq!(pad_hex(&format!("{number:x}")).unwrap(), padded);
    }
    assert_eq!(pad_hex(""), Err(SrpError::Malformed("number")));
    assert_eq!(pad_hex("12g"), Err(SrpError::Malformed("number")));
    assert_eq!(pad_hex("-1"), Err(SrpError::Malformed("number")));
}

#[test]
fn timestamps_are_cognitos_format() {
    for (ms, text) in [
        (1_546_322_769_000, "Tue Jan 1 06:06:09 UTC 2019"),
        (1_672_531_199_000, "Sat Dec 31 23:59:59 UTC 2022"),
        (1_531_220_460_000, "Tue Jul 10 11:01:00 UTC 2018"),
        (0, "Thu Jan 1 00:00:00 UTC 1970"),
        (999, "Thu Jan 1 00:00:00 UTC 1970"),
        // Leap days: 2000 (divisible by 400) and 2024; 2100 is not a leap year.
        (951_782_400_000, "Tue Feb 29 00:00:00 UTC 2000"),
        (1_709_208_000_000, "Thu Feb 29 12:00:00 UTC 2024"),
        (4_107_542_400_000, "Mon Mar 1 00:00:00 UTC 2100"),
        (1_700_000_000_123, "Tue Nov 14 22:13:20 UTC 2023"),
    ] {
        assert_eq!(timestamp(ms), text, "{ms}");
    }
}

#[test]
fn huge_times_do_not_panic() {
    let text = timestamp(u64::MAX);
    assert!(text.ends_with(|c: char| c.is_ascii_digit()), "{text}");
}

#[test]
fn degenerate_server_values_are_refused() {
    let (client, challenge) = vector();
    let password = Password::new("test");
    let key = |b: &str, salt: &str| {
        client.password_authentication_key("myPool", "test", &password, b, salt)
    };
    assert_eq!(key("0", "01").unwrap_err(), SrpError::BIsZero);
    assert_eq!(key(N_HEX, "01").unwrap_err(), SrpError::BIsZero);
    let two_n = (Group::get().n * UBig::from(2u8)).in_radix(16).to_string();
    assert_eq!(key(&two_n, "01").unwrap_err(), SrpError::BIsZero);
    assert_eq!(key("xyz", "01").unwrap_err(), SrpError::Malformed("SRP_B"));
    assert_eq!(key("01", "").unwrap_err(), SrpError::Malformed("SALT"));
    assert!(key(&challenge.srp_b, &challenge.salt).is_ok());

    let bad_block = VerifierChallenge {
        secret_block: "not base64!".into(),
        ..challenge.clone()
    };
    assert_eq!(
        client
            .password_claim("eu-west-1_myPool", &bad_block, &password, "t".into())
            .unwrap_err(),
        SrpError::Malformed("SECRET_BLOCK")
    );
}

#[test]
fn salt_and_b_are_numbers_not_strings() {
    // Leading zeros don't change the number, so they don't change the proof (as in
    // Cognito's own clients, which parse both as integers).
    let (client, _) = vector();
    let password = Password::new("test");
    let key = |b: &str, salt: &str| {
        client
            .password_authentication_key("myPool", "test", &password, b, salt)
            .unwrap()
    };
    assert_eq!(
        key("499602d2", "499602d2"),
        key("00499602D2", "0000499602d2")
    );
}

#[test]
fn challenge_parameters_are_read_and_checked() {
    let mut parameters: BTreeMap<String, String> = [
        ("USER_ID_FOR_SRP", "u-1"),
        ("SRP_B", "abc"),
        ("SALT", "def"),
        ("SECRET_BLOCK", "AAAA"),
        ("USERNAME", "u-1"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let challenge = VerifierChallenge::from_parameters(&parameters).unwrap();
    assert_eq!(challenge.user_id_for_srp, "u-1");
    assert_eq!(challenge.secret_block, "AAAA");
    parameters.insert("SALT".into(), String::new());
    assert_eq!(
        VerifierChallenge::from_parameters(&parameters),
        Err(SrpError::Missing("SALT"))
    );
    parameters.remove("SRP_B");
    assert_eq!(
        VerifierChallenge::from_parameters(&parameters),
        Err(SrpError::Missing("SRP_B"))
    );
}

#[test]
fn secrets_are_not_printed() {
    let (client, challenge) = vector();
    let key = client
        .password_authentication_key(
            "myPool",
            "test",
            &Password::new("test"),
            "499602d2",
            "499602d2",
        )
        .unwrap();
    let shown = format!("{key:?} {client:?} {challenge:?}");
    assert!(!shown.contains("d96cde6c"), "{shown}");
    assert!(!format!("{client:?}").contains("499602d2"), "{shown}");
    assert!(shown.contains("DerivedKey([redacted])"), "{shown}");
    assert!(shown.contains("small_a: \"[redacted]\""), "{shown}");
}

#[test]
fn pool_name_is_the_part_after_the_region() {
    assert_eq!(pool_name("eu-west-1_myPool"), "myPool");
    assert_eq!(pool_name("ap-northeast-1_AbC123"), "AbC123");
    assert_eq!(pool_name("plain"), "plain");
}

fn random_bytes(len: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; len];
    getrandom::getrandom(&mut bytes).unwrap();
    bytes
}

#[test]
fn powers_of_g_by_squaring_and_by_the_table_match_dashus_power() {
    let ring = ConstDivisor::new(Group::get().n);
    let table = GTable::make();
    let mut exponents = vec![
        vec![],
        vec![1],
        vec![0xff; MAX_BITS / 8],
        vec![0, 0, 0, 0x80],
    ];
    for len in [1, 5, 31, 32, 32, 32] {
        exponents.push(random_bytes(len));
    }
    for e_le in &exponents {
        let expected = 2u8
            .into_ring(&ring)
            .pow(&UBig::from_le_bytes(e_le))
            .residue();
        assert_eq!(number(&table.pow(e_le)), expected, "{e_le:x?}");
        assert_eq!(number(&g_pow_by_squaring(e_le)), expected, "{e_le:x?}");
    }
    // Longer exponents (as `a`) go by squaring, with or without the table.
    let long = UBig::from_be_bytes(&random_bytes(128));
    let expected = 2u8.into_ring(&ring).pow(&long).residue();
    assert_eq!(number(&Group::g_pow(&long)), expected);
}

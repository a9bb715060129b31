use super::*;
use crate::config::AppConfig;

fn jp() -> Country {
    Country::from_iso("JP").unwrap()
}

fn us() -> Country {
    Country::from_iso("us").unwrap()
}

#[test]
fn japanese_national_numbers_become_e164() {
    for typed in [
        "090-1234-5678",
        "09012345678",
        "090 1234 5678",
        "(090) 1234-5678",
        "090ー1234ー5678",
        "+81 90 1234 5678",
        "+81-90-1234-5678",
        // The trunk 0 kept after the country code.
        "+81 090-1234-5678",
    ] {
        assert_eq!(
            normalize_phone(typed, jp()),
            Ok("+819012345678".into()),
            "{typed}"
        );
    }
    assert_eq!(
        normalize_phone("03-1234-5678", jp()),
        Ok("+81312345678".into())
    );
    // An international number is read as such whatever country is chosen.
    assert_eq!(
        normalize_phone("+819012345678", us()),
        Ok("+819012345678".into())
    );
}

#[test]
fn other_countries_numbers() {
    assert_eq!(
        normalize_phone("(415) 555-0100", us()),
        Ok("+14155550100".into())
    );
    assert_eq!(
        normalize_phone("1 415 555 0100", us()),
        Ok("+14155550100".into())
    );
    let gb = Country::from_iso("GB").unwrap();
    assert_eq!(
        normalize_phone("07700 900123", gb),
        Ok("+447700900123".into())
    );
    let sg = Country::from_iso("SG").unwrap();
    assert_eq!(normalize_phone("8123 4567", sg), Ok("+6581234567".into()));
    // A calling code outside the table: taken in E.164's length.
    assert_eq!(
        normalize_phone("+372 5123 4567", jp()),
        Ok("+37251234567".into())
    );
}

#[test]
fn malformed_phone_numbers_are_refused() {
    assert_eq!(normalize_phone("  ", jp()), Err(PhoneError::Missing));
    for typed in [
        "090-1234",
        "090-1234-5678-9",
        "0012345678",
        "phone",
        "090-12a4-5678",
        "+",
        "+0 123 456 789",
        "+1234",
        "+1234567890123456",
        "++819012345678",
        "81+9012345678",
    ] {
        assert_eq!(
            normalize_phone(typed, jp()),
            Err(PhoneError::Invalid),
            "{typed}"
        );
    }
    // Ten digits are a US number only without a trunk 1 in front of nine.
    assert_eq!(
        normalize_phone("1415555010", us()),
        Err(PhoneError::Invalid)
    );
}

#[test]
fn countries_are_found_by_iso_code() {
    assert_eq!(jp().calling_code, "81");
    assert_eq!(Country::from_iso(" gb "), Country::from_iso("GB"));
    assert_eq!(Country::from_iso("XX"), None);
    assert_eq!(COUNTRIES[0].iso, "JP");
}

fn pool(
    usernames: &[PoolAttribute],
    aliases: &[PoolAttribute],
    sensitive: bool,
) -> SignInIdentifiers {
    SignInIdentifiers {
        username_attributes: usernames.to_vec(),
        alias_attributes: aliases.to_vec(),
        case_sensitive: sensitive,
        default_country: None,
    }
}

use PoolAttribute::{Email, PhoneNumber, PreferredUsername};

#[test]
fn what_each_pool_shape_accepts_and_its_label() {
    let cases = [
        (
            pool(&[Email], &[], false),
            IdentifierLabel::Email,
            ("email", None),
        ),
        (
            pool(&[PhoneNumber], &[], false),
            IdentifierLabel::Phone,
            ("tel", Some("tel")),
        ),
        (
            pool(&[Email, PhoneNumber], &[], false),
            IdentifierLabel::EmailOrPhone,
            ("text", None),
        ),
        (
            pool(&[], &[], true),
            IdentifierLabel::Username,
            ("text", None),
        ),
        (
            pool(&[], &[Email], false),
            IdentifierLabel::UsernameOrEmail,
            ("text", None),
        ),
        (
            pool(&[], &[PhoneNumber], false),
            IdentifierLabel::UsernameOrPhone,
            ("text", None),
        ),
        (
            pool(&[], &[Email, PhoneNumber, PreferredUsername], false),
            IdentifierLabel::UsernameEmailOrPhone,
            ("text", None),
        ),
    ];
    for (pool, label, input) in cases {
        assert_eq!(pool.label(), label);
        assert_eq!(pool.input_kind(), input, "{label:?}");
    }
    assert_eq!(SignInIdentifiers::default().label(), IdentifierLabel::Email);
}

#[test]
fn typed_identifiers_are_classified() {
    let all = pool(&[], &[Email, PhoneNumber], false);
    let read = |typed: &str| all.read(typed, jp());
    assert_eq!(
        read(" Taro@Example.JP "),
        Ok(Identifier {
            kind: IdKind::Email,
            value: "taro@example.jp".into()
        })
    );
    assert_eq!(
        read("090-1234-5678"),
        Ok(Identifier {
            kind: IdKind::Phone,
            value: "+819012345678".into()
        })
    );
    assert_eq!(
        read("TaroYamada"),
        Ok(Identifier {
            kind: IdKind::Username,
            value: "TaroYamada".into()
        })
    );
    assert_eq!(
        read("taro yamada"),
        Err(IdentifierError::UsernameInvalid.into())
    );
    assert_eq!(
        read("   "),
        Err(IdentifierError::Missing(IdentifierLabel::UsernameEmailOrPhone).into())
    );
    // A pool without usernames: what is neither is wrong, in the field's words.
    let email_or_phone = pool(&[Email, PhoneNumber], &[], false);
    assert_eq!(
        email_or_phone.read("taro", jp()),
        Err(IdentifierError::Invalid(IdentifierLabel::EmailOrPhone).into())
    );
    // One kind only: read as that kind, with that kind's error.
    assert_eq!(
        pool(&[PhoneNumber], &[], false).read("taro@example.jp", jp()),
        Err(IdentifierError::PhoneInvalid.into())
    );
    assert_eq!(
        SignInIdentifiers::default().read("090-1234-5678", jp()),
        Err(FieldError::EmailInvalid)
    );
    assert_eq!(
        SignInIdentifiers::default().read(" ", jp()),
        Err(FieldError::EmailMissing)
    );
    assert_eq!(
        pool(&[PhoneNumber], &[], false).read("", jp()),
        Err(IdentifierError::PhoneMissing.into())
    );
    // A username pool without a phone alias: digits are a username.
    assert_eq!(
        pool(&[], &[Email], false)
            .read("0901234", jp())
            .map(|i| i.kind),
        Ok(IdKind::Username)
    );
}

#[test]
fn case_is_folded_only_where_the_pool_ignores_it() {
    let insensitive = pool(&[], &[Email], false);
    let sensitive = pool(&[], &[Email], true);
    assert_eq!(
        insensitive.read("Ann@Example.com", jp()).unwrap().value,
        "ann@example.com"
    );
    assert_eq!(
        sensitive.read(" Ann@Example.com ", jp()).unwrap().value,
        "Ann@Example.com"
    );
    // Usernames go as typed either way: a case-insensitive pool matches any case itself, and
    // keeps the case the user chose.
    assert_eq!(
        insensitive.read("MixedCase", jp()).unwrap().value,
        "MixedCase"
    );
    assert_eq!(
        sensitive.read("MixedCase", jp()).unwrap().value,
        "MixedCase"
    );
}

#[test]
fn new_usernames_may_not_look_like_an_alias() {
    let aliases = pool(&[], &[Email, PhoneNumber], false);
    assert_eq!(aliases.read_new_username(" taro_1 "), Ok("taro_1".into()));
    assert_eq!(
        aliases.read_new_username("taro@example.jp"),
        Err(IdentifierError::UsernameLooksLikeEmail.into())
    );
    assert_eq!(
        aliases.read_new_username("+819012345678"),
        Err(IdentifierError::UsernameLooksLikePhone.into())
    );
    assert_eq!(
        pool(&[], &[], false).read_new_username("taro@example.jp"),
        Ok("taro@example.jp".into())
    );
    assert_eq!(
        aliases.read_new_username(&"x".repeat(129)),
        Err(IdentifierError::UsernameTooLong.into())
    );
}

#[test]
fn sign_up_asks_for_what_the_pool_needs() {
    let fields = |p: SignInIdentifiers| {
        let f = p.sign_up_fields();
        (f.username, f.email, f.phone)
    };
    assert_eq!(fields(SignInIdentifiers::default()), (false, true, false));
    assert_eq!(
        fields(pool(&[PhoneNumber], &[], false)),
        (false, false, true)
    );
    assert_eq!(fields(pool(&[], &[Email], false)), (true, true, false));
    assert_eq!(
        fields(pool(&[], &[PhoneNumber], false)),
        (true, false, true)
    );
    assert_eq!(fields(pool(&[], &[], false)), (true, true, false));
}

#[test]
fn signed_in_as_prefers_email_then_phone_then_username() {
    assert_eq!(display_name(Some("a@b.jp"), Some("+81"), "u"), "a@b.jp");
    assert_eq!(
        display_name(None, Some("+819012345678"), "u"),
        "+819012345678"
    );
    assert_eq!(display_name(Some(""), None, "taro"), "taro");
}

fn config(sign_in: &str) -> Result<SignInIdentifiers, crate::ConfigError> {
    AppConfig::parse(&format!(
        r#"{{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_A1","clientId":"c1","signIn":{sign_in}}}"#
    ))
    .map(|c| c.sign_in)
}

#[test]
fn config_sign_in_defaults_to_email_as_username() {
    let parsed = AppConfig::parse(
        r#"{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_A1","clientId":"c1"}"#,
    )
    .unwrap();
    assert_eq!(parsed.sign_in, SignInIdentifiers::default());
    assert_eq!(config("null"), Ok(SignInIdentifiers::default()));
    assert_eq!(config("{}"), Ok(SignInIdentifiers::default()));
}

#[test]
fn config_sign_in_shapes() {
    assert_eq!(
        config(
            r#"{"aliasAttributes":["email","phone_number"],"caseSensitive":true,"defaultCountry":"jp"}"#
        ),
        Ok(SignInIdentifiers {
            username_attributes: vec![],
            alias_attributes: vec![Email, PhoneNumber],
            case_sensitive: true,
            default_country: Some(jp()),
        })
    );
    assert_eq!(
        config(r#"{"usernameAttributes":["phone_number"]}"#)
            .unwrap()
            .username_attributes,
        vec![PhoneNumber]
    );
    assert!(config(r#"{"usernameAttributes":[]}"#)
        .unwrap()
        .has_username());
}

#[test]
fn config_sign_in_errors_name_the_field() {
    for bad in [
        r#""email""#,
        r#"{"usernameAttributes":["preferred_username"]}"#,
        r#"{"usernameAttributes":["email","email"]}"#,
        r#"{"usernameAttributes":"email"}"#,
        r#"{"aliasAttributes":["nickname"]}"#,
        r#"{"usernameAttributes":["email"],"aliasAttributes":["phone_number"]}"#,
        r#"{"caseSensitive":"no"}"#,
        r#"{"defaultCountry":"XX"}"#,
        r#"{"defaultCountry":81}"#,
    ] {
        let error = config(bad).unwrap_err();
        assert_eq!(error.field(), Some("signIn"), "{bad}");
    }
}

#[test]
fn profile_email_may_stay_empty_only_for_users_without_one() {
    let pool = SignInIdentifiers::default();
    assert_eq!(pool.read_profile_email("  ", false), Ok(None));
    assert!(pool.read_profile_email("", true).is_err());
    assert_eq!(
        pool.read_profile_email("A@Example.com", false),
        Ok(Some("a@example.com".into()))
    );
    assert!(pool.read_profile_email("not-an-address", false).is_err());
}

#[test]
fn deletion_is_confirmed_by_what_the_user_signs_in_with_never_by_nothing() {
    assert!(confirms_deletion(" Ann@Example.com", "ann@example.com"));
    assert!(confirms_deletion("+819012345678", "+819012345678"));
    assert!(!confirms_deletion("ann", "+819012345678"));
    assert!(!confirms_deletion("", ""));
    assert!(!confirms_deletion("  ", " "));
}

use super::*;
use crate::error::{ErrorCode, ServiceError};
use crate::AppConfig;

fn parse(attributes: &str) -> Result<Vec<SignUpAttribute>, crate::ConfigError> {
    AppConfig::parse(&format!(
        r#"{{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_AbC123","clientId":"abc","signUpAttributes":{attributes}}}"#
    ))
    .map(|config| config.sign_up_attributes)
}

fn field(name: &str, required: bool, input: InputKind) -> SignUpAttribute {
    SignUpAttribute {
        name: AttributeName::parse(name).unwrap(),
        required,
        label: None,
        input,
        max_length: MAX_VALUE_LENGTH,
    }
}

#[test]
fn reads_standard_and_custom_attributes_with_their_defaults() {
    let read = parse(
        r#"[{"name":"name","required":true},
            {"name":"custom:company","label":{"en":"Company","ja":"会社名"},"maxLength":64},
            {"name":"phone_number"},{"name":"birthdate","label":"Born"}]"#,
    )
    .unwrap();
    assert_eq!(read.len(), 4);
    assert_eq!(read[0], field("name", true, InputKind::Text));
    assert_eq!(read[1].name, AttributeName::Custom("company".into()));
    assert_eq!(read[1].name.cognito_name(), "custom:company");
    assert_eq!(read[1].max_length, 64);
    let label = read[1].label.as_ref().unwrap();
    assert_eq!(
        (label.in_lang(Lang::En), label.in_lang(Lang::Ja)),
        ("Company", "会社名")
    );
    assert!(!read[1].required);
    assert_eq!(read[2].input, InputKind::Tel);
    assert_eq!(read[3].input, InputKind::Date);
    // One label for every language: Japanese falls back to it.
    assert_eq!(read[3].label.as_ref().unwrap().in_lang(Lang::Ja), "Born");
    assert_eq!(parse("[]").unwrap(), Vec::new());
}

#[test]
fn refuses_what_the_form_could_not_ask_for() {
    for bad in [
        r#"{"name":"name"}"#,
        r#"[{"name":"email"}]"#,
        r#"[{"name":"shoe_size"}]"#,
        r#"[{"name":"custom:"}]"#,
        r#"[{"name":"custom:this_name_is_far_too_long"}]"#,
        r#"[{"name":"custom:company"}]"#,
        r#"[{"name":"name","required":"yes"}]"#,
        r#"[{"name":"name","type":"colour"}]"#,
        r#"[{"name":"name","maxLength":0}]"#,
        r#"[{"name":"name","maxLength":4096}]"#,
        r#"[{"name":"name","label":{"ja":"氏名"}}]"#,
        r#"[{"name":"name"},{"name":"name"}]"#,
        r#"["name"]"#,
    ] {
        let error = parse(bad).unwrap_err();
        assert_eq!(error.field(), Some("signUpAttributes"), "{bad}");
    }
}

#[test]
fn phone_numbers_must_be_e164_and_keep_only_digits() {
    let phone = field("phone_number", true, InputKind::Tel);
    assert_eq!(
        check_value(&phone, " +81 90-1234-5678 "),
        Ok("+819012345678".into())
    );
    assert_eq!(
        check_value(&phone, "+1 (206) 555.0100"),
        Ok("+12065550100".into())
    );
    for bad in [
        "090-1234-5678",
        "+0123456",
        "+1",
        "+12345678901234567",
        "+81 90 abc",
    ] {
        assert_eq!(
            check_value(&phone, bad),
            Err(ValueProblem::PhoneFormat),
            "{bad}"
        );
    }
    assert_eq!(check_value(&phone, "  "), Err(ValueProblem::Required));
}

#[test]
fn birthdates_are_real_days_written_as_cognito_wants_them() {
    let born = field("birthdate", false, InputKind::Date);
    assert_eq!(check_value(&born, "2000-02-29"), Ok("2000-02-29".into()));
    assert_eq!(check_value(&born, ""), Ok(String::new()));
    for bad in [
        "1900-02-29",
        "2001-13-01",
        "2001-04-31",
        "01/02/2001",
        "2001-1-01",
        "２００１-01-01",
    ] {
        assert_eq!(
            check_value(&born, bad),
            Err(ValueProblem::DateFormat),
            "{bad}"
        );
    }
}

#[test]
fn lengths_numbers_and_required_values() {
    let mut company = field("custom:company", true, InputKind::Text);
    company.max_length = 5;
    assert_eq!(check_value(&company, " Acme "), Ok("Acme".into()));
    assert_eq!(
        check_value(&company, "Acme Ltd"),
        Err(ValueProblem::TooLong(5))
    );
    assert_eq!(check_value(&company, ""), Err(ValueProblem::Required));
    let seats = field("custom:seats", false, InputKind::Number);
    assert_eq!(check_value(&seats, "12"), Ok("12".into()));
    assert_eq!(check_value(&seats, "twelve"), Err(ValueProblem::NotANumber));
}

fn refusal(code: ErrorCode, message: &str) -> Option<AttributeRefusal> {
    AttributeRefusal::of(&ServiceError {
        code,
        type_name: String::new(),
        message: message.into(),
    })
}

#[test]
fn cognitos_attribute_refusals_name_the_attribute() {
    use AttributeRefusal::*;
    assert_eq!(
        refusal(
            ErrorCode::InvalidParameter,
            "Attributes did not conform to the schema: name: The attribute is required\n"
        ),
        Some(Required("name".into()))
    );
    assert_eq!(
        refusal(
            ErrorCode::InvalidParameter,
            "Attributes did not conform to the schema: custom:x: Attribute does not exist in the schema.\n"
        ),
        Some(NotInPool("custom:x".into()))
    );
    assert_eq!(
        refusal(
            ErrorCode::InvalidParameter,
            "user.custom:referral: Attribute cannot be updated.\n"
        ),
        Some(Immutable("custom:referral".into()))
    );
    assert_eq!(
        refusal(ErrorCode::InvalidParameter, "Invalid phone number format."),
        Some(PhoneFormat)
    );
    assert_eq!(
        refusal(
            ErrorCode::NotAuthorized,
            "A client attempted to write unauthorized attribute"
        ),
        Some(NotWritable)
    );
    assert_eq!(
        refusal(ErrorCode::NotAuthorized, "Incorrect username or password."),
        None
    );
    assert_eq!(
        refusal(ErrorCode::InvalidParameter, "User is already confirmed."),
        None
    );
}

#[test]
fn attribute_refusals_become_their_own_problem_and_others_stay_as_they_were() {
    use crate::problem::Problem;
    let required = ServiceError {
        code: ErrorCode::InvalidParameter,
        type_name: "InvalidParameterException".into(),
        message: "Attributes did not conform to the schema: name: The attribute is required\n"
            .into(),
    };
    assert_eq!(
        required.problem(),
        Problem::Attribute(AttributeRefusal::Required("name".into()))
    );
    let words = crate::i18n::Text::Problem(required.problem());
    assert_eq!(words.render(Lang::En), "Full name is required.");
    assert_eq!(words.render(Lang::Ja), "氏名は必須です。");
    let wrong_password = ServiceError {
        code: ErrorCode::NotAuthorized,
        type_name: "NotAuthorizedException".into(),
        message: "Incorrect username or password.".into(),
    };
    assert_eq!(wrong_password.problem(), Problem::IncorrectCredentials);
}

#[test]
fn a_phone_attribute_is_read_as_the_sign_in_field_reads_an_international_number() {
    let phone = field("phone_number", false, InputKind::Tel);
    let jp = crate::identifier::Country::from_iso("JP").unwrap();
    for typed in ["+81 090-1234-5678", "+44 20 7946 0958", "+1 (206) 555.0100"] {
        assert_eq!(
            check_value(&phone, typed).ok(),
            crate::identifier::normalize_phone(typed, jp).ok(),
            "{typed}"
        );
    }
    assert_eq!(
        check_value(&phone, "+81 090-1234-5678"),
        Ok("+819012345678".into())
    );
    assert_eq!(
        check_value(&phone, "+44 20 7946 0958"),
        Ok("+442079460958".into())
    );
}

#[test]
fn a_phone_attribute_is_refused_where_the_phone_signs_in() {
    let with = |sign_in: &str| {
        AppConfig::parse(&format!(
            r#"{{"region":"ap-northeast-1","userPoolId":"ap-northeast-1_AbC123","clientId":"abc",
            "signIn":{sign_in},"signUpAttributes":[{{"name":"phone_number"}}]}}"#
        ))
    };
    for sign_in in [
        r#"{"usernameAttributes":["phone_number"]}"#,
        r#"{"usernameAttributes":["email","phone_number"]}"#,
        r#"{"usernameAttributes":[],"aliasAttributes":["phone_number"]}"#,
    ] {
        let error = with(sign_in).unwrap_err();
        assert_eq!(error.field(), Some("signUpAttributes"), "{sign_in}");
        assert!(error.to_string().contains("phone_number"), "{sign_in}");
    }
    assert!(with(r#"{"usernameAttributes":["email"]}"#).is_ok());
    assert!(with(r#"{"usernameAttributes":[],"aliasAttributes":["email"]}"#).is_ok());
}

#[test]
fn verifiable_attributes_are_read_by_cognito_name_and_nothing_else() {
    for attribute in Verifiable::ALL {
        assert_eq!(
            Verifiable::from_cognito_name(attribute.cognito_name()),
            Some(attribute)
        );
    }
    let verified = [
        attribute("phone_number_verified", "true"),
        attribute("email_verified", "false"),
    ];
    assert!(Verifiable::PhoneNumber.verified_in(&verified));
    assert!(!Verifiable::Email.verified_in(&verified));
    assert!(!Verifiable::Email.verified_in(&[]));
    for other in ["name", "email_verified", "Email", "phone", ""] {
        assert_eq!(Verifiable::from_cognito_name(other), None, "{other}");
    }
}

fn attribute(name: &str, value: &str) -> crate::api::AttributeType {
    crate::api::AttributeType {
        name: name.into(),
        value: value.into(),
    }
}

fn delivery(attribute: &str, destination: &str) -> crate::api::CodeDeliveryDetails {
    crate::api::CodeDeliveryDetails {
        destination: Some(destination.into()),
        delivery_medium: Some("EMAIL".into()),
        attribute_name: Some(attribute.into()),
    }
}

#[test]
fn a_changed_value_not_yet_in_use_is_pending_and_one_in_use_is_not() {
    let changed = [
        attribute("email", "new@example.com"),
        attribute("phone_number", "+442079460958"),
        attribute("name", "Ada"),
    ];
    // The pool kept the old email (it verifies emails before updating) but took the number.
    let now = [
        attribute("email", "old@example.com"),
        attribute("phone_number", "+442079460958"),
        attribute("name", "Ada"),
    ];
    let sent = vec![
        delivery("email", "n***@e***"),
        delivery("phone_number", "+********0958"),
    ];
    assert_eq!(
        codes_after_update(sent, &changed, &now),
        [
            SentCode {
                attribute: Verifiable::Email,
                pending: Some("new@example.com".into()),
                sent_to: Some("n***@e***".into()),
            },
            SentCode {
                attribute: Verifiable::PhoneNumber,
                pending: None,
                sent_to: Some("+********0958".into()),
            },
        ]
    );
}

#[test]
fn deliveries_for_other_or_unnamed_attributes_wait_for_nothing() {
    let mut unnamed = delivery("email", "a***@e***");
    unnamed.attribute_name = None;
    let sent = vec![unnamed, delivery("custom:x", "x")];
    assert_eq!(codes_after_update(sent, &[], &[]), []);
}

//! The account operations through the client: the exact bodies sent, and what comes back.

use super::*;
use crate::api::AttributeType;
use crate::attributes::Verifiable;

fn attribute(name: &str, value: &str) -> AttributeType {
    AttributeType {
        name: name.into(),
        value: value.into(),
    }
}

#[test]
fn sign_up_sends_the_attributes_in_the_order_given() {
    let transport = ScriptedTransport::replying(200, r#"{"UserConfirmed":false}"#);
    let attributes = vec![
        attribute("email", "a@example.com"),
        attribute("name", "Ada"),
        attribute("custom:company", "Acme"),
    ];
    block_on(client(&transport).sign_up("a@example.com", Some(Password::new("pw")), attributes))
        .unwrap();
    let (target, body) = sent_json(&transport, 0);
    assert!(target.ends_with(".SignUp"));
    assert_eq!(body["Username"], "a@example.com");
    assert_eq!(
        body["UserAttributes"],
        json!([
            {"Name": "email", "Value": "a@example.com"},
            {"Name": "name", "Value": "Ada"},
            {"Name": "custom:company", "Value": "Acme"},
        ])
    );
}

#[test]
fn an_update_reports_where_codes_went() {
    let transport = ScriptedTransport::replying(
        200,
        r#"{"CodeDeliveryDetailsList":[{"Destination":"n***@e***","DeliveryMedium":"EMAIL","AttributeName":"email"}]}"#,
    );
    let sent = block_on(client(&transport).update_user_attributes(
        &AccessToken::new("acc"),
        vec![attribute("email", "new@example.com")],
    ))
    .unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].destination.as_deref(), Some("n***@e***"));
    let (target, body) = sent_json(&transport, 0);
    assert!(target.ends_with(".UpdateUserAttributes"));
    assert_eq!(
        body,
        json!({"AccessToken": "acc", "UserAttributes": [{"Name": "email", "Value": "new@example.com"}]})
    );
    // Cognito leaves the list out when nothing needed a code.
    let transport = ScriptedTransport::replying(200, "{}");
    let sent =
        block_on(client(&transport).update_user_attributes(&AccessToken::new("acc"), Vec::new()));
    assert_eq!(sent.unwrap(), Vec::new());
}

#[test]
fn verify_resend_and_delete_send_what_cognito_expects() {
    let access = AccessToken::new("acc");
    let transport = ScriptedTransport::replying(200, "{}");
    block_on(client(&transport).verify_user_attribute(&access, Verifiable::Email, "123456"))
        .unwrap();
    assert_eq!(
        sent_json(&transport, 0).1,
        json!({"AccessToken": "acc", "AttributeName": "email", "Code": "123456"})
    );
    let transport = ScriptedTransport::replying(
        200,
        r#"{"CodeDeliveryDetails":{"Destination":"+*******5678","DeliveryMedium":"SMS","AttributeName":"phone_number"}}"#,
    );
    let sent =
        block_on(client(&transport).send_attribute_code(&access, Verifiable::PhoneNumber)).unwrap();
    assert_eq!(sent.unwrap().delivery_medium.as_deref(), Some("SMS"));
    let (target, body) = sent_json(&transport, 0);
    assert!(target.ends_with(".GetUserAttributeVerificationCode"));
    assert_eq!(
        body,
        json!({"AccessToken": "acc", "AttributeName": "phone_number"})
    );
    let transport = ScriptedTransport::replying(200, "{}");
    block_on(client(&transport).delete_user(&access)).unwrap();
    let (target, body) = sent_json(&transport, 0);
    assert!(target.ends_with(".DeleteUser"));
    assert_eq!(body, json!({"AccessToken": "acc"}));
}

#[test]
fn a_refused_code_is_cognitos_error() {
    let transport = ScriptedTransport::replying(
        400,
        r#"{"__type":"CodeMismatchException","message":"Invalid verification code provided, please try again."}"#,
    );
    let error = block_on(client(&transport).verify_user_attribute(
        &AccessToken::new("acc"),
        Verifiable::Email,
        "000000",
    ))
    .unwrap_err();
    assert_eq!(error.code(), Some(crate::ErrorCode::CodeMismatch));
}

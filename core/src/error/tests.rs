use super::*;

fn reply(status: u16, body: &str) -> CognitoError {
    error_from_response(&HttpResponse {
        status,
        body: body.to_owned(),
    })
}

#[test]
fn each_code_has_one_name_and_reads_back_from_it() {
    for (i, (name, code)) in CODES.iter().enumerate() {
        assert!(name.ends_with("Exception"), "{name}");
        assert_eq!(ErrorCode::from_type(name), *code, "{name}");
        assert!(
            CODES[i + 1..].iter().all(|(n, c)| n != name && c != code),
            "{name} twice"
        );
    }
    assert_eq!(
        ErrorCode::from_type("MfaMethodNotFoundException"),
        ErrorCode::MfaMethodNotFound
    );
    assert_eq!(ErrorCode::from_type("Exception"), ErrorCode::Unknown);
}

#[test]
fn display_is_technical() {
    let error = reply(
        400,
        r#"{"__type":"com.amazonaws.cognito.identity.idp.model#NotAuthorizedException","message":"Incorrect username or password."}"#,
    );
    assert_eq!(
        error.to_string(),
        "NotAuthorizedException: Incorrect username or password."
    );
    assert_eq!(
        reply(400, r#"{"__type":"ForbiddenException"}"#).to_string(),
        "ForbiddenException"
    );
    assert_eq!(
        CognitoError::from(TransportError("connection refused".into())).to_string(),
        "network failure: connection refused"
    );
    assert_eq!(
        reply(502, "<html></html>").to_string(),
        "unexpected reply (HTTP 502): no Cognito error body"
    );
}

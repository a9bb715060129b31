use super::*;
use crate::base64url;
use crate::http::TransportError;
use std::cell::RefCell;

fn jwt(payload: &str) -> String {
    format!(
        "eyJhbGciOiJSUzI1NiJ9.{}.c2ln",
        base64url::encode(payload.as_bytes())
    )
}

fn exchange<'a>(code: &'a AuthorizationCode, verifier: &'a CodeVerifier) -> TokenExchange<'a> {
    TokenExchange {
        domain: "http://127.0.0.1:9230",
        client_id: "abc",
        redirect_uri: "http://127.0.0.1:8080/oauth2/callback",
        code,
        verifier,
    }
}

struct Replying {
    reply: Result<HttpResponse, TransportError>,
    sent: RefCell<Vec<HttpRequest>>,
}

impl HttpTransport for Replying {
    async fn post(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.sent.borrow_mut().push(request);
        self.reply.clone()
    }
}

fn replying(status: u16, body: &str) -> Replying {
    Replying {
        reply: Ok(HttpResponse {
            status,
            body: body.to_owned(),
        }),
        sent: RefCell::new(Vec::new()),
    }
}

#[test]
fn posts_the_code_and_verifier_form_encoded() {
    let code = AuthorizationCode::new("c/1");
    let verifier = CodeVerifier::new("v".repeat(43));
    let request = token_request(&exchange(&code, &verifier));
    assert_eq!(request.url, "http://127.0.0.1:9230/oauth2/token");
    assert_eq!(
        request.headers,
        [(
            "Content-Type",
            "application/x-www-form-urlencoded".to_owned()
        )]
    );
    let pairs = form::decode(&request.body).unwrap();
    let expected: Vec<(String, String)> = [
        ("grant_type", "authorization_code"),
        ("client_id", "abc"),
        ("code", "c/1"),
        ("redirect_uri", "http://127.0.0.1:8080/oauth2/callback"),
        ("code_verifier", &"v".repeat(43)),
    ]
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .to_vec();
    assert_eq!(pairs, expected);
    assert!(!format!("{request:?}").contains("c/1"));
}

#[test]
fn a_200_gives_the_tokens_with_the_id_claims() {
    let id = jwt(r#"{"sub":"u","exp":2000,"iat":1000,"email":"a@example.com","nonce":"n-1"}"#);
    let body = format!(
        r#"{{"access_token":"{}","id_token":"{id}","refresh_token":"r","expires_in":3600,"token_type":"Bearer"}}"#,
        jwt(r#"{"sub":"u","exp":2000,"iat":1000}"#)
    );
    let transport = replying(200, &body);
    let code = AuthorizationCode::new("c");
    let verifier = CodeVerifier::new("v".repeat(43));
    let tokens =
        pollster::block_on(exchange_code(&transport, &exchange(&code, &verifier))).unwrap();
    assert_eq!(tokens.refresh.expose_secret(), "r");
    assert_eq!(tokens.expires_in, Some(3600));
    assert_eq!(tokens.id_claims.nonce.as_deref(), Some("n-1"));
    assert_eq!(tokens.id_claims.email.as_deref(), Some("a@example.com"));
    assert_eq!(transport.sent.borrow().len(), 1);
}

#[test]
fn oauth_errors_become_problems() {
    for (status, body, problem) in [
        (
            400,
            r#"{"error":"invalid_grant"}"#,
            FederationProblem::CodeRejected,
        ),
        (
            400,
            r#"{"error":"unauthorized_client"}"#,
            FederationProblem::Misconfigured("unauthorized_client".into()),
        ),
        (
            401,
            r#"{"error":"invalid_client"}"#,
            FederationProblem::Misconfigured("invalid_client".into()),
        ),
        (
            400,
            r#"{"error":"temporarily_unavailable"}"#,
            FederationProblem::ProviderError("temporarily_unavailable".into()),
        ),
        (
            500,
            r#"{"error":"invalid_grant"}"#,
            FederationProblem::UnexpectedReply(500),
        ),
        (400, "<html>", FederationProblem::UnexpectedReply(400)),
        (
            200,
            r#"{"access_token":"a"}"#,
            FederationProblem::UnexpectedReply(200),
        ),
    ] {
        let response = HttpResponse {
            status,
            body: body.to_owned(),
        };
        assert_eq!(
            read_token_response(&response).err(),
            Some(problem),
            "{body}"
        );
    }
}

#[test]
fn no_answer_is_a_network_problem() {
    let transport = Replying {
        reply: Err(TransportError("offline".into())),
        sent: RefCell::new(Vec::new()),
    };
    let code = AuthorizationCode::new("c");
    let verifier = CodeVerifier::new("v".repeat(43));
    let result = pollster::block_on(exchange_code(&transport, &exchange(&code, &verifier)));
    assert_eq!(result.err(), Some(FederationProblem::Network));
}

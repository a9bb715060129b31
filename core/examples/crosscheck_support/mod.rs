//! What both SRP cross-check tools share: reading the cases from stdin and printing the results,
//! a stand-in Cognito that answers the first request with the case's challenge and keeps every
//! request body, and readers of a case's fields.

use leptos_cognito_core::http::{HttpRequest, HttpResponse, HttpTransport, TransportError};
use serde_json::{json, Value};
use std::cell::RefCell;
use std::io::Read;

/// Answers the first request with the case's challenge, refuses the rest, keeps every body.
pub struct CaseServer {
    pub challenge: String,
    pub sent: RefCell<Vec<Value>>,
}

impl HttpTransport for &CaseServer {
    async fn post(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let body: Value = serde_json::from_str(&request.body).unwrap_or(Value::Null);
        let first = self.sent.borrow().is_empty();
        self.sent.borrow_mut().push(body);
        Ok(if first {
            HttpResponse {
                status: 200,
                body: self.challenge.clone(),
            }
        } else {
            // The answer is all the tools want; the sign-in itself may stop here.
            HttpResponse {
                status: 400,
                body: r#"{"__type":"NotAuthorizedException","message":"cross-check"}"#.into(),
            }
        })
    }
}

pub fn text<'a>(case: &'a Value, name: &str) -> Result<&'a str, String> {
    case[name]
        .as_str()
        .ok_or_else(|| format!("case field {name} is missing"))
}

/// Bytes of a hex string; an odd length reads as with a leading zero, as big numbers print.
pub fn hex_bytes(hex: &str) -> Result<Vec<u8>, String> {
    let padded = if hex.len() % 2 == 1 {
        format!("0{hex}")
    } else {
        hex.to_owned()
    };
    (0..padded.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&padded[i..i + 2], 16).map_err(|e| e.to_string()))
        .collect()
}

/// Reads a JSON array of cases on stdin, runs each, and prints one JSON array of results (a
/// case that fails gives `{"error"}`); input that isn't such an array exits with status 2.
pub fn run_cases(run: impl Fn(&Value) -> Result<Value, String>) {
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("cannot read stdin: {e}");
        std::process::exit(2);
    }
    let cases: Vec<Value> = match serde_json::from_str(&input) {
        Ok(cases) => cases,
        Err(e) => {
            eprintln!("stdin is not a JSON array of cases: {e}");
            std::process::exit(2);
        }
    };
    let results: Vec<Value> = cases
        .iter()
        .map(|case| run(case).unwrap_or_else(|error| json!({ "error": error })))
        .collect();
    println!("{}", Value::Array(results));
}

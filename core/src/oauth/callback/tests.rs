use super::*;
use crate::oauth::UNKNOWN_ERROR;

fn kept(verifier: Option<&str>) -> RoundTrip {
    RoundTrip {
        verifier: verifier.map(CodeVerifier::new),
        nonce: Some("n-1".into()),
        return_to: Some("https://app.example.com/after".into()),
        embed_origin: None,
    }
}

const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

#[test]
fn reads_a_code_and_its_state() {
    let callback = Callback::parse("?code=c0de%2D1&state=st-1").unwrap();
    assert_eq!(
        callback,
        Callback::Code {
            code: AuthorizationCode::new("c0de-1"),
            state: "st-1".into()
        }
    );
    assert_eq!(callback.state(), Some("st-1"));
}

#[test]
fn reads_a_refusal_without_its_description() {
    let callback =
        Callback::parse("error=access_denied&error_description=User+cancelled&state=st-1").unwrap();
    assert_eq!(
        callback,
        Callback::Refused {
            error: "access_denied".into(),
            state: Some("st-1".into())
        }
    );
}

#[test]
fn a_callback_without_state_or_code_is_refused() {
    assert_eq!(
        Callback::parse("?code=abc"),
        Err(FederationProblem::StateMismatch)
    );
    assert_eq!(
        Callback::parse("?state=abc"),
        Err(FederationProblem::MissingVerifier)
    );
    assert_eq!(
        Callback::parse("?code=%zz&state=s"),
        Err(FederationProblem::StateMismatch)
    );
}

#[test]
fn a_kept_round_trip_gives_the_code_and_verifier() {
    let callback = Callback::parse("?code=c&state=s").unwrap();
    let (code, verifier) = check_callback(&callback, Some(&kept(Some(VERIFIER))), false).unwrap();
    assert_eq!(code.expose_secret(), "c");
    assert_eq!(verifier.expose_secret(), VERIFIER);
}

#[test]
fn an_unknown_state_is_a_mismatch_when_the_tab_waits_for_another() {
    let callback = Callback::parse("?code=c&state=tampered").unwrap();
    assert_eq!(
        check_callback(&callback, None, true),
        Err(FederationProblem::StateMismatch)
    );
    // Nothing kept at all: another tab started it, or storage was cleared.
    assert_eq!(
        check_callback(&callback, None, false),
        Err(FederationProblem::MissingVerifier)
    );
}

#[test]
fn a_missing_or_malformed_verifier_stops_the_exchange() {
    let callback = Callback::parse("?code=c&state=s").unwrap();
    for verifier in [None, Some("short")] {
        assert_eq!(
            check_callback(&callback, Some(&kept(verifier)), false),
            Err(FederationProblem::MissingVerifier)
        );
    }
}

#[test]
fn refusals_map_to_their_problems() {
    let cancel = Callback::parse("?error=access_denied&state=s").unwrap();
    assert_eq!(
        check_callback(&cancel, Some(&kept(Some(VERIFIER))), false),
        Err(FederationProblem::Cancelled)
    );
    // Not this tab's round trip: a link anyone could craft, not a cancellation.
    assert_eq!(
        check_callback(&cancel, None, false),
        Err(FederationProblem::MissingVerifier)
    );
    assert_eq!(
        check_callback(&cancel, None, true),
        Err(FederationProblem::StateMismatch)
    );
    let broken = Callback::parse("?error=server_error&state=s").unwrap();
    assert_eq!(
        check_callback(&broken, Some(&kept(Some(VERIFIER))), false),
        Err(FederationProblem::ProviderError("server_error".into()))
    );
}

#[test]
fn round_trip_record_survives_storage_and_hides_the_verifier() {
    let record = kept(Some(VERIFIER));
    let json = record.to_json();
    assert_eq!(RoundTrip::parse(&json), Some(record.clone()));
    assert!(json.contains("\"returnTo\""));
    assert!(!format!("{record:?}").contains(VERIFIER));
    assert_eq!(RoundTrip::parse("not json"), None);
}

#[test]
fn the_nonce_must_match_when_sent() {
    assert_eq!(check_nonce(Some("n"), Some("n")), Ok(()));
    assert_eq!(check_nonce(None, None), Ok(()));
    assert_eq!(
        check_nonce(Some("n"), Some("x")),
        Err(FederationProblem::NonceMismatch)
    );
    assert_eq!(
        check_nonce(Some("n"), None),
        Err(FederationProblem::NonceMismatch)
    );
}

#[test]
fn a_crafted_error_shows_no_text_of_its_own() {
    let crafted = Callback::parse("?error=Call+0800+to+unlock+your+account").unwrap();
    // Without a state it is nobody's round trip.
    assert_eq!(
        check_callback(&crafted, None, false),
        Err(FederationProblem::MissingVerifier)
    );
    // Even on a kept round trip, only OAuth's own codes are named.
    let crafted = Callback::parse("?error=Call+0800+to+unlock&state=s").unwrap();
    assert_eq!(
        check_callback(&crafted, Some(&kept(Some(VERIFIER))), false),
        Err(FederationProblem::ProviderError(UNKNOWN_ERROR.into()))
    );
    let odd = Callback::parse("?error=made_up_code&state=s").unwrap();
    assert_eq!(
        check_callback(&odd, Some(&kept(Some(VERIFIER))), false),
        Err(FederationProblem::ProviderError(UNKNOWN_ERROR.into()))
    );
}

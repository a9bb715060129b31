//! The SRP attempt made ahead of the click: its `A` goes out, it is used once, and the clones of
//! a client share it.

use super::*;

const SMALL_A: [u8; 4] = [0x49, 0x96, 0x02, 0xd2];

fn sent_a(transport: &ScriptedTransport, index: usize) -> String {
    let (_, sent) = sent_json(transport, index);
    let parameters = match sent.get("AuthParameters") {
        Some(parameters) => parameters.clone(),
        None => sent["ChallengeResponses"].clone(),
    };
    parameters["SRP_A"].as_str().unwrap().to_owned()
}

#[test]
fn the_sign_in_sends_the_prepared_a_and_proves_with_its_secret_once() {
    let transport = with_replies(&[
        (200, SRP_CHALLENGE),
        (200, &auth_reply(Some("ref"))),
        (200, SRP_CHALLENGE),
        (200, &auth_reply(Some("ref"))),
    ]);
    let client = client(&transport);
    assert!(!client.srp_prepared());
    // Prepared through a clone, as the page does: the clones share the attempt.
    client
        .clone()
        .prepare_srp(SrpClient::with_small_a(&SMALL_A));
    assert!(client.srp_prepared());

    let sign_in = || {
        block_on(client.sign_in(
            AuthFlow::UserSrp,
            "a@example.com",
            Password::new("test"),
            || SRP_NOW,
        ))
    };
    assert!(matches!(sign_in().unwrap(), SignInOutcome::SignedIn(_)));
    assert_eq!(
        sent_a(&transport, 0),
        SrpClient::with_small_a(&SMALL_A).srp_a()
    );
    // The known vector's signature: the prepared secret made the proof.
    let (_, answer) = sent_json(&transport, 1);
    assert_eq!(
        answer["ChallengeResponses"]["PASSWORD_CLAIM_SIGNATURE"],
        "tdvQu/Li/qWl8Nni0aFPs+MwY4rvKZm0kSMrGIMSUHk="
    );
    assert!(!client.srp_prepared());

    // The next attempt makes its own: a fresh, full-size A.
    sign_in().unwrap();
    let next = sent_a(&transport, 2);
    assert_ne!(next, sent_a(&transport, 0));
    assert!(next.len() > 700, "{next}");
}

#[test]
fn the_user_auth_password_answer_sends_the_prepared_a() {
    let transport = ScriptedTransport::replying(200, r#"{"ChallengeName":"CUSTOM"}"#);
    let client = client(&transport);
    client.prepare_srp(SrpClient::with_small_a(&SMALL_A));
    let challenge = ChallengeSessionInfo {
        name: ChallengeName::SelectChallenge,
        session: Some(ChallengeSession::new("s")),
        parameters: Default::default(),
        available: vec!["PASSWORD_SRP".into()],
    };
    let _ = block_on(client.choose_first_factor(
        &challenge,
        "a@example.com",
        FirstFactor::Password,
        Some(Password::new("pw")),
        || 0,
    ));
    assert_eq!(
        sent_a(&transport, 0),
        SrpClient::with_small_a(&SMALL_A).srp_a()
    );
    assert!(!client.srp_prepared());
}

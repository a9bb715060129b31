use super::*;

#[test]
fn session_message_carries_the_refresh_token_only_when_allowed() {
    let (id, access, refresh) = (
        IdToken::new("id-t"),
        AccessToken::new("acc-t"),
        RefreshToken::new("ref-t"),
    );
    let without: serde_json::Value =
        serde_json::from_str(&session_message("a@b.c", &id, &access, None, 9)).unwrap();
    assert_eq!(without["type"], SESSION_MESSAGE);
    assert_eq!(without["idToken"], "id-t");
    assert_eq!(without["accessToken"], "acc-t");
    assert_eq!(without["expiresAt"], 9);
    assert!(without.get("refreshToken").is_none());
    let with: serde_json::Value =
        serde_json::from_str(&session_message("a@b.c", &id, &access, Some(&refresh), 9)).unwrap();
    assert_eq!(with["refreshToken"], "ref-t");
    assert!(signed_out_message().contains(SIGNED_OUT_MESSAGE));
}

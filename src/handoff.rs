//! What one page hands to the next, shared through context as [`Handoff`]: the address that
//! awaits a code and where the code went, a note for the next page, the challenge a sign-in
//! stopped at, and the password typed at sign-up (kept in memory for the one step that signs the
//! new user in after confirming, then dropped).

use leptos::prelude::*;
use leptos_cognito_core::api::{ChallengeSessionInfo, CodeDeliveryDetails};
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::mfa::SignInStep;
use leptos_cognito_core::secret::Password;
use leptos_cognito_core::sign_in_factor::FirstFactor;

/// A sign-in that Cognito stopped at a challenge, with the address it was started with.
#[derive(Debug, Clone)]
pub struct PendingChallenge {
    pub email: String,
    pub challenge: ChallengeSessionInfo,
}

#[derive(Clone, Copy)]
pub struct Handoff {
    /// The address the user is working with (prefilled on the next page).
    pub email: RwSignal<Option<String>>,
    /// Where Cognito sent the latest code.
    pub delivery: RwSignal<Option<CodeDeliveryDetails>>,
    notice: RwSignal<Option<Text>>,
    challenge: StoredValue<Option<PendingChallenge>>,
    /// The first factor a `USER_AUTH` sign-in under way was started with.
    factor: StoredValue<Option<FirstFactor>>,
    sign_up_password: StoredValue<Option<(String, Password)>>,
}

impl Handoff {
    pub fn provide() -> Self {
        let ctx = Self {
            email: RwSignal::new(None),
            delivery: RwSignal::new(None),
            notice: RwSignal::new(None),
            challenge: StoredValue::new(None),
            factor: StoredValue::new(None),
            sign_up_password: StoredValue::new(None),
        };
        provide_context(ctx);
        ctx
    }

    pub fn use_handoff() -> Self {
        use_context().unwrap_or_else(Self::provide)
    }

    /// A code went out for `email`.
    pub fn awaiting_code(&self, email: String, delivery: Option<CodeDeliveryDetails>) {
        self.email.set(Some(email));
        self.delivery.set(delivery);
    }

    /// Leaves a note ("account confirmed", "password changed") for the next page.
    pub fn leave_notice(&self, text: Text) {
        self.notice.set(Some(text));
    }

    /// Takes the note left for this page, so it is shown once.
    pub fn take_notice(&self) -> Option<Text> {
        let notice = self.notice.get_untracked();
        self.notice.set(None);
        notice
    }

    pub fn set_challenge(&self, pending: PendingChallenge) {
        self.challenge.set_value(Some(pending));
    }

    pub fn challenge(&self) -> Option<PendingChallenge> {
        self.challenge.get_value()
    }

    /// The sign-in under way: its address, its challenge, and the step that challenge asks for.
    pub fn pending_step(&self) -> Option<(String, ChallengeSessionInfo, SignInStep)> {
        let PendingChallenge { email, challenge } = self.challenge()?;
        let step = SignInStep::of(&challenge);
        Some((email, challenge, step))
    }

    pub fn clear_challenge(&self) {
        self.challenge.set_value(None);
    }

    /// Notes the first factor the sign-in under way uses.
    pub fn set_factor(&self, factor: Option<FirstFactor>) {
        self.factor.set_value(factor);
    }

    pub fn factor(&self) -> Option<FirstFactor> {
        self.factor.get_value()
    }

    /// Keeps the password just used to sign up, for signing in right after the confirmation.
    pub fn keep_sign_up_password(&self, email: String, password: Password) {
        self.sign_up_password.set_value(Some((email, password)));
    }

    /// The kept sign-up password, if it was for `email`; it is dropped either way.
    pub fn take_sign_up_password(&self, email: &str) -> Option<Password> {
        let kept = self.sign_up_password.get_value();
        self.forget_sign_up_password();
        kept.filter(|(kept_for, _)| kept_for == email)
            .map(|(_, password)| password)
    }

    pub fn forget_sign_up_password(&self) {
        self.sign_up_password.set_value(None);
    }
}

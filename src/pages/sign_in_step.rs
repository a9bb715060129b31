//! Where a sign-in goes after each answer: on to the page of Cognito's next challenge, or back
//! to the sign-in page (address kept, with the reason) when the challenge session ran out.

use crate::handoff::{Handoff, PendingChallenge};
use crate::routes::AuthRoute;
use crate::session::{is_unconfirmed, use_session, SessionCtx};
use leptos::prelude::Set;
use leptos_cognito_core::api::ChallengeSessionInfo;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::mfa::{MfaMethod, SignInStep};
use leptos_cognito_core::problem::Problem;
use leptos_cognito_core::CognitoError;
use leptos_router::NavigateOptions;

/// Moves a sign-in along. Cheap to copy into actions.
#[derive(Clone)]
pub struct SignInSteps<N> {
    handoff: Handoff,
    session: SessionCtx,
    navigate: N,
}

impl<N: Fn(&str, NavigateOptions) + Clone> SignInSteps<N> {
    pub fn new(navigate: N) -> Self {
        Self {
            handoff: Handoff::use_handoff(),
            session: use_session(),
            navigate,
        }
    }

    /// Goes to the page for `challenge`; a challenge this page can't answer is the problem
    /// to show where the user is.
    pub fn go_to(&self, email: String, challenge: ChallengeSessionInfo) -> Option<Problem> {
        let route = match SignInStep::of(&challenge) {
            SignInStep::NewPassword => AuthRoute::NewPassword,
            SignInStep::Code { .. } => AuthRoute::MfaCode,
            SignInStep::SetUp(methods) if methods == [MfaMethod::Totp] => AuthRoute::TotpSetup,
            SignInStep::Choose(_) | SignInStep::SetUp(_) => AuthRoute::MfaChoice,
            SignInStep::ChooseFirstFactor(_) => AuthRoute::FirstFactor,
            SignInStep::Passkey { .. } => AuthRoute::Passkey,
            SignInStep::Unsupported(name) => return Some(Problem::UnsupportedChallenge(name)),
        };
        self.handoff
            .set_challenge(PendingChallenge { email, challenge });
        (self.navigate)(route.path(), Default::default());
        None
    }

    /// After a sign-in's first request: signed in (the page guard moves on), the challenge's
    /// page, the confirm page for an account not confirmed yet, or the problem to show here.
    pub fn after_start(
        &self,
        email: String,
        started: Result<Option<ChallengeSessionInfo>, CognitoError>,
    ) -> Option<Problem> {
        match started {
            Ok(None) => None,
            Ok(Some(challenge)) => self.go_to(email, challenge),
            Err(error) if is_unconfirmed(&error) => {
                self.handoff.awaiting_code(email, None);
                (self.navigate)(AuthRoute::Confirm.path(), Default::default());
                None
            }
            Err(error) => Some(error.problem()),
        }
    }

    /// After an answer: signed in (the page guard moves on), the next challenge's page, back
    /// to the start if the challenge session expired, or the problem to show here.
    pub fn after_answer(
        &self,
        email: String,
        answered: Result<Option<ChallengeSessionInfo>, CognitoError>,
    ) -> Option<Problem> {
        match answered {
            Ok(None) => {
                self.handoff.clear_challenge();
                if let Some(factor) = self.handoff.factor() {
                    self.session.remember_factor(factor);
                }
                None
            }
            Ok(Some(next)) => self.go_to(email, next),
            Err(error) => match error.problem() {
                Problem::ChallengeExpired => {
                    self.start_over(email);
                    None
                }
                problem => Some(problem),
            },
        }
    }

    /// Back to the sign-in page with the address filled in, saying the step expired.
    pub fn start_over(&self, email: String) {
        self.handoff.clear_challenge();
        self.handoff.email.set(Some(email));
        self.handoff
            .leave_notice(Text::Problem(Problem::ChallengeExpired));
        (self.navigate)(AuthRoute::SignIn.path(), Default::default());
    }
}

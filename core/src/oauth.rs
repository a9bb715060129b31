//! Sign-in through the pool domain's OAuth 2.0 endpoints: the authorization code flow with PKCE
//! (RFC 7636, S256) and `state`, as Cognito's `/oauth2/authorize` and `/oauth2/token` speak it.
//! The JSON API cannot federate, so Google, Apple, Facebook, Amazon, SAML and OIDC sign-ins
//! come this way, and end in the same tokens as every other sign-in.

mod authorize;
mod callback;
pub mod form;
pub mod pkce;
mod token;

pub use authorize::{email_domain, logout_url, AuthorizeRequest, Destination};
pub use callback::{check_callback, check_nonce, Callback, RoundTrip};
pub use token::{exchange_code, read_token_response, token_request, TokenExchange};

/// The code shown for an `error` OAuth does not define.
pub const UNKNOWN_ERROR: &str = "unknown_error";

/// Why a sign-in through the pool domain did not end signed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FederationProblem {
    /// The user said no at the provider (`error=access_denied`).
    Cancelled,
    /// The provider or the pool domain reported an error of its own: one of the codes OAuth
    /// defines, or [`UNKNOWN_ERROR`] for anything else (the callback's query is anyone's to
    /// write, so its text is never shown).
    ProviderError(String),
    /// `/oauth2/token` refused the code (`invalid_grant`): used already, expired, or not
    /// matching the verifier.
    CodeRejected,
    /// The callback's `state` is not the one this tab sent.
    StateMismatch,
    /// This tab holds nothing of the round trip (another tab or window, or storage cleared).
    MissingVerifier,
    /// The id token's `nonce` is not the one this tab sent.
    NonceMismatch,
    /// The pool refused the app client, its callback address or a scope (a setup fault).
    Misconfigured(String),
    /// The token request got no answer.
    Network,
    /// The token endpoint answered something else than tokens or an OAuth error.
    UnexpectedReply(u16),
    /// The browser gave no random numbers for the verifier and `state`.
    NoRandomness,
}

impl FederationProblem {
    /// The problem an OAuth `error` code (RFC 6749 §4.1.2.1 and §5.2, and Cognito's
    /// `redirect_mismatch`) stands for.
    pub fn from_oauth_error(error: &str) -> Self {
        match error {
            "access_denied" => Self::Cancelled,
            "invalid_grant" => Self::CodeRejected,
            "invalid_client"
            | "unauthorized_client"
            | "invalid_request"
            | "invalid_scope"
            | "unsupported_grant_type"
            | "unsupported_response_type"
            | "redirect_mismatch" => Self::Misconfigured(error.to_owned()),
            "server_error" | "temporarily_unavailable" => Self::ProviderError(error.to_owned()),
            _ => Self::ProviderError(UNKNOWN_ERROR.to_owned()),
        }
    }
}

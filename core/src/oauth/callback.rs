//! The way back: what the pool domain puts in the callback's query, what the tab kept for the
//! round trip, and whether the two belong together.

use super::{form, pkce, FederationProblem};
use crate::secret::{AuthorizationCode, CodeVerifier};
use serde::{Deserialize, Serialize};

/// What the callback's query says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callback {
    /// The provider said yes: a code to exchange.
    Code {
        code: AuthorizationCode,
        state: String,
    },
    /// The provider or the pool said no (`error`; its `error_description` is anyone's text and
    /// is not read).
    Refused {
        error: String,
        state: Option<String>,
    },
}

impl Callback {
    /// Reads `?code=…&state=…` or `?error=…[&state=…]`. Without a `state` or anything to read,
    /// it is not a round trip this tab can have started.
    pub fn parse(query: &str) -> Result<Self, FederationProblem> {
        let pairs = form::decode(query).ok_or(FederationProblem::StateMismatch)?;
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
                .filter(|value| !value.is_empty())
        };
        if let Some(error) = get("error") {
            return Ok(Self::Refused {
                error,
                state: get("state"),
            });
        }
        match (get("code"), get("state")) {
            (Some(code), Some(state)) => Ok(Self::Code {
                code: AuthorizationCode::new(code),
                state,
            }),
            (Some(_), None) => Err(FederationProblem::StateMismatch),
            (None, _) => Err(FederationProblem::MissingVerifier),
        }
    }

    /// The `state` it came back with: the name of what the tab kept for the round trip.
    pub fn state(&self) -> Option<&str> {
        match self {
            Self::Code { state, .. } => Some(state),
            Self::Refused { state, .. } => state.as_deref(),
        }
    }
}

/// What the tab keeps in `sessionStorage` for one round trip, under the key its `state` names,
/// and removes when the user is back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoundTrip {
    /// Missing when storage was tampered with: the exchange can't be made.
    #[serde(default)]
    pub verifier: Option<CodeVerifier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
    /// `?return_to=` as the page was opened with (checked again on the way back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_to: Option<String>,
    /// The embedding window's origin the session is posted to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embed_origin: Option<String>,
}

impl RoundTrip {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// `None` for anything but a record this page wrote.
    pub fn parse(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}

/// Decides whether the callback may be exchanged. `kept`: what the tab holds under the key the
/// callback's `state` names; `others_kept`: whether it holds round trips under other keys (then
/// the `state` is not one this tab sent, rather than storage having been lost). A refusal counts
/// only with a kept round trip: anyone can link to the callback with an `error`.
pub fn check_callback(
    callback: &Callback,
    kept: Option<&RoundTrip>,
    others_kept: bool,
) -> Result<(AuthorizationCode, CodeVerifier), FederationProblem> {
    let Some(kept) = kept else {
        return Err(if others_kept {
            FederationProblem::StateMismatch
        } else {
            FederationProblem::MissingVerifier
        });
    };
    let code = match callback {
        Callback::Code { code, .. } => code,
        Callback::Refused { error, .. } => return Err(FederationProblem::from_oauth_error(error)),
    };
    match &kept.verifier {
        Some(verifier) if pkce::is_verifier(verifier.expose_secret()) => {
            Ok((code.clone(), verifier.clone()))
        }
        _ => Err(FederationProblem::MissingVerifier),
    }
}

/// The id token must carry the `nonce` the request sent, when one was sent.
pub fn check_nonce(sent: Option<&str>, in_token: Option<&str>) -> Result<(), FederationProblem> {
    match sent {
        Some(sent) if in_token != Some(sent) => Err(FederationProblem::NonceMismatch),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;

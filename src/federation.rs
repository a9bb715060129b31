//! Sign-in through the pool domain, the browser's part: leaving for `/oauth2/authorize` with what
//! the round trip needs kept in `sessionStorage`, and finishing at the callback. The decisions
//! are [`leptos_cognito_core::oauth`]'s.

use crate::storage;
use crate::transport::FetchTransport;
use leptos::prelude::*;
use leptos_cognito_core::config::OAuthConfig;
use leptos_cognito_core::oauth::{
    check_callback, check_nonce, exchange_code, logout_url, pkce, AuthorizeRequest, Callback,
    Destination, FederationProblem, RoundTrip, TokenExchange,
};
use leptos_cognito_core::{storage_keys, AppConfig, Tokens};
use web_sys::Storage;

/// The pool domain and app client, shared through context when `config.json` has `oauth`.
#[derive(Debug, Clone)]
pub struct Federation {
    pub oauth: OAuthConfig,
    client_id: String,
    /// Why the last round trip did not sign in, for the sign-in page to say once.
    pub failure: RwSignal<Option<FederationProblem>>,
}

/// Where the user was headed before leaving for the provider.
#[derive(Debug, Clone, Default)]
pub(crate) struct Destinations {
    pub return_to: Option<String>,
    pub embed_origin: Option<String>,
}

impl Federation {
    /// Provides the federation context, if the config has `oauth`.
    pub(crate) fn provide(config: &AppConfig) {
        if let Some(oauth) = config.oauth.clone() {
            provide_context(Self {
                oauth,
                client_id: config.client_id.clone(),
                failure: RwSignal::new(None),
            });
        }
    }

    fn redirect_uri(&self) -> String {
        format!("{}{}", page_origin(), self.oauth.redirect_path)
    }

    /// Leaves for the provider (an error: the page could not go).
    pub(crate) fn start(
        &self,
        destination: Destination<'_>,
        destinations: Destinations,
    ) -> Result<(), FederationProblem> {
        let verifier = pkce::new_verifier()?;
        let state = pkce::random_token()?;
        let nonce = pkce::random_token()?;
        let record = RoundTrip {
            verifier: Some(verifier.clone()),
            nonce: Some(nonce.clone()),
            return_to: destinations.return_to,
            embed_origin: destinations.embed_origin,
        };
        let key = storage_keys::oauth_round_trip(&self.client_id, &state);
        let kept = session_storage()
            .and_then(|storage| storage.set_item(&key, &record.to_json()).ok())
            .is_some();
        if !kept {
            // Without storage the way back can't be checked: don't leave.
            return Err(FederationProblem::MissingVerifier);
        }
        let url = AuthorizeRequest {
            domain: &self.oauth.domain,
            client_id: &self.client_id,
            redirect_uri: &self.redirect_uri(),
            scopes: &self.oauth.scopes,
            state: &state,
            code_challenge: &pkce::challenge_s256(&verifier),
            nonce: Some(&nonce),
            destination,
        }
        .url();
        window().location().assign(&url).map_err(|_| {
            // Not leaving: the verifier must not outlive the attempt.
            remove_session(&key);
            FederationProblem::Network
        })
    }

    /// Finishes the round trip at the callback (`query`: the page's `?…`): the tokens, and where
    /// the user was headed (known whenever this tab started the round trip). Every round trip
    /// this tab kept is removed, whatever the outcome: one callback ends them all, abandoned ones
    /// (the back button at the provider) included, so no verifier lingers.
    pub(crate) async fn finish(
        &self,
        query: &str,
    ) -> (Result<Tokens, FederationProblem>, Destinations) {
        let callback = match Callback::parse(query) {
            Ok(callback) => callback,
            Err(problem) => {
                self.forget_round_trips();
                return (Err(problem), Destinations::default());
            }
        };
        let key = callback
            .state()
            .map(|state| storage_keys::oauth_round_trip(&self.client_id, state));
        let kept = key
            .as_deref()
            .and_then(read_session)
            .and_then(|text| RoundTrip::parse(&text));
        let others = round_trip_keys(&self.client_id)
            .iter()
            .any(|other| Some(other) != key.as_ref());
        self.forget_round_trips();
        let destinations = Destinations {
            return_to: kept.as_ref().and_then(|k| k.return_to.clone()),
            embed_origin: kept.as_ref().and_then(|k| k.embed_origin.clone()),
        };
        let result = self.exchange(&callback, kept.as_ref(), others).await;
        if result.is_ok() {
            storage::write(&storage_keys::hosted_session(&self.client_id), "1");
        }
        (result, destinations)
    }

    fn forget_round_trips(&self) {
        round_trip_keys(&self.client_id)
            .iter()
            .for_each(|key| remove_session(key));
    }

    async fn exchange(
        &self,
        callback: &Callback,
        kept: Option<&RoundTrip>,
        others: bool,
    ) -> Result<Tokens, FederationProblem> {
        let (code, verifier) = check_callback(callback, kept, others)?;
        let tokens = exchange_code(
            &FetchTransport,
            &TokenExchange {
                domain: &self.oauth.domain,
                client_id: &self.client_id,
                redirect_uri: &self.redirect_uri(),
                code: &code,
                verifier: &verifier,
            },
        )
        .await?;
        check_nonce(
            kept.and_then(|k| k.nonce.as_deref()),
            tokens.id_claims.nonce.as_deref(),
        )?;
        Ok(tokens)
    }

    /// After signing out of a session that began at the pool domain, ends the pool domain's own
    /// session too (`/logout`, which comes back to `signOutPath`), so the next sign-in asks the
    /// provider again. Returns whether the page is leaving for it.
    pub(crate) fn end_hosted_session(&self) -> bool {
        let key = storage_keys::hosted_session(&self.client_id);
        if storage::read(&key).is_none() {
            return false;
        }
        storage::remove(&key);
        let back = format!("{}{}", page_origin(), self.oauth.sign_out_path);
        let url = logout_url(&self.oauth.domain, &self.client_id, &back);
        window().location().assign(&url).is_ok()
    }
}

fn page_origin() -> String {
    window().location().origin().unwrap_or_default()
}

fn session_storage() -> Option<Storage> {
    window().session_storage().ok().flatten()
}

fn read_session(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

fn remove_session(key: &str) {
    if let Some(storage) = session_storage() {
        // Nothing more can be done if removal throws.
        let _ = storage.remove_item(key);
    }
}

/// The keys of this app client's round trips under way in this tab.
fn round_trip_keys(client_id: &str) -> Vec<String> {
    let prefix = storage_keys::oauth_round_trip_prefix(client_id);
    let Some(storage) = session_storage() else {
        return Vec::new();
    };
    (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(&prefix))
        .collect()
}

//! `/oauth2/token` with `grant_type=authorization_code`: the code and the verifier for the
//! user's tokens, or an OAuth error (RFC 6749 §5.2).

use super::{form, FederationProblem};
use crate::claims::decode_claims;
use crate::client::Tokens;
use crate::http::{HttpRequest, HttpResponse, HttpTransport};
use crate::secret::{AccessToken, AuthorizationCode, CodeVerifier, IdToken, RefreshToken};
use serde::Deserialize;

/// One code exchange.
#[derive(Debug, Clone)]
pub struct TokenExchange<'a> {
    pub domain: &'a str,
    pub client_id: &'a str,
    /// The same `redirect_uri` the authorize request sent (Cognito checks they match).
    pub redirect_uri: &'a str,
    pub code: &'a AuthorizationCode,
    pub verifier: &'a CodeVerifier,
}

/// The form-encoded `POST` (a public client: no secret, no `Authorization` header).
pub fn token_request(exchange: &TokenExchange<'_>) -> HttpRequest {
    HttpRequest {
        url: format!("{}/oauth2/token", exchange.domain),
        headers: vec![(
            "Content-Type",
            "application/x-www-form-urlencoded".to_owned(),
        )],
        body: form::encode(&[
            ("grant_type", "authorization_code"),
            ("client_id", exchange.client_id),
            ("code", exchange.code.expose_secret()),
            ("redirect_uri", exchange.redirect_uri),
            ("code_verifier", exchange.verifier.expose_secret()),
        ]),
    }
}

#[derive(Deserialize)]
struct TokenReply {
    access_token: AccessToken,
    id_token: IdToken,
    refresh_token: RefreshToken,
    #[serde(default)]
    expires_in: Option<u64>,
}

#[derive(Deserialize)]
struct ErrorReply {
    error: String,
}

/// Tokens from a 200, the OAuth error's problem from a 400 or 401, anything else unexpected.
pub fn read_token_response(response: &HttpResponse) -> Result<Tokens, FederationProblem> {
    let unexpected = || FederationProblem::UnexpectedReply(response.status);
    if response.status != 200 {
        return match serde_json::from_str::<ErrorReply>(&response.body) {
            Ok(reply) if (400..500).contains(&response.status) => {
                Err(FederationProblem::from_oauth_error(&reply.error))
            }
            _ => Err(unexpected()),
        };
    }
    let reply: TokenReply = serde_json::from_str(&response.body).map_err(|_| unexpected())?;
    let id_claims = decode_claims(reply.id_token.expose_secret()).map_err(|_| unexpected())?;
    Ok(Tokens {
        access: reply.access_token,
        id: reply.id_token,
        refresh: reply.refresh_token,
        expires_in: reply.expires_in,
        id_claims,
        new_device: None,
    })
}

/// Exchanges the code for the user's tokens.
pub async fn exchange_code<T: HttpTransport>(
    transport: &T,
    exchange: &TokenExchange<'_>,
) -> Result<Tokens, FederationProblem> {
    let response = transport
        .post(token_request(exchange))
        .await
        .map_err(|_| FederationProblem::Network)?;
    read_token_response(&response)
}

#[cfg(test)]
mod tests;

//! Passkeys in the browser: `navigator.credentials.get` and `create` with Cognito's options, and
//! their answers read back as bytes. Reading the options and writing the answers is
//! [`leptos_cognito_core::webauthn`]'s; this only moves bytes in and out of JavaScript.
//!
//! Methods newer than WebAuthn's first level (`getTransports()`, `getPublicKey()`, ...) and
//! `authenticatorAttachment` are looked up before use, so an older browser sends less instead
//! of failing. Nothing here logs: the answers prove the user.

use js_sys::{Array, ArrayBuffer, Function, Object, Promise, Reflect, Uint8Array, JSON};
use leptos_cognito_core::webauthn::{
    Assertion, Attestation, Ceremony, CreationOptions, CredentialDescriptor, OptionsError,
    PasskeyError, RequestOptions,
};
use serde_json::{Map, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AuthenticatorAssertionResponse, AuthenticatorAttestationResponse, CredentialCreationOptions,
    CredentialRequestOptions, CredentialsContainer, PublicKeyCredential,
};

/// Whether this page can use passkeys: the browser has WebAuthn and the page is a secure
/// context (https, or localhost).
pub(crate) fn passkeys_supported() -> bool {
    credentials().is_some()
}

/// Signs in with a passkey: `request_options_json` is `WEB_AUTHN`'s
/// `CREDENTIAL_REQUEST_OPTIONS`; the answer is the text for its `CREDENTIAL`.
pub(crate) async fn sign_in_assertion(request_options_json: &str) -> Result<String, PasskeyError> {
    let container = credentials().ok_or(PasskeyError::NotSupported)?;
    let options = RequestOptions::from_json(request_options_json)?;
    let public_key = js_object(&options.rest)?;
    set(&public_key, "challenge", &bytes(&options.challenge));
    if let Some(allowed) = &options.allow_credentials {
        set(&public_key, "allowCredentials", &descriptors(allowed)?);
    }
    let request = CredentialRequestOptions::new();
    set(&request, "publicKey", &public_key);
    let credential = settle(container.get_with_options(&request), Ceremony::SignIn).await?;
    let response: AuthenticatorAssertionResponse = credential
        .response()
        .dyn_into()
        .map_err(|_| not_a_passkey_answer())?;
    Ok(Assertion {
        raw_id: buffer(&credential.raw_id()),
        client_data_json: buffer(&response.client_data_json()),
        authenticator_data: buffer(&response.authenticator_data()),
        signature: buffer(&response.signature()),
        user_handle: response.user_handle().map(|handle| buffer(&handle)),
        authenticator_attachment: string_member(&credential, "authenticatorAttachment"),
        client_extension_results: extension_results(&credential),
    }
    .to_credential_string())
}

/// Makes a new passkey: `creation_options` is `StartWebAuthnRegistration`'s
/// `CredentialCreationOptions`; the answer is `CompleteWebAuthnRegistration`'s `Credential`.
pub(crate) async fn register(creation_options: &Value) -> Result<Value, PasskeyError> {
    let container = credentials().ok_or(PasskeyError::NotSupported)?;
    let options = CreationOptions::from_value(creation_options.clone())?;
    let public_key = js_object(&options.rest)?;
    set(&public_key, "challenge", &bytes(&options.challenge));
    let user = js_object(&options.user.rest)?;
    set(&user, "id", &bytes(&options.user.id));
    set(&public_key, "user", &user);
    if let Some(excluded) = &options.exclude_credentials {
        set(&public_key, "excludeCredentials", &descriptors(excluded)?);
    }
    let request = CredentialCreationOptions::new();
    set(&request, "publicKey", &public_key);
    let credential = settle(
        container.create_with_options(&request),
        Ceremony::Registration,
    )
    .await?;
    let response: AuthenticatorAttestationResponse = credential
        .response()
        .dyn_into()
        .map_err(|_| not_a_passkey_answer())?;
    let optional_bytes = |method| {
        call_optional(&response, method)
            .and_then(|value| value.dyn_into::<ArrayBuffer>().ok())
            .map(|data| buffer(&data))
    };
    Ok(Attestation {
        raw_id: buffer(&credential.raw_id()),
        client_data_json: buffer(&response.client_data_json()),
        attestation_object: buffer(&response.attestation_object()),
        transports: call_optional(&response, "getTransports")
            .and_then(|value| value.dyn_into::<Array>().ok())
            .map(|list| list.iter().filter_map(|t| t.as_string()).collect()),
        // A COSE algorithm number: a small integer.
        public_key_algorithm: call_optional(&response, "getPublicKeyAlgorithm")
            .and_then(|value| value.as_f64())
            .map(|number| number as i64),
        public_key: optional_bytes("getPublicKey"),
        authenticator_data: optional_bytes("getAuthenticatorData"),
        authenticator_attachment: string_member(&credential, "authenticatorAttachment"),
        client_extension_results: extension_results(&credential),
    }
    .to_json())
}

/// `navigator.credentials`, when passkeys can be used here. Looked up rather than called
/// through web-sys's bindings, which assume the API is there.
fn credentials() -> Option<CredentialsContainer> {
    let window = web_sys::window()?;
    let has_webauthn = Reflect::get(&window, &"PublicKeyCredential".into())
        .is_ok_and(|constructor| constructor.is_function());
    if !(has_webauthn && window.is_secure_context()) {
        return None;
    }
    Reflect::get(&window.navigator(), &"credentials".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Waits for `get`/`create`, reading a rejection (or a synchronous throw) by its name.
async fn settle(
    started: Result<Promise, JsValue>,
    ceremony: Ceremony,
) -> Result<PublicKeyCredential, PasskeyError> {
    let answer = match started {
        Ok(promise) => JsFuture::from(promise).await,
        Err(thrown) => Err(thrown),
    };
    let answer = answer.map_err(|error| {
        PasskeyError::from_rejection(
            ceremony,
            &string_member(&error, "name").unwrap_or_default(),
            &string_member(&error, "message").unwrap_or_default(),
        )
    })?;
    answer.dyn_into().map_err(|_| not_a_passkey_answer())
}

/// `get`/`create` resolved to something other than a public-key credential (e.g. `null`).
fn not_a_passkey_answer() -> PasskeyError {
    PasskeyError::Other("UnknownError".into())
}

/// The members Cognito sent, as a JavaScript object for the browser to read.
fn js_object(members: &Map<String, Value>) -> Result<JsValue, PasskeyError> {
    let text = serde_json::to_string(members).map_err(|_| OptionsError::NotJson)?;
    JSON::parse(&text).map_err(|_| OptionsError::NotJson.into())
}

fn descriptors(list: &[CredentialDescriptor]) -> Result<JsValue, PasskeyError> {
    list.iter()
        .map(|descriptor| {
            let object = js_object(&descriptor.rest)?;
            set(&object, "id", &bytes(&descriptor.id));
            Ok(object)
        })
        .collect::<Result<Array, _>>()
        .map(Into::into)
}

/// Sets a member of an object this module made; that can't fail, so failures are ignored.
fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}

/// A copy of `data` in JavaScript's memory (not a view of wasm's, which may move).
fn bytes(data: &[u8]) -> JsValue {
    Uint8Array::from(data).into()
}

fn buffer(data: &ArrayBuffer) -> Vec<u8> {
    Uint8Array::new(data).to_vec()
}

fn string_member(target: &JsValue, key: &str) -> Option<String> {
    Reflect::get(target, &key.into()).ok()?.as_string()
}

/// Calls `target.method()` if the browser has it; `None` also for a `null` answer.
fn call_optional(target: &JsValue, method: &str) -> Option<JsValue> {
    let function: Function = Reflect::get(target, &method.into()).ok()?.dyn_into().ok()?;
    function
        .call0(target)
        .ok()
        .filter(|value| !value.is_null() && !value.is_undefined())
}

/// `getClientExtensionResults()` as JSON (results holding bytes become `{}`, as in
/// `JSON.stringify`; Cognito asks for none of those).
fn extension_results(credential: &PublicKeyCredential) -> Map<String, Value> {
    call_optional(credential, "getClientExtensionResults")
        .filter(|results| results.is_instance_of::<Object>())
        .and_then(|results| JSON::stringify(&results).ok())
        .and_then(|text| text.as_string())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use serde_json::json;
    use wasm_bindgen_test::*;

    fn creation_options() -> Value {
        json!({
            "rp": {"id": "localhost", "name": "localhost"},
            "user": {"id": "dS0x", "name": "ann@example.com", "displayName": ""},
            "challenge": "zsBch6DlNLUb6SgRdzHysw",
            "pubKeyCredParams": [{"type": "public-key", "alg": -7}],
            "timeout": 60000,
        })
    }

    #[wasm_bindgen_test]
    fn the_test_page_can_use_passkeys() {
        // The runner serves the page from a loopback address: a secure context.
        assert!(passkeys_supported());
    }

    #[wasm_bindgen_test]
    async fn options_cognito_could_not_have_meant_never_reach_the_browser() {
        assert_eq!(
            sign_in_assertion("<html>").await,
            Err(OptionsError::NotJson.into())
        );
        assert_eq!(
            sign_in_assertion(r#"{"challenge":"9DAx+g4v"}"#).await,
            Err(OptionsError::NotBase64Url("challenge").into())
        );
        let mut no_user = creation_options();
        no_user.as_object_mut().unwrap().remove("user");
        assert_eq!(
            register(&no_user).await,
            Err(OptionsError::Missing("user").into())
        );
    }

    #[wasm_bindgen_test]
    async fn options_the_browser_refuses_are_malformed_not_a_crash() {
        // `pubKeyCredParams` is required by WebAuthn's IDL: the browser throws a TypeError.
        let mut no_algorithms = creation_options();
        no_algorithms
            .as_object_mut()
            .unwrap()
            .remove("pubKeyCredParams");
        match register(&no_algorithms).await {
            Err(PasskeyError::Malformed(OptionsError::RefusedByBrowser(why))) => {
                assert!(why.contains("pubKeyCredParams"), "{why}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[wasm_bindgen_test]
    async fn a_relying_party_id_that_does_not_fit_the_page_is_the_wrong_site() {
        let options =
            r#"{"challenge":"9DAxgg4vPiaxvAxc-JbMuw","rpId":"example.com","timeout":1000}"#;
        assert_eq!(
            sign_in_assertion(options).await,
            Err(PasskeyError::WrongSite)
        );
        let mut other_site = creation_options();
        other_site["rp"]["id"] = json!("example.com");
        assert_eq!(register(&other_site).await, Err(PasskeyError::WrongSite));
    }
}

//! index.html's pre-painted sign-in page (web/prepaint.js) speaks the app's words and reads the
//! app's storage keys; its table of them is checked here against the catalogues and key names.

use leptos_cognito_core::i18n::{Lang, Text};
use leptos_cognito_core::storage_keys;
use serde_json::Value;

const SCRIPT: &str = include_str!("../../web/prepaint.js");

/// The script's `SHARED` table, which it writes as JSON.
fn shared() -> Value {
    let start = SCRIPT.find("const SHARED = ").expect("SHARED table") + "const SHARED = ".len();
    let end = start
        + SCRIPT[start..]
            .find("\n  };")
            .expect("end of the SHARED table")
        + 4;
    serde_json::from_str(&SCRIPT[start..end]).expect("SHARED is JSON")
}

#[test]
fn the_prepainted_words_are_the_catalogues() {
    let texts = [
        ("SignIn", Text::SignIn),
        ("Email", Text::Email),
        ("Password", Text::Password),
        ("ShowPassword", Text::ShowPassword),
        ("ForgotPasswordLink", Text::ForgotPasswordLink),
        ("NoAccountYet", Text::NoAccountYet),
        ("CreateAnAccount", Text::CreateAnAccount),
        ("LanguageLabel", Text::LanguageLabel),
    ];
    let shared = shared();
    let words = shared["words"].as_object().expect("words by language");
    assert_eq!(words.len(), Lang::ALL.len());
    for lang in Lang::ALL {
        let table = words[lang.tag()].as_object().expect("a language's words");
        assert_eq!(table.len(), texts.len(), "{}", lang.tag());
        for (key, text) in &texts {
            assert_eq!(
                table[*key],
                text.render(lang).as_ref(),
                "{key} in {}",
                lang.tag()
            );
        }
    }
}

#[test]
fn the_prepaint_reads_the_app_s_storage_keys() {
    let shared = shared();
    let [prefix, suffix] = [0, 1].map(|i| shared["refreshTokenKey"][i].as_str().unwrap());
    assert_eq!(
        format!("{prefix}some-client{suffix}"),
        storage_keys::refresh_token("some-client")
    );
    assert!(prefix.starts_with(storage_keys::PREFIX));
    assert_eq!(shared["langKey"], format!("{}lang", storage_keys::PREFIX));
}

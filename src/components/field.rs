//! Labelled inputs. An error, when present, is linked with `aria-describedby` and marks the
//! input `aria-invalid`. Password fields can be revealed, and a new password lists, as it is
//! typed, every rule of the pool's policy it does not meet yet.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;
use leptos_cognito_core::password_policy::PasswordPolicy;

/// The pool's password policy (from `config.json`), provided by the app for new passwords.
#[derive(Debug, Clone, Copy, Default)]
pub struct PoolPolicy(pub PasswordPolicy);

impl PoolPolicy {
    /// The provided policy, or Cognito's default.
    pub fn use_policy() -> PasswordPolicy {
        use_context::<PoolPolicy>().unwrap_or_default().0
    }
}

/// The ids an input is described by: its error, then its list of unmet rules, when shown.
fn described_by(parts: [(bool, &str); 2]) -> Option<String> {
    let ids: Vec<&str> = parts
        .iter()
        .filter(|(shown, _)| *shown)
        .map(|(_, id)| *id)
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The message under a field, in the user's language.
#[component]
fn FieldMessage(id: String, error: Signal<Option<Text>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p id=id class="field-error" hidden=move || error.get().is_none()>
            {move || error.get().map(|text| i18n.t(&text))}
        </p>
    }
}

/// A labelled input.
#[component]
pub fn TextField(
    /// Element id, also the base of the error's id.
    id: &'static str,
    label: Text,
    /// The input type: `email`, `text`.
    #[prop(default = "text")]
    kind: &'static str,
    /// The `autocomplete` hint that lets password managers and one-time codes fill the field.
    autocomplete: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<Text>>,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field">
            <label for=id>{i18n.tr(label)}</label>
            <input
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                bind:value=value
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=move || described_by([(error.get().is_some(), &described), (false, "")])
            />
            <FieldMessage id=error_id error/>
        </div>
    }
}

/// A labelled password input with a show/hide toggle. Given a `policy` (a new password), it
/// lists the rules the typed password does not meet yet, all at once, updated on every key.
#[component]
pub fn PasswordField(
    id: &'static str,
    label: Text,
    /// `current-password` or `new-password`.
    autocomplete: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<Text>>,
    #[prop(optional)] policy: Option<PasswordPolicy>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shown = RwSignal::new(false);
    let unmet = Memo::new(move |_| {
        policy
            .map(|policy| value.with(|password| policy.unmet(password)))
            .unwrap_or_default()
    });
    let error_id = format!("{id}-error");
    let rules_id = format!("{id}-rules");
    let (described_error, described_rules) = (error_id.clone(), rules_id.clone());
    let rules = policy.map(|_| {
        view! {
            <ul
                id=rules_id
                class="rules"
                aria-label=i18n.tr(Text::PasswordRequirements)
                hidden=move || unmet.with(Vec::is_empty)
            >
                {move || {
                    unmet
                        .get()
                        .into_iter()
                        .map(|rule| view! { <li>{i18n.t(&Text::Rule(rule))}</li> })
                        .collect_view()
                }}
            </ul>
        }
    });
    view! {
        <div class="field">
            <label for=id>{i18n.tr(label)}</label>
            <div class="password">
                <input
                    id=id
                    name=id
                    type=move || if shown.get() { "text" } else { "password" }
                    autocomplete=autocomplete
                    bind:value=value
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby=move || {
                        described_by([
                            (error.get().is_some(), &described_error),
                            (!unmet.with(Vec::is_empty), &described_rules),
                        ])
                    }
                />
                <button
                    type="button"
                    class="reveal"
                    aria-controls=id
                    aria-pressed=move || if shown.get() { "true" } else { "false" }
                    on:click=move |_| shown.update(|shown| *shown = !*shown)
                >
                    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                        <path
                            d="M2 12c2.5-4.6 6-7 10-7s7.5 2.4 10 7c-2.5 4.6-6 7-10 7s-7.5-2.4-10-7z"
                            fill="none"
                            stroke="currentColor"
                            stroke-width="2"
                        />
                        <circle cx="12" cy="12" r="3" fill="currentColor"/>
                        <path
                            d="M4 4l16 16"
                            stroke="currentColor"
                            stroke-width="2"
                            opacity=move || if shown.get() { "1" } else { "0" }
                        />
                    </svg>
                    <span class="visually-hidden">{i18n.tr(Text::ShowPassword)}</span>
                </button>
            </div>
            <FieldMessage id=error_id error/>
            {rules}
        </div>
    }
}

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

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::components::LanguageSwitcher;
    use crate::i18n::I18n;
    use crate::test_dom::{find, mount};
    use leptos::task::tick;
    use leptos_cognito_core::validation::FieldError;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;
    use web_sys::{Element, HtmlElement};

    #[wasm_bindgen_test]
    async fn text_field_links_its_label_and_error() {
        let error = RwSignal::new(None::<Text>);
        let container = mount(move || {
            view! {
                <TextField id="t-email" label=Text::Email kind="email" autocomplete="username"
                    value=RwSignal::new(String::new()) error=error/>
            }
        });
        let input = find(&container, "input");
        assert_eq!(
            find(&container, "label").get_attribute("for").as_deref(),
            Some("t-email")
        );
        assert_eq!(input.id(), "t-email");
        assert_eq!(input.get_attribute("aria-invalid"), None);

        error.set(Some(Text::Field(FieldError::EmailMissing)));
        tick().await;
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
        let described_by = input.get_attribute("aria-describedby").unwrap();
        let message = document().get_element_by_id(&described_by).unwrap();
        assert_eq!(
            message.text_content().as_deref(),
            Some("Enter your email address.")
        );

        error.set(None);
        tick().await;
        assert_eq!(input.get_attribute("aria-invalid"), None);
        assert_eq!(input.get_attribute("aria-describedby"), None);
    }

    /// The texts of the list items in the container's list.
    fn list_items(container: &Element) -> Vec<String> {
        let mut items = Vec::new();
        let mut item = find(container, "ul").first_element_child();
        while let Some(li) = item {
            items.extend(li.text_content());
            item = li.next_element_sibling();
        }
        items
    }

    #[wasm_bindgen_test]
    async fn password_field_lists_every_unmet_rule_as_it_is_typed() {
        let value = RwSignal::new(String::new());
        let error = RwSignal::new(None::<Text>);
        let container = mount(move || {
            view! {
                <PasswordField id="t-new" label=Text::NewPassword autocomplete="new-password"
                    value=value error=error policy=PasswordPolicy::default()/>
            }
        });
        let input = find(&container, "input");
        value.set("inv".into());
        tick().await;
        assert_eq!(
            list_items(&container),
            [
                "Password must have at least 8 characters",
                "Password must have upper case letters",
                "Password must have numbers",
                "Password must have special characters",
            ]
        );
        let rules_id = find(&container, "ul").id();
        assert_eq!(
            input.get_attribute("aria-describedby").as_deref(),
            Some(rules_id.as_str())
        );
        assert_eq!(input.get_attribute("aria-invalid"), None);

        error.set(Some(Text::Field(FieldError::PasswordTooWeak)));
        tick().await;
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
        assert_eq!(
            input.get_attribute("aria-describedby"),
            Some(format!("t-new-error {rules_id}"))
        );

        value.set("Correct-Horse-9".into());
        error.set(None);
        tick().await;
        assert!(list_items(&container).is_empty());
        assert!(find(&container, "ul").has_attribute("hidden"));
        assert_eq!(input.get_attribute("aria-describedby"), None);
    }

    #[wasm_bindgen_test]
    async fn password_field_can_be_revealed_and_hidden() {
        let container = mount(move || {
            view! {
                <PasswordField id="t-current" label=Text::Password autocomplete="current-password"
                    value=RwSignal::new(String::new()) error=RwSignal::new(None::<Text>)/>
            }
        });
        let input = find(&container, "input");
        let toggle = find(&container, "button").unchecked_into::<HtmlElement>();
        assert_eq!(input.get_attribute("type").as_deref(), Some("password"));
        assert_eq!(
            toggle.get_attribute("aria-pressed").as_deref(),
            Some("false")
        );
        assert_eq!(toggle.text_content().as_deref(), Some("Show password"));
        assert!(container.query_selector("ul").unwrap().is_none());
        toggle.click();
        tick().await;
        assert_eq!(input.get_attribute("type").as_deref(), Some("text"));
        assert_eq!(
            toggle.get_attribute("aria-pressed").as_deref(),
            Some("true")
        );
        toggle.click();
        tick().await;
        assert_eq!(input.get_attribute("type").as_deref(), Some("password"));
    }

    #[wasm_bindgen_test]
    async fn switching_language_rewords_the_page_and_is_remembered() {
        let storage = window().local_storage().unwrap().unwrap();
        storage.remove_item("leptos-cognito.lang").unwrap();
        let container = mount(move || {
            I18n::provide();
            view! {
                <LanguageSwitcher/>
                <TextField id="t-lang" label=Text::Email kind="email" autocomplete="username"
                    value=RwSignal::new(String::new()) error=RwSignal::new(None::<Text>)/>
            }
        });
        let japanese = find(&container, "button[lang=ja]").unchecked_into::<HtmlElement>();
        japanese.click();
        tick().await;
        assert_eq!(
            find(&container, "label").text_content().as_deref(),
            Some("メールアドレス")
        );
        assert_eq!(
            japanese.get_attribute("aria-pressed").as_deref(),
            Some("true")
        );
        let root = document().document_element().unwrap();
        assert_eq!(root.get_attribute("lang").as_deref(), Some("ja"));
        assert_eq!(
            storage.get_item("leptos-cognito.lang").unwrap().as_deref(),
            Some("ja")
        );

        find(&container, "button[lang=en]")
            .unchecked_into::<HtmlElement>()
            .click();
        tick().await;
        assert_eq!(
            find(&container, "label").text_content().as_deref(),
            Some("Email")
        );
        assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
        storage.remove_item("leptos-cognito.lang").unwrap();
    }
}

//! The attributes the site asks for besides the email (`signUpAttributes`), as labelled inputs
//! with their checks: sign-up and the profile page use the same fields.

use super::focus;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_cognito_core::api::AttributeType;
use leptos_cognito_core::attributes::{
    check_value, value_of, AttributeName, InputKind, SignUpAttribute, ValueProblem,
};
use leptos_cognito_core::i18n::{AccountText, Text};

/// The site's `signUpAttributes`, provided by the [`AuthProvider`](crate::AuthProvider).
#[derive(Debug, Clone, Default)]
pub struct SiteAttributes(pub Vec<SignUpAttribute>);

/// One attribute's input: what is typed and whether its error shows yet.
#[derive(Clone)]
struct Input {
    attribute: SignUpAttribute,
    id: String,
    value: RwSignal<String>,
    shown: RwSignal<bool>,
}

impl Input {
    fn verdict(&self) -> Result<String, ValueProblem> {
        check_value(&self.attribute, &self.value.get())
    }
}

/// The site's attribute inputs of one form. Cheap to copy.
#[derive(Clone, Copy)]
pub struct AttributeInputs {
    inputs: StoredValue<Vec<Input>>,
}

impl AttributeInputs {
    /// An input for each of the site's attributes, empty.
    pub fn new() -> Self {
        let site = use_context::<SiteAttributes>().unwrap_or_default();
        let inputs = site
            .0
            .into_iter()
            .map(|attribute| Input {
                id: format!(
                    "attribute-{}",
                    attribute.name.cognito_name().replace(':', "-")
                ),
                attribute,
                value: RwSignal::new(String::new()),
                shown: RwSignal::new(false),
            })
            .collect();
        Self {
            inputs: StoredValue::new(inputs),
        }
    }

    /// Puts the user's current values into the inputs.
    pub fn fill(&self, current: &[AttributeType]) {
        self.inputs.with_value(|inputs| {
            for input in inputs {
                let name = input.attribute.name.cognito_name();
                input
                    .value
                    .set(value_of(current, &name).unwrap_or_default());
            }
        });
    }

    /// Every value to send (the non-empty ones; with `blanks`, the emptied ones too, which
    /// Cognito deletes), once all are right; otherwise their errors show and the first wrong
    /// input takes focus.
    pub fn checked(&self, blanks: bool) -> Option<Vec<AttributeType>> {
        self.inputs.with_value(|inputs| {
            inputs.iter().for_each(|input| input.shown.set(true));
            let mut values = Vec::with_capacity(inputs.len());
            for input in inputs {
                match untrack(|| input.verdict()) {
                    Ok(value) if value.is_empty() && !blanks => {}
                    Ok(value) => {
                        untrack(|| input.value.set(value.clone()));
                        values.push(AttributeType {
                            name: input.attribute.name.cognito_name(),
                            value,
                        });
                    }
                    Err(_) => {
                        focus(&input.id);
                        return None;
                    }
                }
            }
            Some(values)
        })
    }

    fn all(&self) -> Vec<Input> {
        self.inputs.get_value()
    }
}

/// The inputs of [`AttributeInputs`], in the site's order.
#[component]
pub fn AttributeFields(inputs: AttributeInputs) -> impl IntoView {
    inputs
        .all()
        .into_iter()
        .map(|input| view! { <AttributeField input/> })
        .collect_view()
}

#[component]
fn AttributeField(input: Input) -> impl IntoView {
    let i18n = use_i18n();
    let label = {
        let attribute = input.attribute.clone();
        move || match (&attribute.label, &attribute.name) {
            (Some(label), _) => label.in_lang(i18n.lang()).to_owned(),
            (None, AttributeName::Standard(standard)) => {
                i18n.t(&Text::Account(AccountText::Attribute(*standard)))
            }
            (None, AttributeName::Custom(name)) => name.clone(),
        }
    };
    let required = input.attribute.required;
    let error = {
        let input = input.clone();
        Signal::derive(move || {
            if input.shown.get() {
                input.verdict().err()
            } else {
                None
            }
        })
    };
    let error_id = format!("{}-error", input.id);
    let described = error_id.clone();
    let kind = input.attribute.input;
    view! {
        <div class="field">
            <label for=input.id.clone()>
                {label}
                {(!required).then(|| view! { " " <span class="optional">{i18n.tr(Text::Account(AccountText::Optional))}</span> })}
            </label>
            <input
                id=input.id.clone()
                name=input.attribute.name.cognito_name()
                type=kind.html_type()
                autocomplete=InputKind::autocomplete(&input.attribute.name)
                inputmode=(kind == InputKind::Tel).then_some("tel")
                maxlength=input.attribute.max_length.to_string()
                required=required
                bind:value=input.value
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=move || error.get().map(|_| described.clone())
            />
            <p id=error_id class="field-error" hidden=move || error.get().is_none()>
                {move || error.get().map(|problem| i18n.t(&Text::Account(AccountText::Value(problem))))}
            </p>
        </div>
    }
}

//! The sign-in identifier field: labelled and typed after what the pool signs in with
//! (`signIn` in `config.json`), with a country selector where it takes phone numbers, and the
//! pool's words for what went wrong.

use super::Field;
use super::TextField;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_cognito_core::i18n::{pool_problem, IdentifierText, Lang, Text};
use leptos_cognito_core::identifier::{Country, IdKind, SignInIdentifiers, COUNTRIES};
use leptos_cognito_core::problem::Problem;

/// The pool's sign-in identifiers, provided by the app.
pub fn use_identifiers() -> SignInIdentifiers {
    use_context::<SignInIdentifiers>().unwrap_or_default()
}

/// The country national phone numbers are read in: the site's default, else Japan for a page
/// in Japanese and the United States otherwise, until the user picks another.
pub fn country_signal() -> RwSignal<Country> {
    let default = use_identifiers().default_country.unwrap_or_else(|| {
        let iso = match untrack(|| use_i18n().lang()) {
            Lang::Ja => "JP",
            Lang::En => "US",
        };
        Country::from_iso(iso).unwrap_or(COUNTRIES[0])
    });
    RwSignal::new(default)
}

/// A problem, in the words of this pool's identifiers.
pub fn pool_words(problem: Problem) -> Text {
    pool_problem(problem, &use_identifiers())
}

/// The country selector for national phone numbers (`select#{id}`).
#[component]
pub fn CountrySelect(id: &'static str, country: RwSignal<Country>) -> impl IntoView {
    let i18n = use_i18n();
    let options = COUNTRIES
        .into_iter()
        .map(|c| {
            let name = IdentifierText::CountryName {
                iso: c.iso,
                code: c.calling_code,
            };
            view! {
                <option value=c.iso selected=move || country.get().iso == c.iso>{i18n.tr(name.into())}</option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id>{i18n.tr(IdentifierText::Country.into())}</label>
            <select
                id=id
                name=id
                autocomplete="tel-country-code"
                on:change=move |ev| {
                    if let Some(picked) = Country::from_iso(&event_target_value(&ev)) {
                        country.set(picked);
                    }
                }
            >
                {options}
            </select>
        </div>
    }
}

/// The field a user signs in with (input `email`, whatever the pool takes, so a pre-painted
/// form's text carries over): labelled "Username or email", "Phone number", …, with the
/// keyboard that fits, and the country selector where phone numbers are taken.
#[component]
pub fn IdentifierField(
    value: RwSignal<String>,
    country: RwSignal<Country>,
    field: Field<String>,
    /// `username`, or `username webauthn` where a passkey may be offered.
    #[prop(default = "username")]
    autocomplete: &'static str,
) -> impl IntoView {
    let pool = use_identifiers();
    let (kind, inputmode) = pool.input_kind();
    let label = Text::from(IdentifierText::Label(pool.label()));
    let phone = pool
        .accepts(IdKind::Phone)
        .then(|| view! { <CountrySelect id="country" country/> });
    let input = match inputmode {
        Some(mode) => view! {
            <TextField id="email" label kind autocomplete inputmode=mode value error=field.error()/>
        }
        .into_any(),
        None => view! {
            <TextField id="email" label kind autocomplete value error=field.error()/>
        }
        .into_any(),
    };
    view! { {phone} {input} }
}

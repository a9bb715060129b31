//! The signed-in user's profile: their attributes from `GetUser`, edited and saved with
//! `UpdateUserAttributes`; a new email or phone number waits for its code (the old one stays in
//! use until then where the pool says so); an unverified email gets a code on request; deleting
//! the account.

use super::attribute_code::{code_ids, AttributeCodeForm};
use super::delete_account::{AccountDeleted, DeleteAccount};
use super::verify_email::VERIFY_QUERY;
use crate::components::{
    use_identifiers, ActionButton, AttributeFields, AttributeInputs, ErrorAlert, Form, PageHeading,
    SignedInOnly, StatusNote, SubmitButton, TextField,
};
use crate::i18n::use_i18n;
use crate::page_address::use_page_address;
use crate::routes::AuthRoute;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_cognito_core::api::AttributeType;
use leptos_cognito_core::attributes::{codes_after_update, value_of, SentCode, Verifiable};
use leptos_cognito_core::i18n::{AccountText, Text};
use leptos_cognito_core::problem::Problem;
use leptos_router::components::A;

/// [`AuthRoute::Profile`]; once the account is deleted, the page that says so.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let deleted = RwSignal::new(false);
    move || {
        if deleted.get() {
            view! { <AccountDeleted/> }.into_any()
        } else {
            view! {
                <SignedInOnly>
                    <Profile deleted/>
                </SignedInOnly>
            }
            .into_any()
        }
    }
}

/// Adds `codes` to what waits, each replacing an earlier code for its attribute.
fn wait_for(waiting: RwSignal<Vec<SentCode>>, codes: Vec<SentCode>) {
    waiting.update(|list| {
        for code in codes {
            list.retain(|w| w.attribute != code.attribute);
            list.push(code);
        }
    });
}

/// What the page last heard from Cognito, for its status line.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Done {
    Saved,
    Verified(Verifiable),
}

/// The attributes among `values` that differ from `loaded` (an emptied one included, which
/// Cognito then deletes).
fn changes(loaded: &[AttributeType], values: Vec<AttributeType>) -> Vec<AttributeType> {
    values
        .into_iter()
        .filter(|a| value_of(loaded, &a.name).unwrap_or_default() != a.value)
        .collect()
}

#[component]
fn Profile(deleted: RwSignal<bool>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let inputs = AttributeInputs::new();
    let email = RwSignal::new(String::new());
    let loaded = RwSignal::new(None::<Vec<AttributeType>>);
    let waiting = RwSignal::new(Vec::<SentCode>::new());
    let done = RwSignal::new(None::<Done>);
    let show = move |attributes: Vec<AttributeType>| {
        email.set(value_of(&attributes, "email").unwrap_or_default());
        inputs.fill(&attributes);
        loaded.set(Some(attributes));
    };
    let load = Action::new_local(move |_: &()| async move {
        show(session.user_attributes().await?);
        Ok::<_, Problem>(())
    });
    load.dispatch(());
    let current_email = Signal::derive(move || {
        loaded
            .get()
            .and_then(|a| value_of(&a, "email"))
            .unwrap_or_default()
    });
    // Whether the user's email is verified; None while loading and for users without one.
    let verified = Signal::derive(move || {
        loaded
            .get()
            .and_then(|a| value_of(&a, "email").map(|_| Verifiable::Email.verified_in(&a)))
    });

    let save = Action::new_local(move |changed: &Vec<AttributeType>| {
        let changed = changed.clone();
        async move {
            let sent = session.update_attributes(changed.clone()).await?;
            done.set(Some(Done::Saved));
            // Read back, to tell a value in use but unverified from one the pool keeps waiting.
            let now = session.user_attributes().await?;
            wait_for(waiting, codes_after_update(sent, &changed, &now));
            show(now);
            Ok::<_, Problem>(())
        }
    });
    let pool = use_identifiers();
    let has_email = Signal::derive(move || !current_email.get().is_empty());
    // Users without an address (phone or username pools, federated users) see the field only
    // where the pool would take one.
    let pool_takes_email = pool.sign_up_fields().email;
    let shows_email = Signal::derive(move || has_email.get() || pool_takes_email);
    let form = Form::default();
    let email_field = form.profile_email(email, has_email, pool.clone());
    let pending = save.pending();
    let on_submit = form.on_submit(pending, move || {
        let Some(typed_email) = email_field.value() else {
            return;
        };
        let typed_email = typed_email.unwrap_or_default();
        let Some(values) = inputs.checked(true) else {
            return;
        };
        let Some(before) = loaded.get_untracked() else {
            return;
        };
        let mut changed = changes(&before, values);
        if typed_email != current_email.get_untracked() {
            changed.push(AttributeType {
                name: "email".into(),
                value: typed_email,
            });
        }
        done.set(None);
        if changed.is_empty() {
            done.set(Some(Done::Saved));
        } else {
            save.dispatch(changed);
        }
    });
    let failure = i18n.words(move || {
        let saved = (!pending.get())
            .then(|| save.value().get().and_then(Result::err))
            .flatten();
        saved
            .or_else(|| load.value().get().and_then(Result::err))
            .map(Text::Problem)
    });
    let status = i18n.words(move || {
        done.get().map(|done| {
            Text::Account(match done {
                Done::Saved => AccountText::Saved,
                Done::Verified(attribute) => AccountText::NowVerified(attribute),
            })
        })
    });
    let send_code = Action::new_local(move |_: &()| async move {
        let delivery = session.send_attribute_code(Verifiable::Email).await?;
        let code = SentCode {
            attribute: Verifiable::Email,
            pending: None,
            sent_to: delivery.and_then(|d| d.destination),
        };
        wait_for(waiting, vec![code]);
        Ok::<_, Problem>(())
    });
    // Reached from the session page's offer: the code goes out at once.
    if use_page_address()
        .with_untracked(|page| page.query_param("verify"))
        .as_deref()
        == VERIFY_QUERY.strip_prefix("verify=")
    {
        send_code.dispatch(());
    }
    let send_failure = i18n.words(move || {
        send_code
            .value()
            .get()
            .and_then(Result::err)
            .map(Text::Problem)
    });
    let on_verified = move |attribute: Verifiable| {
        Callback::new(move |()| {
            waiting.update(|list| list.retain(|w| w.attribute != attribute));
            done.set(Some(Done::Verified(attribute)));
            load.dispatch(());
        })
    };
    let email_waits =
        move || waiting.with(|list| list.iter().any(|w| w.attribute == Verifiable::Email));

    view! {
        <PageHeading text=Text::Account(AccountText::ProfileTitle)/>
        <p>{i18n.tr(Text::Account(AccountText::ProfileIntro))}</p>
        <StatusNote message=status/>
        <form on:submit=on_submit novalidate>
            <Show when=move || shows_email.get()>
                <TextField id="email" label=Text::Email kind="email" autocomplete="email" value=email error=email_field.error()/>
                <p class="hint" data-testid="email-status">
                    {move || verified.get().map(|v| i18n.t(&Text::Account(AccountText::EmailVerified(v))))}
                </p>
            </Show>
            <AttributeFields inputs/>
            <ErrorAlert message=failure/>
            <SubmitButton label=Text::Account(AccountText::Save) pending=pending/>
        </form>
        <For each=move || waiting.get() key=|w| w.clone() let:w>
            <section class="offer" aria-labelledby=code_ids(w.attribute).heading>
                <h2 id=code_ids(w.attribute).heading>{i18n.tr(Text::Account(AccountText::VerifyTitle(w.attribute)))}</h2>
                <p>{w.pending.map(|new| i18n.tr(Text::Account(AccountText::ChangePending(w.attribute, new))))}</p>
                <AttributeCodeForm attribute=w.attribute sent_to=Signal::stored(w.sent_to) on_verified=on_verified(w.attribute)/>
            </section>
        </For>
        {move || (!email_waits() && verified.get() == Some(false)).then(|| view! {
                <section class="offer" aria-labelledby=code_ids(Verifiable::Email).heading>
                    <h2 id=code_ids(Verifiable::Email).heading>{i18n.tr(Text::Account(AccountText::VerifyTitle(Verifiable::Email)))}</h2>
                    <p>{i18n.tr(Text::Account(AccountText::VerifyEmailBody))}</p>
                    <ErrorAlert message=send_failure/>
                    <div class="actions">
                        <ActionButton
                            label=Text::Account(AccountText::SendCode)
                            pending=send_code.pending()
                            disabled=send_code.pending()
                            on_click=move || {
                                send_code.dispatch(());
                            }
                        />
                    </div>
                </section>
            })}
        <DeleteAccount deleted/>
        <p class="switch"><A href=AuthRoute::Session.path()>{i18n.tr(Text::BackToAccount)}</A></p>
    }
}

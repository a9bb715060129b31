//! The English catalogue.

use super::Text;
use crate::password_policy::PasswordRule;
use crate::problem::Problem;
use crate::validation::{FieldError, CODE_DIGITS, PASSWORD_MAX_CHARS, USERNAME_MAX_CHARS};
use std::borrow::Cow;

pub(super) fn render(text: &Text) -> Cow<'static, str> {
    let fixed = match text {
        Text::Loading => "Loading…",
        Text::RestoringSession => "Restoring your session…",
        Text::LanguageLabel => "Language",
        Text::PageNotFound => "Page not found",
        Text::ConfigErrorTitle => "This sign-in page isn't set up yet",
        Text::ConfigErrorHelp => {
            "The site owner needs to put a valid config.json beside index.html with the fields \
             region, userPoolId and clientId (and optionally endpoint and passwordPolicy)."
        }
        Text::Email => "Email",
        Text::Password => "Password",
        Text::CurrentPassword => "Current password",
        Text::NewPassword => "New password",
        Text::ConfirmPassword => "Confirm password",
        Text::ConfirmationCode => "Confirmation code",
        Text::Code => "Code",
        Text::ShowPassword => "Show password",
        Text::PasswordRequirements => "Password requirements",
        Text::SignIn => "Sign in",
        Text::ForgotPasswordLink => "Forgot your password?",
        Text::NoAccountYet => "No account yet?",
        Text::CreateAnAccount => "Create an account",
        Text::CreateAccountButton => "Create account",
        Text::HaveAnAccount => "Already have an account?",
        Text::BackToSignIn => "Back to sign in",
        Text::ConfirmTitle => "Confirm your account",
        Text::ConfirmButton => "Confirm",
        Text::ResendCode => "Resend code",
        Text::CodeSent { to, again } => return code_sent(to.as_deref(), *again),
        Text::AccountConfirmed => "Your account is confirmed. Sign in to continue.",
        Text::AccountReady => "Your account is ready. Sign in to continue.",
        Text::ForgotPasswordTitle => "Reset your password",
        Text::ForgotPasswordIntro => {
            "Enter the email address of your account and we'll send you a code to reset your password."
        }
        Text::SendCode => "Send code",
        Text::ResetPasswordTitle => "Choose a new password",
        Text::ResetPasswordButton => "Reset password",
        Text::PasswordResetDone => "Your password has been reset. Sign in with your new password.",
        Text::NewPasswordTitle => "Set your password",
        Text::NewPasswordIntro => {
            "You signed in with a temporary password from an administrator. Choose your own password to continue."
        }
        Text::ChangePasswordButton => "Change password",
        Text::SignedInTitle => "You're signed in",
        Text::SignedInAs => "Signed in as",
        Text::SessionExpires => "Session expires",
        Text::SignOut => "Sign out",
        Text::SignOutEverywhere => "Sign out of all devices",
        Text::SignedOutEverywhere => "You're signed out on all your devices.",
        Text::SessionEnded => "Your session has ended. Please sign in again.",
        Text::ChangePasswordTitle => "Change password",
        Text::PasswordChanged => "Your password has been changed.",
        Text::BackToAccount => "Back to your account",
        Text::LastRefreshed => "Last refreshed",
        Text::NextRefresh => "Next refresh",
        Text::SessionVerifiedAt(time) => {
            return Cow::Owned(format!("Session verified by the server at {time}."))
        }
        Text::RefreshRetrying(why) => {
            return Cow::Owned(format!(
                "Couldn't refresh the session ({}) — retrying. You stay signed in.",
                self::problem(why)
            ))
        }
        Text::RestoreRetrying(why) => {
            return Cow::Owned(format!(
                "Couldn't restore your session ({}) — retrying as soon as the connection is back.",
                self::problem(why)
            ))
        }
        Text::OtherDevicesMayBeSignedIn(why) => {
            return Cow::Owned(format!(
                "You're signed out on this device, but your other devices may still be signed in: signing them out failed ({}).",
                self::problem(why)
            ))
        }
        Text::NotRevoked(why) => {
            return Cow::Owned(format!(
                "You're signed out on this device, but the server couldn't be told ({}), so this device's session stays valid until it expires.",
                self::problem(why)
            ))
        }
        Text::RetrySignOut => "Try again",
        Text::PageUnavailable => "Page unavailable",
        Text::PageLoadFailed => {
            "This page couldn't be loaded. Check your connection and try again."
        }
        Text::RetryPageLoad => "Try again",
        Text::SignInToSignOutOthers => {
            "To sign out your other devices, sign in again and choose “Sign out of all devices”."
        }
        Text::SignedOut => "You're signed out.",
        Text::NotPersisted => {
            "This session won't survive a reload: the browser isn't letting this page store anything."
        }
        Text::CheckSession => "Check session",
        Text::Returning => "Taking you back…",
        Text::ReturnRefused(target) => return Cow::Owned(format!("The return address “{target}” isn't one this page may send you to, so you stay here.")),
        Text::Greeting(email) => return Cow::Owned(format!("Hello, {email}")),
        Text::UserId => "User ID",
        Text::Field(error) => return field(*error),
        Text::Rule(rule) => return rule_text(*rule),
        Text::Mfa(text) => return text.render(super::Lang::En),
        Text::Passwordless(text) => return text.render(super::Lang::En),
        Text::Identifier(text) => return text.render(super::Lang::En),
        Text::Device(text) => return text.render(super::Lang::En),
        Text::Account(text) => return text.render(super::Lang::En),
        Text::Problem(problem) => return self::problem(problem),
    };
    Cow::Borrowed(fixed)
}

fn code_sent(to: Option<&str>, again: bool) -> Cow<'static, str> {
    let first = if again {
        "A new code is on its way. "
    } else {
        ""
    };
    Cow::Owned(match to {
        Some(to) => format!("{first}We sent a code to {to}. Enter it below."),
        None => format!("{first}Enter the code from the email we sent you."),
    })
}

fn field(error: FieldError) -> Cow<'static, str> {
    Cow::Borrowed(match error {
        FieldError::Identifier(error) => {
            return super::IdentifierText::Field(error).render(super::Lang::En)
        }
        FieldError::EmailMissing => "Enter your email address.",
        FieldError::EmailInvalid => "Enter a valid email address, like name@example.com.",
        FieldError::EmailTooLong => {
            return Cow::Owned(format!(
                "Email addresses can have at most {USERNAME_MAX_CHARS} characters."
            ))
        }
        FieldError::PasswordMissing => "Enter your password.",
        FieldError::PasswordTooLong => {
            return Cow::Owned(format!(
                "Passwords can have at most {PASSWORD_MAX_CHARS} characters."
            ))
        }
        FieldError::PasswordsDiffer => "Your passwords must match.",
        FieldError::PasswordTooWeak => "This password doesn't meet the requirements yet.",
        FieldError::CodeMissing => "Enter the code from the message.",
        FieldError::CodeMalformed => {
            return Cow::Owned(format!(
                "The code is {CODE_DIGITS} digits. Enter it as it appears in the message."
            ))
        }
        FieldError::AppCodeMissing => "Enter the code your authenticator app shows.",
        FieldError::AppCodeMalformed => {
            return Cow::Owned(format!(
                "The code is the {CODE_DIGITS} digits your authenticator app shows now."
            ))
        }
    })
}

fn rule_text(rule: PasswordRule) -> Cow<'static, str> {
    Cow::Borrowed(match rule {
        PasswordRule::MinimumLength(n) => {
            return Cow::Owned(format!("Password must have at least {n} characters"))
        }
        PasswordRule::Lowercase => "Password must have lower case letters",
        PasswordRule::Uppercase => "Password must have upper case letters",
        PasswordRule::Numbers => "Password must have numbers",
        PasswordRule::Symbols => "Password must have special characters",
        PasswordRule::NoSpaceAtEnds => "Password must not start or end with a space",
    })
}

fn problem(problem: &Problem) -> Cow<'static, str> {
    let fixed = match problem {
        Problem::IncorrectCredentials => "Incorrect email or password.",
        Problem::SessionExpired => "Your session has expired. Please sign in again.",
        Problem::ChallengeExpired => "This sign-in step has expired. Please sign in again.",
        Problem::UserDisabled => "This account is disabled. Contact the site's administrator.",
        Problem::TooManyFailedAttempts => "Too many failed attempts. Wait a while, then try again.",
        Problem::AlreadyConfirmed => "This account is already confirmed. You can sign in.",
        Problem::ResetNotAllowed => {
            "The password of this account can't be reset right now. Contact the site's administrator."
        }
        Problem::SignUpNotAllowed => {
            "New accounts can't be created here. Contact the site's administrator."
        }
        Problem::TemporaryPasswordExpired => {
            "Your temporary password has expired. Ask the site's administrator for a new one."
        }
        Problem::NotAllowed => "That isn't allowed. Please sign in again and retry.",
        Problem::UserNotFound => "No account was found for this email address.",
        Problem::UserNotConfirmed => "This account isn't confirmed yet.",
        Problem::UsernameExists => "An account with this email address already exists.",
        Problem::AliasExists => "This email address is already used by another account.",
        Problem::PasswordTooShort => "This password isn't allowed. It is not long enough.",
        Problem::PasswordLacks(rule) => {
            return Cow::Owned(format!("This password isn't allowed. {}.", rule_text(*rule)))
        }
        Problem::PasswordNotAllowed => "This password isn't allowed. Choose a different one.",
        Problem::PasswordRecentlyUsed => {
            "You have used this password recently. Choose a different one."
        }
        Problem::InvalidInput(detail) if detail.is_empty() => "Please check what you entered.",
        Problem::InvalidInput(detail) => {
            return Cow::Owned(format!("Please check what you entered. {detail}"))
        }
        Problem::NoVerifiedContact => {
            "This account has no verified email address to send a code to. Contact the site's administrator."
        }
        Problem::CodeMismatch => "That code isn't right. Check it and try again.",
        Problem::ExpiredCode => "That code has expired. Ask for a new one.",
        Problem::LimitExceeded => "Too many attempts. Wait a while, then try again.",
        Problem::TooManyRequests => "Too many requests right now. Try again in a moment.",
        Problem::ServiceMisconfigured => {
            "The sign-in service isn't set up for this page (user pool or app client not found)."
        }
        Problem::CodeDeliveryFailed => "We couldn't send the code. Try again later.",
        Problem::MessagingMisconfigured => {
            "The sign-in service can't send messages because of a setup problem. Contact the site's administrator."
        }
        Problem::PoolMisconfigured => {
            "The sign-in service has a setup problem. Contact the site's administrator."
        }
        Problem::PasswordResetRequired => {
            "You need to reset your password first. Use \u{201c}Forgot your password?\u{201d} to get a code."
        }
        Problem::Internal => "The sign-in service had a problem. Try again later.",
        Problem::Forbidden => "The request was blocked by the site's protection. Try again later.",
        Problem::CustomCheckFailed(words) if words.is_empty() => {
            "This request was refused by the site's own checks."
        }
        Problem::CustomCheckFailed(words) => {
            return Cow::Owned(format!("This request was refused: {words}"))
        }
        Problem::CustomCheckBroken => {
            "The site's own checks failed to answer. Try again later."
        }
        Problem::MfaUnsupported => {
            "This account needs a second sign-in step that this page doesn't support."
        }
        Problem::UnsupportedChallenge(name) => {
            return Cow::Owned(format!(
                "This account needs a step this page doesn't support yet ({name})."
            ))
        }
        Problem::OperationUnsupported => "The sign-in service doesn't support this here.",
        Problem::TokenNotRevocable => "This kind of token can't be revoked.",
        Problem::ClientNotAuthorized => "This page isn't allowed to do that.",
        Problem::Unknown(code) => {
            return Cow::Owned(format!("Something went wrong ({code}). Please try again."))
        }
        Problem::Network => "Can't reach the sign-in service. Check your connection and try again.",
        Problem::Passkey(problem) => return super::passkey::problem(problem, super::Lang::En),
        Problem::Attribute(refusal) => {
            return super::AccountText::Refusal(refusal.clone()).render(super::Lang::En)
        }
        Problem::NoSecureRandom => {
            "This browser can't make the secure random numbers that signing in needs. Try another browser."
        }
        Problem::UnexpectedReply(status) => {
            return Cow::Owned(format!(
                "The sign-in service sent an unexpected reply (HTTP {status}). Please try again."
            ))
        }
    };
    Cow::Borrowed(fixed)
}

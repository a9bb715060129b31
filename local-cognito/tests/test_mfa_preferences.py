"""A signed-in user's MFA settings: SetUserMFAPreference and its checks, what GetUser and
AdminGetUser say, and the administrator's AdminSetUserMFAPreference."""

from __future__ import annotations

from conftest import Client
from mfa_support import add_authenticator, prefer, set_mfa

PHONE = "+15555550199"


def signed_in(client: Client, prefix: str) -> tuple[str, str]:
    """(email, access token) of a user signed in with MFA OFF."""
    set_mfa(client, "OFF")
    email, tokens = client.confirmed_user(prefix)
    return email, tokens["AccessToken"]


def mfa_settings(client: Client, access_token: str) -> dict:
    user = client.call("GetUser", AccessToken=access_token).body
    return {key: user[key] for key in ("UserMFASettingList", "PreferredMfaSetting", "MFAOptions") if key in user}


def test_get_user_says_nothing_about_mfa_until_there_is_some(mfa: Client) -> None:
    _, token = signed_in(mfa, "quiet")
    user = mfa.call("GetUser", AccessToken=token).body
    assert set(user) == {"Username", "UserAttributes"}


def test_turning_on_an_authenticator_needs_a_verified_one(mfa: Client) -> None:
    _, token = signed_in(mfa, "unverified")
    set_mfa(mfa, "OPTIONAL", "SOFTWARE_TOKEN_MFA")
    assert prefer(mfa, token, "SOFTWARE_TOKEN_MFA").error == (
        "InvalidParameterException",
        "User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA",
    )
    add_authenticator(mfa, token)
    assert mfa_settings(mfa, token) == {}  # verified, not on yet
    assert prefer(mfa, token, "SOFTWARE_TOKEN_MFA", preferred="SOFTWARE_TOKEN_MFA").status == 200
    assert mfa_settings(mfa, token) == {"UserMFASettingList": ["SOFTWARE_TOKEN_MFA"], "PreferredMfaSetting": "SOFTWARE_TOKEN_MFA"}


def test_sms_needs_the_pools_sms_and_a_phone_number(mfa: Client) -> None:
    email, token = signed_in(mfa, "smspref")
    set_mfa(mfa, "OPTIONAL", "SOFTWARE_TOKEN_MFA")
    assert prefer(mfa, token, "SMS_MFA").error == ("InvalidParameterException", "SMS_MFA is not enabled for the user pool.")
    set_mfa(mfa, "OPTIONAL", "SOFTWARE_TOKEN_MFA", "SMS_MFA")
    assert prefer(mfa, token, "SMS_MFA").error == (
        "InvalidParameterException",
        "User does not have delivery config set to turn on SMS_MFA",
    )
    mfa.call(
        "AdminUpdateUserAttributes", UserPoolId=mfa.pool_id, Username=email, UserAttributes=[{"Name": "phone_number", "Value": PHONE}]
    )
    assert prefer(mfa, token, "SMS_MFA", preferred="SMS_MFA").status == 200
    assert mfa_settings(mfa, token) == {
        "UserMFASettingList": ["SMS_MFA"],
        "PreferredMfaSetting": "SMS_MFA",
        "MFAOptions": [{"DeliveryMedium": "SMS", "AttributeName": "phone_number"}],
    }


def test_email_needs_the_pools_email_mfa(mfa: Client) -> None:
    _, token = signed_in(mfa, "emailpref")
    set_mfa(mfa, "OPTIONAL", "SOFTWARE_TOKEN_MFA")
    assert prefer(mfa, token, "EMAIL_OTP").error == ("InvalidParameterException", "EMAIL_OTP is not enabled for the user pool.")
    set_mfa(mfa, "OPTIONAL", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA")
    assert prefer(mfa, token, "EMAIL_OTP").status == 200
    assert mfa_settings(mfa, token) == {"UserMFASettingList": ["EMAIL_OTP"]}


def test_one_preferred_method_and_only_an_enabled_one(mfa: Client) -> None:
    _, token = signed_in(mfa, "preferred")
    set_mfa(mfa, "OPTIONAL", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP")
    add_authenticator(mfa, token)
    two = mfa.call(
        "SetUserMFAPreference",
        AccessToken=token,
        SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True},
        EmailMfaSettings={"Enabled": True, "PreferredMfa": True},
    )
    assert two.error == ("InvalidParameterException", "Only one MFA method can be set as preferred.")
    off = mfa.call("SetUserMFAPreference", AccessToken=token, EmailMfaSettings={"Enabled": False, "PreferredMfa": True})
    assert off.error == ("InvalidParameterException", "The preferred MFA method must be enabled for the user.")
    assert mfa_settings(mfa, token) == {}  # refused requests changed nothing
    prefer(mfa, token, "SOFTWARE_TOKEN_MFA", "EMAIL_OTP", preferred="EMAIL_OTP")
    # turning the preferred one off leaves no preference
    mfa.call("SetUserMFAPreference", AccessToken=token, EmailMfaSettings={"Enabled": False})
    assert mfa_settings(mfa, token) == {"UserMFASettingList": ["SOFTWARE_TOKEN_MFA"]}


def test_required_mfa_cant_be_turned_off(mfa: Client) -> None:
    _, token = signed_in(mfa, "required")
    set_mfa(mfa, "ON", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP")
    prefer(mfa, token, "EMAIL_OTP", preferred="EMAIL_OTP")
    refused = mfa.call("SetUserMFAPreference", AccessToken=token, EmailMfaSettings={"Enabled": False, "PreferredMfa": False})
    assert refused.error == (
        "InvalidParameterException",
        "MFA is required for the user pool: the user can't turn off EMAIL_OTP.",
    )
    # the preferred type can still change
    add_authenticator(mfa, token)
    assert prefer(mfa, token, "SOFTWARE_TOKEN_MFA", preferred="SOFTWARE_TOKEN_MFA").status == 200
    assert mfa_settings(mfa, token) == {
        "UserMFASettingList": ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"],
        "PreferredMfaSetting": "SOFTWARE_TOKEN_MFA",
    }
    set_mfa(mfa, "OPTIONAL", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP")
    assert mfa.call("SetUserMFAPreference", AccessToken=token, EmailMfaSettings={"Enabled": False}).status == 200


def test_admin_preference_and_admin_get_user_agree(mfa: Client) -> None:
    email, token = signed_in(mfa, "adminpref")
    set_mfa(mfa, "OPTIONAL", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA")
    reply = mfa.call(
        "AdminSetUserMFAPreference",
        UserPoolId=mfa.pool_id,
        Username=email,
        EmailMfaSettings={"Enabled": True, "PreferredMfa": True},
    )
    assert reply.status == 200, reply.body
    user = mfa.call("AdminGetUser", UserPoolId=mfa.pool_id, Username=email).body
    assert (user["UserMFASettingList"], user["PreferredMfaSetting"]) == (["EMAIL_OTP"], "EMAIL_OTP")
    assert "MFAOptions" not in user
    assert mfa_settings(mfa, token) == {"UserMFASettingList": ["EMAIL_OTP"], "PreferredMfaSetting": "EMAIL_OTP"}
    missing = mfa.call("AdminSetUserMFAPreference", UserPoolId=mfa.pool_id, Username="nobody@example.com", EmailMfaSettings={"Enabled": True})
    assert missing.error == ("UserNotFoundException", "User does not exist.")


def test_email_mfa_disqualifies_password_reset_by_email(mfa: Client) -> None:
    email, token = signed_in(mfa, "recovery")
    set_mfa(mfa, "OPTIONAL", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA")
    assert mfa.call("ForgotPassword", ClientId=mfa.client_id, Username=email).status == 200
    prefer(mfa, token, "EMAIL_OTP")
    assert mfa.call("ForgotPassword", ClientId=mfa.client_id, Username=email).error == (
        "InvalidParameterException",
        "Cannot reset password for the user as there is no registered/verified email or phone_number",
    )

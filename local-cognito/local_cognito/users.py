"""What Cognito tells about a user: where a code went, and why a password is refused."""

from __future__ import annotations

import re

from moto.cognitoidp.models import CognitoIdpUserPool

# The special characters Cognito's password policy counts as symbols.
SYMBOLS = set("^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ")


def mask_email(email: str) -> str:
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain[:1]}***"


def mask_phone(phone: str) -> str:
    """+15555550123 -> +*******0123: all but the last four digits hidden, as Cognito shows them."""
    return f"+{'*' * max(len(phone) - 5, 0)}{phone[-4:]}"


def password_problem(pool: CognitoIdpUserPool, password: str) -> str | None:
    """First rule of the pool's policy the password breaks, in Cognito's words."""
    policy = pool.extended_config.get("Policies", {}).get("PasswordPolicy", {})

    def required(key: str) -> bool:
        return str(policy.get(key, True)).lower() == "true"

    if len(password) < int(policy.get("MinimumLength", 8)):
        return "Password not long enough"
    if required("RequireLowercase") and not re.search(r"[a-z]", password):
        return "Password must have lowercase characters"
    if required("RequireUppercase") and not re.search(r"[A-Z]", password):
        return "Password must have uppercase characters"
    if required("RequireNumbers") and not re.search(r"[0-9]", password):
        return "Password must have numeric characters"
    if required("RequireSymbols") and not any(c in SYMBOLS for c in password):
        return "Password must have symbol characters"
    return None

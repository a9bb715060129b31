"""User attributes as Cognito keeps them and moto doesn't: the pool's schema (required,
custom and immutable attributes, what the app client may write) checked at sign-up and on
updates; email and phone changes that wait for a code (AttributesRequireVerificationBeforeUpdate);
VerifyUserAttribute, GetUserAttributeVerificationCode and DeleteUser.

Sources: API reference UpdateUserAttributes ("Your user can sign in and receive messages with
the original attribute value until they verify the new value"; a blank value deletes the
attribute), UserAttributeUpdateSettingsType, VerifyUserAttribute, DeleteUser; the messages are
Cognito's as reported by its SDKs' users (amplify-js #2167, amplify-swift #3981)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from moto.cognitoidp.models import CognitoIdpBackend, CognitoIdpUser, CognitoIdpUserPool, CognitoIdpUserPoolAttribute
from werkzeug.wrappers import Request

from .codes import Codes
from .errors import CognitoError
from .identifiers import EMAIL_FORMAT, VERIFIED_FLAG, delivery

# Set by Cognito alone: a user never writes them.
SYSTEM_ATTRIBUTES = frozenset({"sub", "email_verified", "phone_number_verified", "identities"})
MSG_UNAUTHORIZED_WRITE = "A client attempted to write unauthorized attribute"
MSG_NO_USER = "User does not exist."
E164 = re.compile(r"\+[0-9]{1,15}")


def schema_problems(problems: list[str]) -> CognitoError:
    """Cognito lists every attribute that breaks the schema, one per line."""
    lines = "".join(f"{p}\n" for p in problems)
    return CognitoError("InvalidParameterException", f"Attributes did not conform to the schema: {lines}")


@dataclass
class Pending:
    """Values waiting for their code, per (pool id, internal username): attribute -> new value."""

    values: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)

    def of(self, pool: CognitoIdpUserPool, user: CognitoIdpUser) -> dict[str, str]:
        return self.values.setdefault((pool.id, user.username), {})


class Attributes:
    def __init__(self, backend: CognitoIdpBackend, codes: Codes) -> None:
        self.backend = backend
        self.codes = codes
        self.pending = Pending()
        # Access tokens of deleted users: Cognito says the user no longer exists.
        self.deleted_tokens: set[str] = set()
        self.handlers = {
            "UpdateUserAttributes": self.update_user_attributes,
            "VerifyUserAttribute": self.verify_user_attribute,
            "GetUserAttributeVerificationCode": self.get_user_attribute_verification_code,
            "DeleteUser": self.delete_user,
        }

    # --- the schema ---

    @staticmethod
    def schema_of(pool: CognitoIdpUserPool, name: str) -> CognitoIdpUserPoolAttribute | None:
        """Every standard attribute exists in every pool; the template's Schema changes some and
        adds the custom ones. moto keeps only what the template lists."""
        if name in pool.schema_attributes:
            return pool.schema_attributes[name]
        standard = CognitoIdpUserPoolAttribute.STANDARD_SCHEMA.get(name)
        return CognitoIdpUserPoolAttribute(name, False, standard) if standard else None

    @staticmethod
    def check_writable(pool: CognitoIdpUserPool, client_id: str, names: list[str]) -> None:
        writable = pool.clients[client_id].extended_config.get("WriteAttributes")
        if writable is None:  # a client created without the list may write every attribute
            return
        if any(n not in writable for n in names):
            raise CognitoError("NotAuthorizedException", MSG_UNAUTHORIZED_WRITE)

    def check_values(self, pool: CognitoIdpUserPool, attributes: list[dict[str, Any]]) -> None:
        """Unknown attributes and values outside their constraints, as SignUp and
        UpdateUserAttributes refuse them."""
        problems = []
        for attribute in attributes:
            name, value = str(attribute.get("Name", "")), str(attribute.get("Value", ""))
            schema = self.schema_of(pool, name)
            if schema is None:
                problems.append(f"{name}: Attribute does not exist in the schema.")
                continue
            limits = schema.string_constraints or {}
            if value and "MaxLength" in limits and len(value) > int(limits["MaxLength"]):
                problems.append(f"{name}: String must be no longer than {limits['MaxLength']} characters")
            elif value and "MinLength" in limits and len(value) < int(limits["MinLength"]):
                problems.append(f"{name}: String must be no shorter than {limits['MinLength']} characters")
        if problems:
            raise schema_problems(problems)
        given = {str(a.get("Name")): str(a.get("Value", "")) for a in attributes}
        if given.get("phone_number") and not E164.fullmatch(given["phone_number"]):
            raise CognitoError("InvalidParameterException", "Invalid phone number format.")
        if given.get("email") and not EMAIL_FORMAT.fullmatch(given["email"]):
            raise CognitoError("InvalidParameterException", "Invalid email address format.")

    def check_sign_up(self, pool: CognitoIdpUserPool, client_id: str, body: dict[str, Any]) -> None:
        """SignUp: the client may write what it sends, the values fit the schema and every
        required attribute has a value (the username stands in for email with email as
        username)."""
        attributes = [a for a in body.get("UserAttributes") or [] if isinstance(a, dict)]
        self.check_values(pool, attributes)
        self.check_writable(pool, client_id, [str(a.get("Name")) for a in attributes])
        given = {str(a.get("Name")) for a in attributes if str(a.get("Value", ""))}
        given.update(pool.extended_config.get("UsernameAttributes") or [])
        missing = [
            name
            for name, schema in pool.schema_attributes.items()
            if schema.required and name not in given and name != "sub"
        ]
        if missing:
            raise schema_problems([f"{name}: The attribute is required" for name in missing])

    # --- the user's own calls ---

    def token_user(self, token: str) -> tuple[CognitoIdpUserPool, CognitoIdpUser, str]:
        """The pool, user and app client of a valid access token (checked before the action)."""
        if token in self.deleted_tokens:
            raise CognitoError("UserNotFoundException", MSG_NO_USER)
        for pool in self.backend.user_pools.values():
            if token in pool.access_tokens:
                client_id, username = pool.access_tokens[token]
                user = pool._get_user(username)
                if user is None:
                    raise CognitoError("UserNotFoundException", MSG_NO_USER)
                return pool, user, client_id
        raise CognitoError("NotAuthorizedException", "Invalid Access Token")

    @staticmethod
    def file_sessions_by_id(pool: CognitoIdpUserPool, user: CognitoIdpUser) -> None:
        """moto files a session under the name signed in with, which may be the email about to
        change; Cognito's tokens name the user by id, so they outlive the change."""
        for token, (client_id, name) in list(pool.access_tokens.items()):
            if name != user.username and pool._get_user(name) is user:
                pool.access_tokens[token] = (client_id, user.username)
        for token, entry in list(pool.refresh_tokens.items()):
            if entry is not None and entry[1] != user.username and pool._get_user(entry[1]) is user:
                pool.refresh_tokens[token] = (entry[0], user.username, *entry[2:])

    @staticmethod
    def sends_code(pool: CognitoIdpUserPool, name: str) -> bool:
        """A changed email or phone number gets a code only where the pool verifies that
        attribute automatically (UpdateUserAttributesResponse.CodeDeliveryDetailsList: "This
        behavior happens in user pools configured to automatically verify changes to those
        attributes"); elsewhere the new value is in use at once, unverified."""
        return name in (pool.extended_config.get("AutoVerifiedAttributes") or [])

    def needs_code_first(self, pool: CognitoIdpUserPool, name: str) -> bool:
        settings = pool.extended_config.get("UserAttributeUpdateSettings") or {}
        return name in (settings.get("AttributesRequireVerificationBeforeUpdate") or [])

    def check_unused(self, pool: CognitoIdpUserPool, user: CognitoIdpUser, name: str, value: str) -> None:
        """With email (or phone) as username, no two users share one."""
        if name not in (pool.extended_config.get("UsernameAttributes") or []):
            return
        other = pool._get_user(value)
        if other is not None and other is not user:
            raise CognitoError("AliasExistsException", f"An account with the given {name} already exists.")

    def update_user_attributes(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """All or nothing, as Cognito: every check comes before any code goes out or any
        value (pending or not) is kept."""
        pool, user, client_id = self.token_user(body["AccessToken"])
        given = [a for a in body["UserAttributes"] if isinstance(a, dict)]
        attributes = [(str(a.get("Name")), str(a.get("Value", ""))) for a in given]
        names = [name for name, _ in attributes]
        if any(n in SYSTEM_ATTRIBUTES for n in names):
            raise CognitoError("NotAuthorizedException", MSG_UNAUTHORIZED_WRITE)
        self.check_values(pool, given)
        self.check_writable(pool, client_id, names)
        for name in names:
            schema = self.schema_of(pool, name)
            if schema is not None and not schema.mutable:
                raise CognitoError("InvalidParameterException", f"user.{name}: Attribute cannot be updated.\n")
        deleted = [name for name, value in attributes if not value]
        if required := [n for n in deleted if (s := self.schema_of(pool, n)) is not None and s.required]:
            raise schema_problems([f"{name}: The attribute is required" for name in required])
        changed = [
            (name, value)
            for name, value in attributes
            if name in VERIFIED_FLAG and value and value != user.attribute_lookup.get(name)
        ]
        for name, value in changed:
            self.check_unused(pool, user, name, value)

        self.file_sessions_by_id(pool, user)
        now: list[dict[str, str]] = []
        deliveries = []
        pending = self.pending.of(pool, user)
        for name, value in attributes:
            if (name, value) in changed:
                if self.sends_code(pool, name):
                    self.codes.issue("attribute", value)
                    deliveries.append(delivery(name, value))
                    if self.needs_code_first(pool, name):
                        pending[name] = value  # the old value stays in use until the code comes back
                        continue
                pending.pop(name, None)
                now += [{"Name": name, "Value": value}, {"Name": VERIFIED_FLAG[name], "Value": "false"}]
            elif not value:
                pending.pop(name, None)
            else:
                now.append({"Name": name, "Value": value})
        user.update_attributes(now)
        present = [n for n in deleted if n in user.attribute_lookup]
        if present:
            user.delete_attributes(present)
        return {"CodeDeliveryDetailsList": deliveries}

    def verify_user_attribute(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool, user, _ = self.token_user(body["AccessToken"])
        name = body["AttributeName"]
        if name not in VERIFIED_FLAG:
            raise CognitoError("InvalidParameterException", f"Invalid attribute name: {name}")
        pending = self.pending.of(pool, user)
        value = pending.get(name) or user.attribute_lookup.get(name)
        if not value:
            raise CognitoError("InvalidParameterException", f"User does not have {name} attribute")
        self.codes.check("attribute", value, body["Code"])
        self.file_sessions_by_id(pool, user)
        if name in pending:
            self.check_unused(pool, user, name, value)
            del pending[name]
        user.update_attributes([{"Name": name, "Value": value}, {"Name": VERIFIED_FLAG[name], "Value": "true"}])
        return {}

    def get_user_attribute_verification_code(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool, user, _ = self.token_user(body["AccessToken"])
        name = body["AttributeName"]
        if name not in VERIFIED_FLAG:
            raise CognitoError("InvalidParameterException", f"Invalid attribute name: {name}")
        value = self.pending.of(pool, user).get(name) or user.attribute_lookup.get(name)
        if not value:
            raise CognitoError("InvalidParameterException", f"User does not have {name} attribute")
        self.codes.issue("attribute", value)
        return {"CodeDeliveryDetails": delivery(name, value)}

    def delete_user(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """The user is gone, and so are their sessions: refresh tokens stop working and access
        tokens name a user that doesn't exist."""
        pool, user, _ = self.token_user(body["AccessToken"])
        username = user.username
        for token, (_, name) in list(pool.access_tokens.items()):
            if pool._get_user(name) is user:
                self.deleted_tokens.add(token)
        pool.sign_out(username)
        self.backend.admin_delete_user(pool.id, username)
        self.pending.values.pop((pool.id, username), None)
        return {}

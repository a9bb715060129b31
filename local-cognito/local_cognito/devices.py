"""Remembered devices: the pool's DeviceConfiguration, the devices Cognito hands out at sign-in
(NewDeviceMetadata), and the device actions (ConfirmDevice, UpdateDeviceStatus, ListDevices,
GetDevice, ForgetDevice). Device sign-in (DEVICE_SRP_AUTH) is in device_srp.py."""

from __future__ import annotations

import base64
import secrets
import string
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

from moto.cognitoidp.models import CognitoIdpBackend, CognitoIdpUser, CognitoIdpUserPool
from werkzeug.wrappers import Request

from .errors import CognitoError
from .template import REGION

Handler = Callable[[Request, dict[str, Any]], dict[str, Any]]

MSG_NO_DEVICE = "Device does not exist."  # amplify-js retries sign-in without the key on it
# No AWS source quotes these.
MSG_CONFIRMED = "Device has already been confirmed."
MSG_NO_VERIFIER = "DeviceSecretVerifierConfig is required to confirm a device."
MSG_TRACKING_OFF = "Device tracking is not enabled for this user pool."
MSG_BAD_PAGE = "Invalid pagination token."
DEFAULT_LIMIT = 60  # ListDevices' Limit is 0-60
GROUP_KEY_CHARS = string.ascii_letters + string.digits


def tracking(pool: CognitoIdpUserPool) -> dict[str, Any] | None:
    """The pool's DeviceConfiguration; None when devices are not tracked ("A null value
    indicates that you have deactivated device remembering")."""
    config = pool.extended_config.get("DeviceConfiguration")
    return config if isinstance(config, dict) and config else None


def tracking_mode(pool: CognitoIdpUserPool) -> str:
    """config.json's deviceTracking: OFF, ALWAYS or USER_OPT_IN."""
    config = tracking(pool)
    if config is None:
        return "OFF"
    return "USER_OPT_IN" if flag(config, "DeviceOnlyRememberedOnUserPrompt") else "ALWAYS"


def flag(config: dict[str, Any], name: str) -> bool:
    return str(config.get(name, False)).lower() == "true"


@dataclass
class Device:
    key: str
    group_key: str
    username: str
    created: float
    modified: float
    last_authenticated: float
    name: str | None = None
    verifier: int | None = None  # set by ConfirmDevice
    salt: int | None = None
    remembered: bool = False
    origin_jtis: set[str] = field(default_factory=set)  # the sign-ins whose refresh tokens it holds

    @property
    def confirmed(self) -> bool:
        return self.verifier is not None

    def to_json(self) -> dict[str, Any]:
        attributes = [{"Name": "device_status", "Value": "valid"}]
        if self.name:
            attributes.append({"Name": "device_name", "Value": self.name})
        status = "remembered" if self.remembered else "not_remembered"
        attributes.append({"Name": "dev:device_remembered_status", "Value": status})
        attributes.append({"Name": "last_ip_used", "Value": "127.0.0.1"})
        return {
            "DeviceKey": self.key,
            "DeviceAttributes": attributes,
            "DeviceCreateDate": self.created,
            "DeviceLastModifiedDate": self.modified,
            "DeviceLastAuthenticatedDate": self.last_authenticated,
        }


class DeviceStore:
    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], Device] = {}  # (pool id, device key)
        self.by_origin: dict[str, Device] = {}  # refresh token family -> its device

    def issue(self, pool_id: str, username: str) -> Device:
        now = time.time()
        key = f"{REGION}_{uuid.uuid4()}"
        group_key = "-" + "".join(secrets.choice(GROUP_KEY_CHARS) for _ in range(9))
        device = Device(key, group_key, username, now, now, now)
        self.by_key[(pool_id, key)] = device
        return device

    def of_user(self, pool_id: str, username: str, key: Any) -> Device | None:
        device = self.by_key.get((pool_id, key)) if isinstance(key, str) else None
        return device if device is not None and device.username == username else None

    def forget(self, pool_id: str, device: Device) -> None:
        self.by_key.pop((pool_id, device.key), None)

    def signed_in(self, pool: CognitoIdpUserPool, username: str, result: dict[str, Any], key: str | None) -> dict[str, Any]:
        """Tokens of a finished sign-in: with a new device unless the sign-in named one of the
        user's devices; the refresh token is tied to the device either way."""
        tokens = result.get("AuthenticationResult")
        if not tokens or tracking(pool) is None:
            return result
        device = self.of_user(pool.id, username, key)
        if device is None:
            device = self.issue(pool.id, username)
            tokens["NewDeviceMetadata"] = {"DeviceKey": device.key, "DeviceGroupKey": device.group_key}
        entry = pool.refresh_tokens.get(tokens.get("RefreshToken", ""))
        if entry:
            device.origin_jtis.add(entry[2])
            self.by_origin[entry[2]] = device
        return result

    def check_refresh(self, pool: CognitoIdpUserPool, token: Any, key: Any) -> None:
        """GetTokensFromRefreshToken's DeviceKey: "You must provide the confirmed device key in
        this request if device remembering is enabled". A forgotten device's tokens stop."""
        entry = pool.refresh_tokens.get(token) if isinstance(token, str) else None
        device = self.by_origin.get(entry[2]) if entry else None
        if device is None:
            return
        if self.by_key.get((pool.id, device.key)) is not device:
            raise CognitoError("NotAuthorizedException", "Refresh Token has been revoked")
        if key != device.key and (key or device.confirmed):
            raise CognitoError("NotAuthorizedException", "Invalid Refresh Token.")


class DeviceActions:
    def __init__(self, backend: CognitoIdpBackend, store: DeviceStore, token_user: Callable[[str], tuple[CognitoIdpUserPool, CognitoIdpUser]]) -> None:
        self.backend = backend
        self.store = store
        self.token_user = token_user
        self.handlers: dict[str, Handler] = {
            "ConfirmDevice": self.confirm_device,
            "UpdateDeviceStatus": self.update_device_status,
            "ListDevices": self.list_devices,
            "GetDevice": self.get_device,
            "ForgetDevice": self.forget_device,
        }

    def device(self, body: dict[str, Any]) -> tuple[CognitoIdpUserPool, Device]:
        """The signed-in user's device the request names."""
        if not body.get("AccessToken"):
            raise CognitoError("InvalidParameterException", "Missing required parameter AccessToken")
        pool, user = self.token_user(body["AccessToken"])
        if tracking(pool) is None:
            raise CognitoError("InvalidUserPoolConfigurationException", MSG_TRACKING_OFF)
        device = self.store.of_user(pool.id, user.username, body.get("DeviceKey"))
        if device is None:
            raise CognitoError("ResourceNotFoundException", MSG_NO_DEVICE)
        return pool, device

    def confirm_device(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool, device = self.device(body)
        if device.confirmed:
            raise CognitoError("DeviceKeyExistsException", MSG_CONFIRMED)
        config = body.get("DeviceSecretVerifierConfig") or {}
        try:
            verifier = int.from_bytes(base64.b64decode(config["PasswordVerifier"], validate=True), "big")
            salt = int.from_bytes(base64.b64decode(config["Salt"], validate=True), "big")
        except (KeyError, TypeError, ValueError):
            raise CognitoError("InvalidParameterException", MSG_NO_VERIFIER) from None
        if verifier == 0:
            raise CognitoError("InvalidParameterException", MSG_NO_VERIFIER)
        prompt = flag(tracking(pool) or {}, "DeviceOnlyRememberedOnUserPrompt")
        device.verifier, device.salt, device.name = verifier, salt, body.get("DeviceName") or None
        # ALWAYS remembers every confirmed device; USER_OPT_IN waits for UpdateDeviceStatus.
        device.remembered = not prompt
        device.modified = time.time()
        return {"UserConfirmationNecessary": prompt}

    def update_device_status(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        _, device = self.device(body)
        status = body.get("DeviceRememberedStatus")
        if status is not None:
            device.remembered = status == "remembered"
            device.modified = time.time()
        return {}

    def get_device(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        return {"Device": self.device(body)[1].to_json()}

    def forget_device(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool, device = self.device(body)
        self.store.forget(pool.id, device)
        return {}

    def list_devices(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """The user's confirmed devices, oldest first, Limit at a time."""
        pool, user = self.token_user(body["AccessToken"])
        if tracking(pool) is None:
            raise CognitoError("InvalidUserPoolConfigurationException", MSG_TRACKING_OFF)
        devices = sorted(
            (d for (pid, _), d in self.store.by_key.items() if pid == pool.id and d.username == user.username and d.confirmed),
            key=lambda d: (d.created, d.key),
        )
        start = 0
        if body.get("PaginationToken"):
            keys = [d.key for d in devices]
            if body["PaginationToken"] not in keys:
                raise CognitoError("InvalidParameterException", MSG_BAD_PAGE)
            start = keys.index(body["PaginationToken"])
        limit = body.get("Limit") or DEFAULT_LIMIT
        page = devices[start : start + limit]
        result: dict[str, Any] = {"Devices": [d.to_json() for d in page]}
        if start + limit < len(devices):
            result["PaginationToken"] = devices[start + limit].key
        return result

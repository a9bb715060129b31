"""Reads the CloudFormation template in deploy/ and creates its user pools and app clients in
moto, so the local pool and the deployed one share one definition."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from moto.cognitoidp.models import CognitoIdpBackend
from moto.core import DEFAULT_ACCOUNT_ID

from .errors import CognitoError
from .oauth_providers import check_identity_provider
from .sign_in_policy import check_sign_in_policy

REGION = "ap-northeast-1"


class CfnLoader(yaml.SafeLoader):
    """SafeLoader that turns short-form intrinsics (!Ref, !Sub, ...) into the
    long form ({"Ref": ...}, {"Fn::Sub": ...}) instead of failing on them."""


def _construct_intrinsic(loader: CfnLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    if suffix in ("Ref", "Condition"):
        return {suffix: value}
    if suffix == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {f"Fn::{suffix}": value}


CfnLoader.add_multi_constructor("!", _construct_intrinsic)


def load_template(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=CfnLoader)  # noqa: S506 - CfnLoader is a SafeLoader


NO_VALUE = object()  # AWS::NoValue: the property is left out


def resolve(value: Any, refs: dict[str, Any], attrs: dict[str, str], conditions: dict[str, bool] | None = None) -> Any:
    """Evaluate the intrinsics a Cognito template needs: Ref, Sub, Join, GetAtt, and the
    condition functions (If, Equals, Not) behind optional properties such as a PreSignUp trigger."""
    conditions = conditions or {}

    def again(inner: Any) -> Any:
        return resolve(inner, refs, attrs, conditions)

    if isinstance(value, list):
        items = [again(v) for v in value]
        return [v for v in items if v is not NO_VALUE]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        key, arg = next(iter(value.items()))
        if key == "Ref":
            return NO_VALUE if arg == "AWS::NoValue" else refs[arg]
        if key == "Condition":
            return conditions[arg]
        if key == "Fn::If":
            name, if_true, if_false = arg
            return again(if_true if conditions[name] else if_false)
        if key == "Fn::Equals":
            left, right = (again(v) for v in arg)
            return str(left) == str(right)
        if key == "Fn::Not":
            return not again(arg[0])
        if key == "Fn::And":
            return all(again(v) for v in arg)
        if key == "Fn::Or":
            return any(again(v) for v in arg)
        if key == "Fn::GetAtt":
            return attrs[".".join(arg)]
        if key == "Fn::Join":  # of a list, or of a function that returns one (a list parameter)
            return arg[0].join(str(v) for v in again(arg[1]))
        if key == "Fn::Sub":
            text, extra = (arg, {}) if isinstance(arg, str) else (arg[0], again(arg[1]))
            scope = {**refs, **attrs, **extra}
            return re.sub(r"\$\{([^}!]+)\}", lambda m: str(scope[m.group(1)]), text)
        if key.startswith("Fn::"):
            raise ValueError(f"unsupported intrinsic {key} in template")
    resolved = {k: again(v) for k, v in value.items()}
    return {k: v for k, v in resolved.items() if v is not NO_VALUE}


def parameter_values(template: dict[str, Any], overrides: dict[str, str]) -> dict[str, Any]:
    """The template's parameters with overrides applied and checked the way CloudFormation
    checks them (AllowedValues, AllowedPattern, lengths, number ranges); Number parameters
    become numbers so integer properties get integers."""
    declared: dict[str, Any] = template.get("Parameters") or {}
    unknown = sorted(set(overrides) - set(declared))
    if unknown:
        raise ValueError(f"Parameters: [{', '.join(unknown)}] do not exist in the template")
    missing = sorted(name for name, p in declared.items() if name not in overrides and "Default" not in p)
    if missing:
        raise ValueError(f"Parameters: [{', '.join(missing)}] must have values")
    values: dict[str, Any] = {}
    for name, param in declared.items():
        text = overrides[name] if name in overrides else str(param["Default"])
        allowed = param.get("AllowedValues")
        if allowed is not None and text not in [str(a) for a in allowed]:
            raise ValueError(f"Parameter '{name}' must be one of AllowedValues")
        if param.get("Type") == "Number":
            values[name] = _number(name, text, param)
        elif param.get("Type") == "CommaDelimitedList":
            # CloudFormation trims the spaces around each member.
            values[name] = [item.strip() for item in text.split(",")]
        else:
            _check_string(name, text, param)
            values[name] = text
    return values


def _number(name: str, text: str, param: dict[str, Any]) -> int | float:
    try:
        number: int | float = int(text)
    except ValueError:
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"Parameter '{name}' must be a number") from None
    if "MinValue" in param and number < float(param["MinValue"]):
        raise ValueError(f"Parameter '{name}' must be a number not less than {param['MinValue']}")
    if "MaxValue" in param and number > float(param["MaxValue"]):
        raise ValueError(f"Parameter '{name}' must be a number not greater than {param['MaxValue']}")
    return number


def _check_string(name: str, text: str, param: dict[str, Any]) -> None:
    pattern = param.get("AllowedPattern")
    if pattern is not None and re.fullmatch(pattern, text) is None:
        raise ValueError(f"Parameter '{name}' must match pattern {pattern}")
    if "MinLength" in param and len(text) < int(param["MinLength"]):
        raise ValueError(f"Parameter '{name}' must contain at least {param['MinLength']} characters")
    if "MaxLength" in param and len(text) > int(param["MaxLength"]):
        raise ValueError(f"Parameter '{name}' must contain at most {param['MaxLength']} characters")


def condition_values(template: dict[str, Any], refs: dict[str, Any]) -> dict[str, bool]:
    """Every condition of the template, in order (a condition may use the ones before it)."""
    conditions: dict[str, bool] = {}
    for name, expression in (template.get("Conditions") or {}).items():
        conditions[name] = bool(resolve(expression, refs, {}, conditions))
    return conditions


def check_rules(template: dict[str, Any], refs: dict[str, Any]) -> None:
    """The template's Rules, as CloudFormation checks them before creating anything: a rule
    whose RuleCondition holds fails with its AssertDescription when an Assert is false."""

    def value(expression: Any) -> Any:
        if isinstance(expression, dict) and len(expression) == 1:
            key, arg = next(iter(expression.items()))
            if key == "Fn::Contains":
                return str(value(arg[1])) in [str(v) for v in value(arg[0])]
            if key == "Fn::EachMemberIn":
                allowed = [str(v) for v in value(arg[1])]
                return all(str(v) in allowed for v in value(arg[0]))
            if key == "Fn::EachMemberEquals":
                return all(str(v) == str(value(arg[1])) for v in value(arg[0]))
            if key in ("Fn::And", "Fn::Or", "Fn::Not", "Fn::Equals"):
                args = [value(v) for v in arg]
                return resolve({key: args}, refs, {})
        return resolve(expression, refs, {})

    for name, rule in (template.get("Rules") or {}).items():
        if "RuleCondition" in rule and not value(rule["RuleCondition"]):
            continue
        for assertion in rule.get("Assertions") or []:
            if not value(assertion["Assert"]):
                raise ValueError(f"{name}: {assertion.get('AssertDescription', 'rule failed')}")


def rotates_refresh_tokens(client_config: dict[str, Any]) -> bool:
    rotation = client_config.get("RefreshTokenRotation") or {}
    return rotation.get("Feature") == "ENABLED"


# The pool's passkey properties: CloudFormation has them as flat properties, the API only in
# SetUserPoolMfaConfig's WebAuthnConfiguration, so the layer (sign_in_policy.py) holds them.
WEBAUTHN_PROPERTIES = ("WebAuthnRelyingPartyID", "WebAuthnUserVerification", "WebAuthnFactorConfiguration")


class Created(NamedTuple):
    """The first pool and client (the ones the frontend uses), and every pool's MFA and passkey
    settings."""

    pool_id: str
    client_id: str
    # pool id -> (MfaConfiguration, EnabledMfas). They never reach moto, whose own MFA logic
    # would then run; the MFA layer (mfa_config.py) applies them.
    mfa: dict[str, tuple[str, list[str]]]
    # pool id -> its WEBAUTHN_PROPERTIES that the template sets
    webauthn: dict[str, dict[str, str]]


def create_domains_and_providers(
    backend: CognitoIdpBackend,
    resources: dict[str, Any],
    refs: dict[str, Any],
    attrs: dict[str, str],
    conditions: dict[str, bool],
) -> None:
    """Pool domains and identity providers, which app clients name (CallbackURLs go through the
    domain; SupportedIdentityProviders must exist first). A provider's Ref is its name."""
    for name, res in resources.items():
        kind = res["Type"]
        if kind not in ("AWS::Cognito::UserPoolDomain", "AWS::Cognito::UserPoolIdentityProvider"):
            continue
        props = resolve(res.get("Properties") or {}, refs, attrs, conditions)
        pool_id = props.pop("UserPoolId")
        if kind == "AWS::Cognito::UserPoolDomain":
            backend.create_user_pool_domain(pool_id, props["Domain"])
            refs[name] = props["Domain"]
            continue
        provider_name = props.pop("ProviderName")
        try:  # Cognito's checks of the provider (oauth_providers.py)
            check_identity_provider(provider_name, props)
        except CognitoError as e:
            raise ValueError(f"{name}: {e.message}") from None
        backend.create_identity_provider(pool_id, provider_name, props)
        refs[name] = provider_name


def create_from_template(
    backend: CognitoIdpBackend, template: dict[str, Any], overrides: dict[str, str] | None = None
) -> Created:
    """Create every user pool, then every client, through moto's backend API."""
    refs: dict[str, Any] = {
        "AWS::Region": REGION,
        "AWS::AccountId": DEFAULT_ACCOUNT_ID,
        "AWS::Partition": "aws",
        "AWS::StackName": "local",
        "AWS::URLSuffix": "amazonaws.com",
        **parameter_values(template, overrides or {}),
    }
    check_rules(template, refs)
    attrs: dict[str, str] = {}
    conditions = condition_values(template, refs)
    # A resource whose Condition is false does not exist; Lambda triggers are never run locally
    # (the auto-confirm setting stands in for the PreSignUp one), so LambdaConfig is dropped.
    resources = {
        name: res
        for name, res in template["Resources"].items()
        if conditions.get(res.get("Condition", ""), True)
    }
    pools: list[str] = []
    clients: list[str] = []
    mfa: dict[str, tuple[str, list[str]]] = {}
    webauthn: dict[str, dict[str, str]] = {}
    for name, res in resources.items():
        if res["Type"] != "AWS::Cognito::UserPool":
            continue
        props = resolve(res.get("Properties") or {}, refs, attrs, conditions)
        props.pop("LambdaConfig", None)
        username_config = props.get("UsernameConfiguration") or {}
        if isinstance(username_config.get("CaseSensitive"), str):
            # CloudFormation turns a parameter's "true"/"false" into the Boolean property.
            username_config["CaseSensitive"] = username_config["CaseSensitive"].lower() == "true"
        mfa_settings = (str(props.pop("MfaConfiguration", "OFF")), list(props.pop("EnabledMfas", [])))
        passkey_settings = {key: str(props.pop(key)) for key in WEBAUTHN_PROPERTIES if key in props}
        try:  # Cognito's own checks of the sign-in policy, which the template's Rules mirror
            check_sign_in_policy(props)
        except CognitoError as e:
            raise ValueError(f"{name}: {e.message}") from None
        pool = backend.create_user_pool(props.pop("UserPoolName", name), props)
        mfa[pool.id] = mfa_settings
        if passkey_settings:
            webauthn[pool.id] = passkey_settings
        refs[name] = pool.id
        attrs[f"{name}.Arn"] = pool.arn
        attrs[f"{name}.ProviderName"] = f"cognito-idp.{REGION}.amazonaws.com/{pool.id}"
        attrs[f"{name}.ProviderURL"] = f"https://cognito-idp.{REGION}.amazonaws.com/{pool.id}"
        pools.append(pool.id)
    create_domains_and_providers(backend, resources, refs, attrs, conditions)
    for name, res in resources.items():
        if res["Type"] != "AWS::Cognito::UserPoolClient":
            continue
        props = resolve(res.get("Properties") or {}, refs, attrs, conditions)
        # Cognito's developer guide ("Refresh tokens"): rotation is incompatible with
        # REFRESH_TOKEN_AUTH, which must be disabled in a rotating app client.
        if rotates_refresh_tokens(props) and "ALLOW_REFRESH_TOKEN_AUTH" in props.get("ExplicitAuthFlows", []):
            raise ValueError(f"{name}: refresh token rotation needs ALLOW_REFRESH_TOKEN_AUTH left out of ExplicitAuthFlows")
        pool_id = props.pop("UserPoolId")
        secret = str(props.pop("GenerateSecret", False)).lower() == "true"
        # moto keeps properties it does not know (RefreshTokenRotation) in the client's config.
        client = backend.create_user_pool_client(pool_id, secret, props)
        refs[name] = client.id
        clients.append(client.id)
    if not pools or not clients:
        raise ValueError("template needs an AWS::Cognito::UserPool and an AWS::Cognito::UserPoolClient")
    return Created(pools[0], clients[0], mfa, webauthn)

"""Checks a request against botocore's model of the Cognito API before any handler sees it,
and fails the way Cognito's front end does:

- a JSON value of the wrong kind is a SerializationException ("Start of structure or map found
  where not expected." is what Cognito answers for an object where a string belongs);
- broken constraints are one InvalidParameterException listing every violation, e.g.
  "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must
  have length less than or equal to 128". Member paths are lowerCamelCase, list items are
  'name.N.member' (from 1), values of members marked sensitive are not echoed, and a missing
  required member is "Value null at 'clientId' ... Member must not be null".

Patterns are searched, not anchored: that is Smithy's @pattern rule, and Cognito accepts
passwords with inner spaces although PasswordType's pattern is "[\\S]+" (it used to be the
explicitly anchored "^[\\S]+.*[\\S]+$"). \\p{L} and the like are Unicode classes; \\w and \\s
are Unicode here too where Java's are ASCII, which matters only for a value made of nothing
but non-ASCII letters or spaces."""

from __future__ import annotations

import functools
from typing import Any

import regex
from botocore.model import ListShape, MapShape, ServiceModel, Shape, StructureShape

from .errors import CognitoError


def check_request(model: ServiceModel, action: str, body: dict[str, Any]) -> None:
    problems: list[str] = []
    _structure(model.operation_model(action).input_shape, body, "", False, problems)
    if problems:
        count = f"{len(problems)} validation error{'s' if len(problems) > 1 else ''} detected"
        raise CognitoError("InvalidParameterException", f"{count}: {'; '.join(problems)}")


@functools.lru_cache(maxsize=None)
def _pattern(source: str) -> regex.Pattern[str]:
    return regex.compile(source)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "BOOLEAN_VALUE"
    if isinstance(value, (int, float)):
        return "NUMBER_VALUE"
    return "STRING_VALUE"


def _wrong_type(value: Any, expected: str) -> CognitoError:
    if isinstance(value, dict):
        message = "Start of structure or map found where not expected."
    elif isinstance(value, list):
        message = "Start of list found where not expected."
    else:
        message = f"{_kind(value)} cannot be converted to {expected}"
    return CognitoError("SerializationException", message)


def _java_text(value: Any) -> str:
    """How the service prints a value it echoes: Java's toString of the parsed JSON."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}={_java_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_java_text(v) for v in value) + "]"
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _violation(path: str, value: Any, sensitive: bool, rule: str) -> str:
    shown = "Value" if sensitive else f"Value '{_java_text(value)}'"
    return f"{shown} at '{path}' failed to satisfy constraint: {rule}"


def _member_path(parent: str, member: str) -> str:
    name = member[:1].lower() + member[1:]
    return f"{parent}.{name}" if parent else name


def _is_sensitive(shape: Shape, inherited: bool) -> bool:
    return inherited or bool(shape.metadata.get("sensitive"))


def _structure(shape: StructureShape, value: Any, path: str, sensitive: bool, problems: list[str]) -> None:
    if not isinstance(value, dict):
        raise _wrong_type(value, "Structure")
    for name in shape.required_members:
        if value.get(name) is None:  # JSON null counts as absent
            problems.append(f"Value null at '{_member_path(path, name)}' failed to satisfy constraint: Member must not be null")
    for name, member in shape.members.items():
        if value.get(name) is not None:
            _value(member, value[name], _member_path(path, name), _is_sensitive(member, sensitive), problems)


def _value(shape: Shape, value: Any, path: str, sensitive: bool, problems: list[str]) -> None:
    kind = shape.type_name
    if kind == "structure":
        assert isinstance(shape, StructureShape)
        _structure(shape, value, path, sensitive, problems)
    elif kind == "list":
        assert isinstance(shape, ListShape)
        _list(shape, value, path, sensitive, problems)
    elif kind == "map":
        assert isinstance(shape, MapShape)
        _map(shape, value, path, sensitive, problems)
    else:
        for rule in _scalar_rules(shape, value):
            problems.append(_violation(path, value, sensitive, rule))


def _list(shape: ListShape, value: Any, path: str, sensitive: bool, problems: list[str]) -> None:
    if not isinstance(value, list):
        raise _wrong_type(value, "List")
    for rule in _length_rules(shape, len(value)):
        problems.append(_violation(path, value, sensitive, rule))
    member_sensitive = _is_sensitive(shape.member, sensitive)
    for index, item in enumerate(value, start=1):
        if item is not None:
            _value(shape.member, item, f"{path}.{index}.member", member_sensitive, problems)


def _map(shape: MapShape, value: Any, path: str, sensitive: bool, problems: list[str]) -> None:
    if not isinstance(value, dict):
        raise _wrong_type(value, "Map")
    for rule in _length_rules(shape, len(value)):
        problems.append(_violation(path, value, sensitive, rule))
    key_rules: list[str] = []
    value_rules: list[str] = []
    for key, item in value.items():
        key_rules += [r for r in _scalar_rules(shape.key, key) if r not in key_rules]
        if item is None:
            continue
        if shape.value.type_name in ("structure", "list", "map"):
            _value(shape.value, item, f"{path}.{key}", _is_sensitive(shape.value, sensitive), problems)
        else:
            value_rules += [r for r in _scalar_rules(shape.value, item) if r not in value_rules]
    if key_rules:
        problems.append(_violation(path, value, sensitive, f"Map key must satisfy constraint: [{', '.join(key_rules)}]"))
    if value_rules:
        problems.append(_violation(path, value, sensitive, f"Map value must satisfy constraint: [{', '.join(value_rules)}]"))


def _length_rules(shape: Shape, length: int) -> list[str]:
    rules = []
    if "min" in shape.metadata and length < shape.metadata["min"]:
        rules.append(f"Member must have length greater than or equal to {shape.metadata['min']}")
    if "max" in shape.metadata and length > shape.metadata["max"]:
        rules.append(f"Member must have length less than or equal to {shape.metadata['max']}")
    return rules


def _scalar_rules(shape: Shape, value: Any) -> list[str]:
    """The constraints a scalar breaks; a value of the wrong JSON kind raises instead."""
    kind = shape.type_name
    meta = shape.metadata
    if kind in ("string", "blob"):
        if not isinstance(value, str):
            raise _wrong_type(value, "String")
        rules = []
        if "enum" in meta and value not in meta["enum"]:
            rules.append(f"Member must satisfy enum value set: [{', '.join(meta['enum'])}]")
        rules += _length_rules(shape, len(value))
        if "pattern" in meta and _pattern(meta["pattern"]).search(value) is None:
            rules.append(f"Member must satisfy regular expression pattern: {meta['pattern']}")
        return rules
    if kind in ("integer", "long"):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
            raise _wrong_type(value, "Integer" if kind == "integer" else "Long")
        rules = []
        if "min" in meta and value < meta["min"]:
            rules.append(f"Member must have value greater than or equal to {meta['min']}")
        if "max" in meta and value > meta["max"]:
            rules.append(f"Member must have value less than or equal to {meta['max']}")
        return rules
    if kind == "boolean":
        if not isinstance(value, bool):
            raise _wrong_type(value, "Boolean")
        return []
    if kind == "timestamp":
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise _wrong_type(value, "Date")
        return []
    return []  # document: any JSON

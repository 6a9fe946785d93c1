"""A number field takes numbers only: true/false (JSON `true`, an Excel TRUE cell) is refused,
not read as 1 or 0. Non-finite values are refused by each model's `allow_inf_nan=False`.

Every record class runs `numbers_only` before validation: a true/false found
where a number belongs is handed on as its text ('true'), which the field's own validation then
refuses at the right place ('blocks[0].lat: "true" is not a number'). One call per record, not
per field: validation of large portfolios stays fast.
"""

from __future__ import annotations

import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo


def takes_number(annotation: Any) -> bool:
    """Does a field of this type accept an int or float (and not a bool)?"""
    origin = get_origin(annotation)
    if origin is Annotated:
        return takes_number(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        args = get_args(annotation)
        return bool not in args and any(takes_number(a) for a in args)
    return annotation in (int, float)


def holds_number(annotation: Any) -> bool:
    """Can a value of this type hold a number anywhere (not inside another model)?"""
    if takes_number(annotation):
        return True
    return any(holds_number(a) for a in get_args(annotation) if not isinstance(a, FieldInfo))


def as_text(annotation: Any, value: Any) -> Any:
    """`value` with each true/false where the annotation wants a number replaced by its text;
    the same object when there is none."""
    if isinstance(value, bool):
        return ("true" if value else "false") if takes_number(annotation) else value
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return as_text(args[0], value)
    if origin in (Union, types.UnionType):
        for arg in args:
            changed = as_text(arg, value)
            if changed is not value:
                return changed
        return value
    if origin is dict and isinstance(value, dict) and len(args) == 2:
        pairs = [(k, v, as_text(args[0], k), as_text(args[1], v)) for k, v in value.items()]
        if all(nk is k and nv is v for k, v, nk, nv in pairs):
            return value
        return {nk: nv for _, _, nk, nv in pairs}
    if origin is list and isinstance(value, list) and args:
        items = [as_text(args[0], v) for v in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    return value


def numbers_only(cls: type[BaseModel], data: Any) -> Any:
    """A record's raw input with true/false in number fields turned to text (see above); the
    record classes call it from a `model_validator(mode="before")`."""
    if not isinstance(data, dict):
        return data
    changed = {}
    plain, nested = _numeric_fields(cls)
    for name in plain:  # a number or None: one identity test each (the bulk load's fast path)
        value = data.get(name)
        if value is True or value is False:
            changed[name] = "true" if value else "false"
    for name, annotation in nested.items():
        if name in data and (text := as_text(annotation, data[name])) is not data[name]:
            changed[name] = text
    return {**data, **changed} if changed else data


def _numeric_fields(cls: type[BaseModel]) -> tuple[list[str], dict[str, Any]]:
    """The fields of `cls` that can hold a number (worked out once): those that are a number
    (or None) themselves, and those holding numbers inside (dicts, lists), with their types."""
    found = _NUMERIC.get(cls)
    if found is None:
        numeric = {
            name: info.annotation
            for name, info in cls.model_fields.items()
            if holds_number(info.annotation)
        }
        plain = [name for name, annotation in numeric.items() if _plain_number(annotation)]
        found = plain, {n: a for n, a in numeric.items() if n not in plain}
        _NUMERIC[cls] = found
    return found


def _plain_number(annotation: Any) -> bool:
    """int, float, or one of them | None."""
    args = get_args(annotation) if get_origin(annotation) in (Union, types.UnionType) else ()
    return annotation in (int, float) or (
        len(args) == 2 and type(None) in args and any(a in (int, float) for a in args)
    )


_NUMERIC: dict[type, tuple[list[str], dict[str, Any]]] = {}

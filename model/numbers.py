"""A number field takes numbers only: true/false (JSON `true`, an Excel TRUE cell) is refused,
not read as 1 or 0. Non-finite values are refused by each model's `allow_inf_nan=False`.

`NumbersOnly` is a mixin for record classes: one validator that runs before every field's own.
"""

from __future__ import annotations

import json
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationInfo, field_validator


def takes_number(annotation: Any) -> bool:
    """Does a field of this type accept an int or float (and not a bool)?"""
    origin = get_origin(annotation)
    if origin is Annotated:
        return takes_number(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        args = get_args(annotation)
        return bool not in args and any(takes_number(a) for a in args)
    return annotation in (int, float)


def bool_in(annotation: Any, value: Any) -> Any:
    """The first true/false value found where the annotation wants a number, else None."""
    if isinstance(value, bool):
        return value if takes_number(annotation) else None
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return bool_in(args[0], value)
    if origin in (Union, types.UnionType):
        return next((v for a in args if (v := bool_in(a, value)) is not None), None)
    if origin is dict and isinstance(value, dict) and len(args) == 2:
        for key, item in value.items():
            for found in (bool_in(args[0], key), bool_in(args[1], item)):
                if found is not None:
                    return found
    if origin is list and isinstance(value, list) and args:
        return next((v for item in value if (v := bool_in(args[0], item)) is not None), None)
    return None


class NumbersOnly(BaseModel):
    @field_validator("*", mode="before")
    @classmethod
    def _no_true_false_numbers(cls, value: Any, info: ValidationInfo) -> Any:
        field = cls.model_fields.get(info.field_name or "")
        if field is not None and bool_in(field.annotation, value) is not None:
            raise ValueError(f"{json.dumps(bool_in(field.annotation, value))} is not a number")
        return value

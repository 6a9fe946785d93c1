"""Confidential fields: named per portfolio ('deals.notes'), left out of every export unless the
user asks to include them. Only fields that may be empty can be confidential, so a redacted
portfolio is still a valid one."""

from __future__ import annotations

from pydantic import BaseModel

from model.domain import KINDS
from model.fields import meta

# Confidential by default: the fields declared `confidential=True` (deal notes, acquisition costs).
DEFAULT_CONFIDENTIAL = tuple(
    f"{name}.{field}"
    for name, kind in KINDS.items()
    for field, info in kind.fields.items()
    if meta(info).confidential
)


def _empty_value(model: type[BaseModel], field: str):
    """What a redacted field becomes: None where allowed, else ''. Raises for other fields."""
    info = model.model_fields[field]
    if not info.is_required() and info.default is None:
        return None
    if info.annotation is str and info.default == "":
        return ""
    raise ValueError(f"'{field}' cannot be left empty, so it cannot be confidential")


def redactable_fields() -> list[str]:
    """Every 'kind.field' that may be marked confidential."""
    out = []
    for kind, entry in KINDS.items():
        model = entry.record
        for field in model.model_fields:
            try:
                _empty_value(model, field)
            except ValueError:
                continue
            out.append(f"{kind}.{field}")
    return out


def check_confidential_fields(names: list[str]) -> list[str]:
    allowed = set(redactable_fields())
    return [
        f"confidential_fields: '{n}' is not a field that can be left out (one of kind.field: "
        f"{', '.join(sorted(allowed)[:4])}, ...)"
        for n in names
        if n not in allowed
    ]


def redact(portfolio, include_confidential: bool = False):
    """The portfolio as an export may show it: confidential fields emptied unless included."""
    if include_confidential or not portfolio.confidential_fields:
        return portfolio
    update = {}
    for kind, entry in KINDS.items():
        model = entry.record
        fields = [
            n.split(".", 1)[1] for n in portfolio.confidential_fields if n.startswith(f"{kind}.")
        ]
        if fields:
            empty = {f: _empty_value(model, f) for f in fields}
            update[kind] = [r.model_copy(update=empty) for r in getattr(portfolio, kind)]
    return portfolio.model_copy(update=update)


def shown(portfolio, name: str, include_confidential: bool) -> bool:
    """Whether output may show the field 'kind.field': always unless it is confidential and the
    user did not ask to include confidential fields."""
    return include_confidential or name not in portfolio.confidential_fields

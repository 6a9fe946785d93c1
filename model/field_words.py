"""Fields in the plain words an official reads: the declared labels, not the attribute names."""

from __future__ import annotations

from model.domain import kind
from model.fields import meta


def plain(word: str) -> str:
    """'First year' -> 'first year'; names with capitals inside ('NdPr', 'Dy+Tb') stay as they are."""
    head, _, rest = word.partition(" ")
    if head[1:] == head[1:].lower():
        head = head.lower()
    return f"{head} {rest}" if rest else head


def label(table: str, field: str) -> str:
    """The declared label of a field of a record kind, in running text ('first year')."""
    return plain(meta(kind(table).fields[field]).label)


def qualified(path: str) -> str:
    """'deals.cost_musd' -> 'deal cost': the record kind's word and the field's label."""
    table, _, field = path.partition(".")
    try:
        return f"{kind(table).singular} {label(table, field)}"
    except (ValueError, KeyError):  # a stale name: show it as stored rather than fail
        return path


def named(table: str, record_id: str, name: str | None = None) -> str:
    """ "block 'mt-weld' (Mt Weld)": a record as an official names it, its id then its name."""
    words = f"{kind(table).singular} '{record_id}'"
    return f"{words} ({name})" if name and name != record_id else words


def lacks(name: str, table: str, fields: list[str]) -> str:
    """'Browns Range lacks: first year, NdPr share'."""
    return f"{name} lacks: " + ", ".join(label(table, f) for f in fields)

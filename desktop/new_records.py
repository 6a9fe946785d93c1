"""Fields of a new record (Add) or of a copy (Duplicate): unique id and name, and for each field
without a default the value its declaration gives a new record (`Meta.new`, model/domain.py).

New deals start with an offtake share of 0 (a placeholder that cannot break the per-block cap).
"""

from __future__ import annotations

from typing import Any

from desktop.session import PortfolioSession
from model.domain import KINDS
from model.fields import meta


def starting_values(kind: str) -> dict[str, Any]:
    """What the declarations give a new record of `kind` (fields with a default get it anyway)."""
    news = ((name, meta(info).new) for name, info in KINDS[kind].fields.items())
    return {name: new for name, new in news if new is not None}


def unique(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def new_record(
    session: PortfolioSession, kind: str, like: str | None = None, block_id: str = ""
) -> dict[str, Any] | None:
    """A new deal goes on `block_id` (the selected block) when given, else the first block."""
    portfolio = session.portfolio
    records = getattr(portfolio, kind)
    ids = {r.id for r in records}
    names = {getattr(r, "name", "") for r in records}
    if like is not None:
        fields = next(r for r in records if r.id == like).model_dump()
        fields["id"] = unique(f"{like}-copy", ids)
        if "name" in fields:
            fields["name"] = unique(f"{fields['name']} (copy)", names)
        if kind == "deals":
            fields["offtake_share"] = 0.0
        return fields
    fields = dict(starting_values(kind), id=unique(f"new-{KINDS[kind].singular}", ids))
    if kind == "deals":
        if not portfolio.blocks or not portfolio.firms:
            return None
        block_ids = {b.id for b in portfolio.blocks}
        block = block_id if block_id in block_ids else portfolio.blocks[0].id
        fields.update(block_id=block, firm_id=portfolio.firms[0].id)
    else:
        fields["name"] = unique(f"New {KINDS[kind].singular}", names)
    return fields

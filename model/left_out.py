"""Fields a file leaves out keep the portfolio's values when it is imported.

A redacted export lists its confidential fields under `redacted_fields` (JSON) or leaves their
columns out (Excel, CSV). Importing it must not blank the notes and costs the portfolio holds:
for each such field, a record whose id the portfolio already has gets the portfolio's value back
wherever the file's value is empty (the field's default); a record new in the file keeps it empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel


@dataclass
class Kept:
    """What an import took from the portfolio for the fields its file leaves out."""

    fields: list[str]  # 'kind.field'
    restored: dict[str, int] = field(default_factory=dict)  # 'kind.field' -> records
    new: dict[str, int] = field(default_factory=dict)  # kind -> records new in the file

    def summary(self) -> str:
        """For the import's message: what was kept, and how many new records lack it."""
        parts = []
        restored = [f"{name} of {n} record{'s' * (n != 1)}" for name, n in self.restored.items()]
        if restored:
            parts.append(f"kept the portfolio's {', '.join(restored)} (the file leaves them out)")
        new = sum(self.new.values())
        if new:
            parts.append(
                f"{new} record{'s' * (new != 1)} new in the file "
                f"ha{'ve' if new != 1 else 's'} the fields it leaves out empty"
            )
        return "; ".join(parts)


def _default(model: type[BaseModel], name: str):
    return model.model_fields[name].get_default(call_default_factory=True)


def keep_left_out(
    kind: str,
    incoming: Sequence[BaseModel],
    current: Sequence[BaseModel],
    left_out: Sequence[str],
    kept: Kept,
) -> list[BaseModel]:
    """`incoming` records of one kind, with the left-out fields of `current` put back."""
    names = [n.split(".", 1)[1] for n in left_out if n.startswith(f"{kind}.")]
    if not names:
        return list(incoming)
    by_id = {r.id: r for r in current}
    out = []
    for record in incoming:
        old = by_id.get(record.id)
        if old is None:
            kept.new[kind] = kept.new.get(kind, 0) + 1
            out.append(record)
            continue
        model = type(record)
        update = {
            name: getattr(old, name)
            for name in names
            if getattr(record, name) == _default(model, name)
            and getattr(old, name) != _default(model, name)
        }
        for name in update:
            kept.restored[f"{kind}.{name}"] = kept.restored.get(f"{kind}.{name}", 0) + 1
        out.append(record.model_copy(update=update) if update else record)
    return out

"""Why a block adds nothing, and what would fix it, in the user's words (detail panel, table
tooltips, the list of incomplete records). Each reason may carry a link to the cell to fill in
('cell:kind/id/field'), which the portfolio view opens."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop.labels import MODE_RULES, word
from model.domain import COMMITTED_DEALS, NEEDS_SEPARATION, DealStatus
from model.dytb_words import ZERO_REASON
from model.field_words import label
from model.projection import Projection


@dataclass(frozen=True)
class Reason:
    text: str
    link: str = ""  # 'cell:kind/id/field' to fill it in, or ''


@dataclass(frozen=True)
class Incomplete:
    kind: str  # 'blocks' or 'plants'
    record_id: str
    name: str
    fields: tuple[str, ...]
    note: str = ""  # what the gap does when the record still counts ('its Dy/Tb counts as zero')

    def text(self) -> str:
        what = "block" if self.kind == "blocks" else "plant"
        note = f"; {self.note}" if self.note else ""
        return (
            f"{self.name} ({what}): missing "
            + ", ".join(field_label(self.kind, f) for f in self.fields)
            + note
        )


def field_label(kind: str, field: str) -> str:
    """The declared label in running text ('first year'; 'NdPr share' keeps its capitals)."""
    return label(kind, field)


def incomplete_records(projection: Projection) -> list[Incomplete]:
    """The model's list of records that lack a figure, as records and fields; when Dy/Tb counts
    (high-temperature share > 0) also the blocks whose missing Dy+Tb share counts as zero."""
    inputs = projection.inputs
    records = _counting_nothing(projection)
    for block_id, name in inputs.dytb_unknown_blocks:
        at = next((k for k, r in enumerate(records) if r.record_id == block_id), None)
        if at is None:
            records.append(Incomplete("blocks", block_id, name, ("dytb_share",), ZERO_REASON))
        elif "dytb_share" not in (r := records[at]).fields:
            records[at] = Incomplete(r.kind, r.record_id, r.name, (*r.fields, "dytb_share"))
    return records


def _counting_nothing(projection: Projection) -> list[Incomplete]:
    """The records that count for nothing until a figure is filled in."""
    return [Incomplete(*gap) for gap in projection.inputs.gaps]


def why_nothing(portfolio, projection: Projection, block_id: str) -> list[Reason]:
    """Why the block adds no magnets over the horizon (empty when it adds some)."""
    ids = projection.inputs.block_ids
    if block_id not in ids:
        return []
    b = ids.index(block_id)
    if projection.by_block()[b].sum() > 0.5:
        return []
    block = portfolio.block(block_id)
    reasons: list[Reason] = []
    for record in _counting_nothing(projection):
        if record.kind == "blocks" and record.record_id == block_id:
            for f in record.fields:
                reasons.append(
                    Reason(f"missing: {field_label('blocks', f)}", f"cell:blocks/{block_id}/{f}")
                )
    if reasons:
        reasons.append(Reason("fill it in from the block's source, and it counts"))
        return reasons
    mode = projection.inputs.mode.value
    live = [
        d for d in portfolio.deals if d.block_id == block_id and d.status != DealStatus.rejected
    ]
    counted = [d for d in live if mode != "committed" or d.status in COMMITTED_DEALS]
    if not live:
        return [Reason("no deal gives India a share of its output: add one in Deals (Add)")]
    if not counted:
        statuses = ", ".join(sorted({word(d.status) for d in live}))
        return [
            Reason(f"mode 'committed' counts {MODE_RULES['committed']}; its deals are {statuses}")
        ]
    if sum(d.offtake_share for d in counted) <= 0:
        deal = counted[0]
        return [
            Reason(
                "India's offtake share is 0 %: set the deal's offtake",
                f"cell:deals/{deal.id}/offtake_share",
            )
        ]
    years = projection.years
    start = projection.inputs.block_start[b]
    if np.isfinite(start) and start > years[-1]:
        return [Reason(f"it starts in {int(start)}, after the horizon ({int(years[-1])})")]
    if block.product in NEEDS_SEPARATION:
        binds = np.flatnonzero((projection.phi < 1 - 1e-9) & (projection.separation_feed > 0))
        if binds.size or not projection.separation_cap.any():
            when = f" from {int(years[binds[0]])}" if binds.size else ""
            what = "concentrate" if block.product.value == "concentrate" else "mixed carbonate"
            return [
                Reason(
                    f"its {what} needs separation, and no separation capacity is free for it"
                    f"{when}: add a separation plant or buy separated oxide"
                )
            ]
    stages = {projection.bottleneck[k] for k in range(len(years)) if years[k] >= start}
    if stages & {"metal", "magnet"}:
        return [
            Reason(
                "the domestic metal and magnet lines are already full: more oxide adds magnets "
                "only with more plant capacity (Plants)"
            )
        ]
    return [Reason("its output arrives too late or too small to show in whole tonnes")]


def reasons_text(reasons: list[Reason]) -> str:
    """One line for a tooltip or a status message."""
    if not reasons:
        return ""
    missing = [r.text.removeprefix("missing: ") for r in reasons if r.text.startswith("missing: ")]
    rest = [r.text for r in reasons if not r.text.startswith("missing: ")]
    parts = ([f"missing {', '.join(missing)}"] if missing else []) + rest
    return "Adds nothing: " + "; ".join(parts)

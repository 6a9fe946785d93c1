"""The evidence register: the sourced values of each figure, the one in use, and their spread.

A figure is (record kind, record id, field): a block's or plant's numeric field, or a
portfolio-wide figure ('demand', 'assumptions'). Each sourced value is an `Evidence` record
(model/domain.py); one per figure is chosen and is the value the model uses. Choosing another
writes its value into the figure and moves the mark, as one edit.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from model.domain import Evidence
from model.portfolio import Portfolio
from model.rules import choice_problem, chosen_problems, declared_unit

RECORD_KINDS = ("blocks", "plants")  # figures held in a record's field
Figure = tuple[str, str, str]  # (record kind, record id, field)


def figure_of(evidence: Evidence) -> Figure:
    return (evidence.record_kind, evidence.record_id, evidence.field_name)


def register(portfolio: Portfolio) -> dict[Figure, list[Evidence]]:
    """Every figure with sourced values, its values in the portfolio's order."""
    found: dict[Figure, list[Evidence]] = defaultdict(list)
    for evidence in portfolio.evidence:
        found[figure_of(evidence)].append(evidence)
    return dict(found)


def values_of(portfolio: Portfolio, kind: str, record_id: str, field: str) -> list[Evidence]:
    return [e for e in portfolio.evidence if figure_of(e) == (kind, record_id, field)]


def current_value(portfolio: Portfolio, kind: str, record_id: str, field: str) -> Any:
    """What the model uses now for the figure (None when unknown or the record is gone)."""
    if kind in RECORD_KINDS:
        record = next((r for r in getattr(portfolio, kind) if r.id == record_id), None)
        return None if record is None else getattr(record, field, None)
    if kind == "demand":
        return getattr(portfolio.demand, field, None)
    if kind == "assumptions":
        return getattr(portfolio.assumptions, field, None)
    return None


@dataclass(frozen=True)
class Spread:
    """The range of a figure's sourced values, in the unit of the one in use."""

    low: float
    high: float
    unit: str
    sources: int  # how many values make the range


def spread_of(values: list[Evidence]) -> Spread | None:
    """The range of a figure's sourced values in the chosen value's unit (values in another
    unit, e.g. all permanent magnets against rare-earth magnets, are left out): None unless
    they differ. The one definition of a sourced range (tornado and Monte Carlo)."""
    unit = next((v.unit for v in values if v.chosen), values[0].unit if values else "")
    same = [v.value for v in values if v.unit == unit]
    if not same:
        return None
    low, high = min(same), max(same)
    return Spread(low, high, unit, len(same)) if high > low else None


def spread(values: list[Evidence]) -> tuple[float, float] | None:
    """(low, high) of `spread_of`."""
    found = spread_of(values)
    return None if found is None else (found.low, found.high)


def spread_details(portfolio: Portfolio, kind: str, field: str) -> dict[str, Spread]:
    """Record id -> the sourced range of `field`, for the records of `kind` that have one."""
    ranges = {}
    for (k, record_id, name), values in register(portfolio).items():
        if k == kind and name == field:
            found = spread_of(values)
            if found is not None:
                ranges[record_id] = found
    return ranges


def spreads(portfolio: Portfolio, kind: str, field: str) -> dict[str, tuple[float, float]]:
    """Record id -> (low, high) of the sourced range of `field` (see `spread_details`)."""
    return {i: (r.low, r.high) for i, r in spread_details(portfolio, kind, field).items()}


def own_unit(values: list[Evidence]) -> str | None:
    """A figure's own unit: declared (the demand figures), else that of its value in use."""
    if not values:
        return None
    declared = declared_unit(values[0].record_kind, values[0].field_name)
    return declared or next((v.unit for v in values if v.chosen), None)


def refusal(portfolio: Portfolio, evidence: Evidence) -> str:
    """Why `evidence` cannot be chosen ('' when it can): the one rule (model.rules.choice_problem)
    the Demand tab, the register, the detail panel, the CLI and `choose` share."""
    return choice_problem(evidence, own_unit(values_of(portfolio, *figure_of(evidence))))


def applied_value(kind: str, field: str, value: float) -> Any:
    """The value as the figure stores it (years are whole numbers)."""
    return int(round(value)) if field.endswith("year") else value


def flag_changes(portfolio: Portfolio, evidence_id: str) -> dict[str, int]:
    """The `chosen` marks that change when `evidence_id` is chosen: id -> new mark."""
    chosen = next((e for e in portfolio.evidence if e.id == evidence_id), None)
    if chosen is None:
        raise KeyError(f"no sourced value with id '{evidence_id}'")
    return {
        e.id: int(e.id == evidence_id)
        for e in values_of(portfolio, *figure_of(chosen))
        if e.chosen != int(e.id == evidence_id)
    }


def choose(portfolio: Portfolio, evidence_id: str) -> Portfolio:
    """The portfolio with `evidence_id`'s value in its figure and the mark moved to it."""
    chosen = next((e for e in portfolio.evidence if e.id == evidence_id), None)
    if chosen is None:
        raise KeyError(f"no sourced value with id '{evidence_id}'")
    refused = refusal(portfolio, chosen)
    if refused:
        raise ValueError(refused)
    kind, record_id, field = figure_of(chosen)
    value = applied_value(kind, field, chosen.value)
    update: dict[str, Any] = {}
    if kind in RECORD_KINDS:
        update[kind] = [
            r.model_copy(update={field: value}) if r.id == record_id else r
            for r in getattr(portfolio, kind)
        ]
    elif kind == "demand":
        update["demand"] = portfolio.demand.model_copy(update={field: value})
    elif kind == "assumptions":
        update["assumptions"] = portfolio.assumptions.model_copy(update={field: value})
    marks = flag_changes(portfolio, evidence_id)
    update["evidence"] = [
        e.model_copy(update={"chosen": marks[e.id]}) if e.id in marks else e
        for e in portfolio.evidence
    ]
    return Portfolio.model_validate({**portfolio.model_dump(), **_dumped(update)})


def _dumped(update: dict[str, Any]) -> dict[str, Any]:
    return {
        k: [r.model_dump() for r in v] if isinstance(v, list) else v.model_dump()
        for k, v in update.items()
    }


def summary(values: list[Evidence]) -> str:
    """The sourced values of one figure as lines of text (a tooltip): the one in use first."""
    ordered = sorted(values, key=lambda e: -e.chosen)
    lines = [
        f"{'in use' if e.chosen else 'also'}: {e.value:,g} {e.unit} - {e.source} ({e.as_of})"
        for e in ordered
    ]
    return "Sourced values:\n" + "\n".join(lines)


def rows(portfolio: Portfolio, record: str | None = None) -> list[dict[str, Any]]:
    """The register as `repm evidence` prints it: one row per sourced value."""
    return [
        {
            "record": e.record_id,
            "field": e.field_name,
            "value": e.value,
            "unit": e.unit,
            "source": f"{e.source} <{e.url}>" if e.url else e.source,
            "as_of": e.as_of,
            "chosen": bool(e.chosen),
        }
        for e in portfolio.evidence
        if record is None or e.record_id == record
    ]


def conflicts(portfolio: Portfolio) -> list[tuple[Figure, list[Evidence]]]:
    """Figures with more than one sourced value, for the briefing and the detail panel."""
    return [(figure, values) for figure, values in register(portfolio).items() if len(values) > 1]


def problems(portfolio: Portfolio) -> list[str]:
    """At most one chosen value per figure (the portfolio rule, model/rules.py)."""
    return chosen_problems(portfolio.evidence)

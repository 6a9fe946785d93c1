"""The evidence register: the sourced values of each figure, the one in use, and their spread.

A figure is (record kind, record id, field): a block's or plant's numeric field, or a
portfolio-wide figure ('demand', 'assumptions'). Each sourced value is an `Evidence` record
(model/domain.py); at most one per figure is chosen: the value the model uses. Choosing another
writes its value into the figure and moves the mark, as one edit. A value typed by hand moves the
mark too (`hand_marks`, in the same edit): to the sourced value it equals, else to none, and the
figure's value in use is then typed by hand (`typed_by_hand`).
"""

from __future__ import annotations

import math
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


def _known(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and not math.isnan(value)


def same_value(field: str, current: Any, value: float) -> bool:
    """Whether a figure's value in use is this sourced value (years as whole numbers)."""
    if not _known(current):
        return False
    if field.endswith("year"):
        return int(round(current)) == round(value)
    return math.isclose(current, value, rel_tol=1e-9, abs_tol=1e-9)


def value_in_use(values: list[Evidence], current: Any) -> Evidence | None:
    """Of a figure's sourced values, the one it uses: the chosen one while the figure holds its
    value; None when its value was typed by hand (a file from before hand edits moved the mark
    may still mark a value the figure no longer holds: that one is not in use either)."""
    chosen = next((e for e in values if e.chosen), None)
    if chosen is None or not same_value(chosen.field_name, current, chosen.value):
        return None
    return chosen


def is_typed(values: list[Evidence], current: Any) -> bool:
    """Whether a figure with sourced values uses a value that is none of them (typed by hand)."""
    return bool(values) and _known(current) and value_in_use(values, current) is None


def in_use(portfolio: Portfolio, kind: str, record_id: str, field: str) -> Evidence | None:
    """`value_in_use` of a figure of the portfolio."""
    current = current_value(portfolio, kind, record_id, field)
    return value_in_use(values_of(portfolio, kind, record_id, field), current)


def typed_by_hand(portfolio: Portfolio, kind: str, record_id: str, field: str) -> bool:
    """`is_typed` of a figure of the portfolio."""
    current = current_value(portfolio, kind, record_id, field)
    return is_typed(values_of(portfolio, kind, record_id, field), current)


def typed_figures(portfolio: Portfolio) -> list[tuple[Figure, Any]]:
    """The figures whose value in use was typed by hand, with that value."""
    found = []
    for figure, values in register(portfolio).items():
        current = current_value(portfolio, *figure)
        if is_typed(values, current):
            found.append((figure, current))
    return found


def marks_for_value(
    portfolio: Portfolio, kind: str, record_id: str, field: str, value: Any
) -> dict[str, int]:
    """The `chosen` marks that change when the figure takes `value` by hand: id -> new mark.
    The mark goes to the sourced value equal to it (the one marked already if it is equal, else
    the first that may be used); when none is equal, no value is marked: typed by hand."""
    values = values_of(portfolio, kind, record_id, field)
    unit = own_unit(values)
    equal = [e for e in values if same_value(field, value, e.value) and not choice_problem(e, unit)]
    keep = next((e for e in equal if e.chosen), equal[0] if equal else None)
    return {e.id: int(e is keep) for e in values if e.chosen != int(e is keep)}


def hand_marks(
    portfolio: Portfolio, kind: str, record_id: str, fields: dict[str, Any]
) -> dict[str, int]:
    """The `chosen` marks that change when a record's fields (or the demand's, the assumptions':
    any `record_id`) take these values by hand: `marks_for_value` for each figure concerned."""
    marks: dict[str, int] = {}
    for k, rid, field in register(portfolio):
        if k == kind and field in fields and (rid == record_id or kind not in RECORD_KINDS):
            marks.update(marks_for_value(portfolio, k, rid, field, fields[field]))
    return marks


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
    """A figure's own unit: declared (the demand figures), else that of its chosen value, else
    (a value typed by hand marks none) the one most of its values share, the first on a tie."""
    if not values:
        return None
    declared = declared_unit(values[0].record_kind, values[0].field_name)
    chosen = next((v.unit for v in values if v.chosen), None)
    units = [v.unit for v in values]
    return declared or chosen or max(units, key=units.count)


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
    return _with(portfolio, kind, record_id, field, value, flag_changes(portfolio, evidence_id))


def type_value(
    portfolio: Portfolio, kind: str, record_id: str, field: str, value: Any
) -> Portfolio:
    """The portfolio with `value` typed by hand into the figure and its mark moved as
    `marks_for_value` says (what the desktop's hand edits write, as one edit)."""
    marks = marks_for_value(portfolio, kind, record_id, field, value)
    return _with(portfolio, kind, record_id, field, value, marks)


def _with(
    portfolio: Portfolio, kind: str, record_id: str, field: str, value: Any, marks: dict[str, int]
) -> Portfolio:
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


def summary(values: list[Evidence], current: Any) -> str:
    """The sourced values of one figure as lines of text (a tooltip): the one in use first, or
    the value typed by hand when it is none of them (`current`: the figure's value in use)."""
    used = value_in_use(values, current)
    ordered = sorted(values, key=lambda e: e is not used)
    lines = [f"in use: {current:,g} typed by hand"] if is_typed(values, current) else []
    lines += [
        f"{'in use' if e is used else 'also'}: {e.value:,g} {e.unit} - {e.source} ({e.as_of})"
        for e in ordered
    ]
    return "Sourced values:\n" + "\n".join(lines)


def rows(portfolio: Portfolio, record: str | None = None) -> list[dict[str, Any]]:
    """The register as `repm evidence` prints it: one row per sourced value; `chosen` is the
    value in use (none of a figure's when its value was typed by hand)."""
    used = {id(e) for figure in register(portfolio) if (e := in_use(portfolio, *figure))}
    return [
        {
            "record": e.record_id,
            "field": e.field_name,
            "value": e.value,
            "unit": e.unit,
            "source": f"{e.source} <{e.url}>" if e.url else e.source,
            "as_of": e.as_of,
            "chosen": id(e) in used,
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

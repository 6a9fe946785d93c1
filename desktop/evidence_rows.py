"""The evidence register as rows to show: every sourced value with its record, field, value in
the figure's own terms (percent where the field is declared a share), unit, source and whether the
model uses it. Values of one figure sit together, the one in use first; when the value in use was
typed by hand (none of the sourced values, model.evidence.is_typed) a row above them says so.
No Qt here."""

from __future__ import annotations

import math
from dataclasses import dataclass

from desktop.columns import COLUMNS
from model.assumptions import SCALARS
from model.demand import FIELD_LABELS as DEMAND_LABELS
from model.domain import Evidence
from model.evidence import is_typed, own_unit, register, value_in_use
from model.portfolio import Portfolio
from model.rules import choice_problem

WHOLE_PORTFOLIO = {"demand": "India demand", "assumptions": "Assumptions"}
YEARLY = ("demand", "china_share")  # (kind, field) of the figure with per-year values of its own


@dataclass(frozen=True)
class EvidenceRow:
    evidence: Evidence
    record: str  # 'Mt Weld', 'India demand', 'Assumptions'
    field: str  # 'Nameplate (t/yr)'
    value: str  # '10,500' or '93 %'
    in_use: str  # '✓ in use', '✓ in use; 2 years differ', ''
    group: int  # the figure's position in the register: rows of one figure share it
    first: bool  # the first row of its figure
    values: int  # how many sourced values the figure has
    refused: str = ""  # why it cannot be the value in use (another unit or quantity); '' if it can
    typed: bool = False  # the value in use typed by hand, not a sourced value (no source)

    @property
    def conflicting(self) -> bool:
        return self.values > 1


def record_label(record: object | None, kind: str, record_id: str) -> str:
    if kind in WHOLE_PORTFOLIO:
        return WHOLE_PORTFOLIO[kind]
    if record is None:
        return f"{record_id} (deleted)"
    return getattr(record, "name", None) or record_id


def field_label(kind: str, field: str) -> str:
    if kind == "demand":
        return DEMAND_LABELS.get(field, field)
    if kind == "assumptions":
        return SCALARS[field].label if field in SCALARS else field
    headers = {c.field: c.header for c in COLUMNS.get(kind, [])}
    return headers.get(field, field)


def is_percent(kind: str, field: str) -> bool:
    """Declared a share (0..1) and so shown as a percentage: a record's field by its column,
    a portfolio-wide figure by its name ('china_share', 'high_temp_share')."""
    if kind in WHOLE_PORTFOLIO:
        return field.endswith("_share")
    return any(c.field == field and c.percent for c in COLUMNS.get(kind, []))


def _trim(number: str) -> str:
    return number.rstrip("0").rstrip(".") if "." in number else number


def value_text(kind: str, field: str, value: float | None) -> str:
    """'10,500', '2028', '26.4 %', '0.94 %'; '—' when unknown."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if is_percent(kind, field):
        return f"{_trim(f'{100 * value:,.2f}')} %"
    if field.endswith("year"):
        return str(int(round(value)))
    if float(value).is_integer():
        return f"{int(value):,}"
    return _trim(f"{value:,.4f}")


TYPED_SOURCE = "Typed by hand (none of the sourced values)"
TYPED_NOTE = "The value in use is not a sourced value: 'Use this value' on one puts it back"


def in_use_text(years_apart: int = 0) -> str:
    """'✓ in use' for the value the model uses ('✓ in use; 2 years differ' when some years have
    a value of their own)."""
    if years_apart:
        return f"✓ in use; {years_apart} {'years differ' if years_apart > 1 else 'year differs'}"
    return "✓ in use"


def typed_evidence(figure: tuple[str, str, str], value: float, unit: str | None) -> Evidence:
    """The value typed by hand as a row of the register (shown only; never stored)."""
    kind, record_id, field = figure
    return Evidence.model_construct(
        id=f"typed:{kind}/{record_id}/{field}",
        record_kind=kind,
        record_id=record_id,
        field_name=field,
        value=float(value),
        unit=unit or "",
        source=TYPED_SOURCE,
        url="",
        as_of="",
        note=TYPED_NOTE,
        chosen=1,
    )


def _years_apart(portfolio: Portfolio) -> int:
    demand = portfolio.demand
    return sum(1 for v in demand.china_share_path.values() if v != demand.china_share)


def evidence_rows(portfolio: Portfolio) -> list[EvidenceRow]:
    """Every sourced value, figures in the order record, field; the chosen value first."""
    figures = register(portfolio)
    kinds = {kind for kind, _, _ in figures if kind not in WHOLE_PORTFOLIO}
    records = {kind: {r.id: r for r in getattr(portfolio, kind, [])} for kind in kinds}
    whole = {kind: getattr(portfolio, kind) for kind in WHOLE_PORTFOLIO}

    def label(figure: tuple[str, str, str]) -> str:
        kind, record_id, _ = figure
        return record_label(records.get(kind, {}).get(record_id), kind, record_id)

    def current(figure: tuple[str, str, str]) -> float | None:
        kind, record_id, field = figure
        holder = whole.get(kind) or records.get(kind, {}).get(record_id)
        value = getattr(holder, field, None)
        return value if isinstance(value, int | float) else None

    order = sorted(
        figures,
        key=lambda f: (
            f[0] in WHOLE_PORTFOLIO,  # records first, then demand and assumptions
            f[0],
            label(f).lower(),
            field_label(f[0], f[2]),
        ),
    )
    rows = []
    for group, figure in enumerate(order):
        kind, record_id, field = figure
        now = current(figure)
        used = value_in_use(figures[figure], now)
        values = sorted(figures[figure], key=lambda e: e is not used)  # stable: file order after
        in_use = in_use_text(_years_apart(portfolio) if figure[::2] == YEARLY else 0)
        unit = own_unit(values)
        shown = [(e, e is used, "") for e in values]
        if is_typed(values, now):
            shown.insert(0, (typed_evidence(figure, now, unit), True, "typed"))
        for k, (evidence, using, typed) in enumerate(shown):
            rows.append(
                EvidenceRow(
                    evidence=evidence,
                    record=label(figure),
                    field=field_label(kind, field),
                    value=value_text(kind, field, evidence.value),
                    in_use=in_use if using else "",
                    group=group,
                    first=k == 0,
                    values=len(values),
                    refused="" if typed else choice_problem(evidence, unit),
                    typed=bool(typed),
                )
            )
    return rows

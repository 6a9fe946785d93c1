"""The portfolio's rules that span records: one set, run by `repm validate`, every import, inside
every store write's transaction, and by the desktop's editors for their refusal messages.

A rule reads only what it needs through `Facts`: `PortfolioFacts` answers from a Portfolio in
memory (validate, import, replace); the store answers from the open transaction with a few
indexed queries (model/store/store.py `SqlFacts`), so one edit never loads the whole file.
Checking a whole portfolio is adding its records one by one to an empty portfolio: ids and names
must be new, references must point to records added before (firms, blocks, deals, plants, then
scenarios), and no block's deals may take more than all of its output. Field-level rules (types,
ranges, finite numbers, ISO countries, scenario assumption overrides) live in the declarations.
`change_problems` asks all of them about one proposed change before it is written, in the
declared labels and units: the desktop's cell editors show its words and check nothing themselves.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, ValidationError

from model.domain import KINDS, Deal, DealStatus
from model.field_words import named
from model.fields import REFERENCE, KeyedBy, meta, shown, unique
from model.problems import Problem, field_label, of_record, ordinal
from model.scenario import Scenario

if TYPE_CHECKING:
    from model.portfolio import Portfolio

OFFTAKE_TOLERANCE = 1e-9
# From the declarations: per kind, the fields whose values must differ between records, and the
# fields naming another record (field, kind named).
UNIQUE = {
    name: [f for f, info in k.fields.items() if unique(info) and f != "id"]
    for name, k in KINDS.items()
}
TEXTS = {
    name: [f for f, info in k.fields.items() if info.annotation is str] for name, k in KINDS.items()
}
REFERENCES = {
    name: [(f, meta(info).refers_to) for f, info in k.fields.items() if meta(info).fmt == REFERENCE]
    for name, k in KINDS.items()
}
# every reference points to a kind before it
ORDER = ("firms", "blocks", "deals", "plants", "evidence")
# Where a scenario names records: field -> the kind it names (declared on Scenario's fields).
SCENARIO_REFERENCES = {
    name: m.kind
    for name, info in Scenario.model_fields.items()
    for m in info.metadata
    if isinstance(m, KeyedBy)
}


class Facts(Protocol):
    """What the rules need to know about the portfolio a record joins."""

    def id_owner(self, kind: str, record_id: str) -> str | None:
        """None when the id is free, else how to name its holder ('' when unnamed)."""

    def name_owner(self, kind: str, name: str, record_id: str) -> str | None:
        """The id of another record of `kind` with this name, if any."""

    def deals_on_block(self, block_id: str) -> list[Deal]:
        """The deals on a block, as they stand."""

    def record_name(self, kind: str, record_id: str) -> str | None:
        """The name of a record (None when it has none or is not there), for messages."""

    def scenario_names(self) -> list[str]: ...


# --- one record ----------------------------------------------------------------------------------


Say = Callable[[str | None, str], Problem]  # (field or None, message) -> one problem, placed


def said_of(kind: str, record: BaseModel, index: int | None = None) -> Say:
    """How one record's problems are said: its kind, id and name, then the field's label."""
    name = getattr(record, "name", None)
    return lambda field, message: of_record(kind, record.id, name, field, message, index)


def said_of_scenario(scenario: Scenario, index: int | None = None) -> Say:
    """ "scenario 'Nolans late', block delays: ..."."""
    where = f"scenario '{scenario.name}'"

    def say(field: str | None, message: str) -> Problem:
        text = f"{where}, {field.replace('_', ' ')}: {message}" if field else f"{where}: {message}"
        words = dict(kind="scenarios", index=index, record_id=scenario.name, field=field)
        return Problem(text, **words, message=message)

    return say


def said_of_whole(where: str) -> Say:
    """ "target, source: ..." for a portfolio-wide part that is not a record."""
    return lambda field, message: Problem(
        f"{where}, {field.replace('_', ' ')}: {message}" if field else f"{where}: {message}",
        field=field,
        message=message,
    )


def text_problems(record: BaseModel, say: Say) -> list[Problem]:
    """Text must be storable: no lone surrogates (invalid UTF-16 halves from broken files)."""
    problems = []
    for name, value in record:
        texts = value.values() if isinstance(value, dict) else [value]
        for text in texts:
            if isinstance(text, str) and _has_surrogate(text):
                problems.append(say(name, "contains an invalid character (a lone surrogate)"))
    return problems


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    return not text.isascii() and _SURROGATE.search(text) is not None


def _all_text_fine(records: Sequence[BaseModel], kind: str) -> bool:
    """One pass over every text of a kind: almost always ASCII or clean (fast path)."""
    joined = "\n".join(getattr(r, f) for r in records for f in TEXTS[kind])
    return not _has_surrogate(joined)


def record_problems(
    kind: str,
    record: BaseModel,
    facts: Facts,
    *,
    new: bool,
    index: int | None = None,
    text: bool = True,
) -> list[Problem]:
    """A record joining (`new`) or changing in a portfolio: its id and name are its own, what it
    refers to exists, its text is storable (unless `text` is False: already known to be).
    `index`: its place among its kind in a portfolio checked whole (a file's reader puts the
    problem at its cell). (The offtake rule is per block: `offtake_problems`.)"""
    say = said_of(kind, record, index)
    problems = text_problems(record, say) if text else []
    if new:
        owner = facts.id_owner(kind, record.id)
        if owner is not None:
            by = f" by {owner}" if owner else ""
            problems.append(say("id", f"'{record.id}' is already used{by}"))
    for name in UNIQUE[kind]:
        value = getattr(record, name)
        clash = facts.name_owner(kind, value, record.id)
        if clash is not None:
            problems.append(say(name, f"'{value}' is already used by {named(kind, clash)}"))
    for name, other in REFERENCES[kind]:
        value = getattr(record, name)
        if value is not None and facts.id_owner(other, value) is None:
            problems.append(say(name, f"'{value}' is not a {KINDS[other].singular} id"))
    return problems


def offtake_problems(block_id: str, block_name: str | None, deals: Iterable[Deal]) -> list[Problem]:
    """India's non-rejected deals on one block cannot take more than all of its output. The
    message names the block (id and name), each deal by its id with its share, and the sum."""
    live = [d for d in deals if d.status != DealStatus.rejected]
    total = math.fsum(d.offtake_share for d in live)
    if total <= 1 + OFFTAKE_TOLERANCE:
        return []
    parts = ", ".join(f"{d.id} {_share(d.offtake_share)}" for d in live)
    message = (
        f"the offtake shares of its non-rejected deals add up to {_share(total)} ({parts}); "
        f"together they may take at most {_share(1)} of its output"
    )
    return [of_record("blocks", block_id, block_name, None, message)]


def _share(value: float) -> str:
    """An offtake share as the desktop shows it ('70.0 %')."""
    return shown(KINDS["deals"].fields["offtake_share"], value)


def offtake_room(deals: Sequence[Deal], deal_id: str) -> tuple[float, float]:
    """(largest share `deal_id` may take, what the block's other live deals take)."""
    others = math.fsum(
        d.offtake_share for d in deals if d.id != deal_id and d.status != DealStatus.rejected
    )
    return max(0.0, 1.0 - others), others


def deal_problems(deal: Deal, facts: Facts) -> list[str]:
    """The offtake rule for a deal added or changed: its block's deals with this one in place."""
    on_block = [d for d in facts.deals_on_block(deal.block_id) if d.id != deal.id] + [deal]
    name = facts.record_name("blocks", deal.block_id)
    return offtake_problems(deal.block_id, name, on_block)


# --- scenarios ---------------------------------------------------------------------------------


def scenario_problems(
    scenario: Scenario,
    facts: Facts,
    *,
    index: int | None = None,
    replacing: str | None = None,
) -> list[Problem]:
    """A scenario's name is its own and every record it names exists. (Its assumption overrides
    are checked by the Scenario declaration itself: unknown names and out-of-range values.)"""
    say = said_of_scenario(scenario, index)
    problems = text_problems(scenario, say)
    if _has_surrogate(scenario.model_dump_json()):  # names inside its overrides, disruptions
        problems.append(say(None, "contains an invalid character (a lone surrogate)"))
    if scenario.name != replacing and scenario.name in facts.scenario_names():
        problems.append(say("name", f"'{scenario.name}' is already used"))
    for field, kind in SCENARIO_REFERENCES.items():
        for record_id in getattr(scenario, field):
            if facts.id_owner(kind, record_id) is None:
                problems.append(say(field, f"'{record_id}' is not a {KINDS[kind].singular} id"))
    return problems


def delete_problems(deleted: dict[str, set[str]], scenarios: Iterable[Scenario]) -> list[str]:
    """Records about to be deleted (kind -> ids) that a saved scenario names: refused, naming the
    scenario, so a delete never leaves a scenario pointing at nothing."""
    problems = []
    for scenario in scenarios:
        for field, kind in SCENARIO_REFERENCES.items():
            for record_id in getattr(scenario, field):
                if record_id in deleted.get(kind, ()):
                    problems.append(
                        f"{KINDS[kind].singular} '{record_id}' is named by scenario "
                        f"'{scenario.name}' ({field.replace('_', ' ')}): remove it from the "
                        "scenario first"
                    )
    return problems


# --- a whole portfolio ---------------------------------------------------------------------------


class PortfolioFacts:
    """Facts about the records added so far, answered from memory."""

    def __init__(self) -> None:
        self.ids: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}  # id -> label
        self.names: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}  # name -> id
        self.named: dict[tuple[str, str], str] = {}  # (kind, id) -> name
        self.deals_by_block: dict[str, list[Deal]] = defaultdict(list)
        self.scenarios: list[str] = []

    def id_owner(self, kind: str, record_id: str) -> str | None:
        return self.ids[kind].get(record_id)

    def name_owner(self, kind: str, name: str, record_id: str) -> str | None:
        owner = self.names[kind].get(name)
        return owner if owner is not None and owner != record_id else None

    def deals_on_block(self, block_id: str) -> list[Deal]:
        return self.deals_by_block[block_id]

    def record_name(self, kind: str, record_id: str) -> str | None:
        return self.named.get((kind, record_id))

    def scenario_names(self) -> list[str]:
        return self.scenarios

    def add(self, kind: str, record: BaseModel, label: str) -> None:
        self.ids[kind].setdefault(record.id, label)
        if isinstance(getattr(record, "name", None), str):
            self.named.setdefault((kind, record.id), record.name)
        for name in UNIQUE[kind]:
            self.names[kind].setdefault(getattr(record, name), record.id)
        if kind == "deals":
            self.deals_by_block[record.block_id].append(record)


def chosen_problems(evidence: list) -> list[Problem]:
    """At most one sourced value of a figure is the one in use."""
    first: dict[tuple[str, str, str], BaseModel] = {}
    problems = []
    for i, e in enumerate(evidence):
        if not e.chosen:
            continue
        figure = (e.record_kind, e.record_id, e.field_name)
        if figure in first:
            message = (
                f"{named('evidence', first[figure].id)} is already the value in use for "
                f"{figure_words(*figure)}; at most one may be"
            )
            problems.append(said_of("evidence", e, i)("chosen", message))
        else:
            first[figure] = e
    return problems


def figure_words(kind: str, record_id: str, field: str) -> str:
    """ "block 'nolans' nameplate", "demand base year's demand": a figure a value is of."""
    if kind in KINDS:
        return f"{KINDS[kind].singular} '{record_id}' {field_label(kind, field)}"
    return f"{kind} {field.replace('_', ' ')}"


FIGURE_KINDS = ("blocks", "plants", "demand", "assumptions")  # what a sourced value is of


def declared_unit(kind: str, field: str) -> str | None:
    """The unit a portfolio-wide figure is declared in (None: the unit of its value in use)."""
    if kind == "demand" and field in ("base_t", "horizon_t"):
        from model.demand import UNIT

        return UNIT
    return None


def choice_problem(evidence: BaseModel, own_unit: str | None) -> str:
    """Why a sourced value cannot be the figure's value in use ('' when it can): its unit (the
    quantity it counts) must be the figure's own. All permanent magnets, or magnet imports, are
    not rare-earth magnet demand; they stay in the register as context only."""
    if own_unit is None or evidence.unit == own_unit:
        return ""
    return (
        f"{evidence.value:,g} {evidence.unit} is another quantity than this figure's "
        f"{own_unit}: it cannot be the value in use"
    )


def evidence_problems(evidence: BaseModel, facts: Facts, index: int | None = None) -> list[Problem]:
    """A sourced value belongs to a figure that exists: a field of a block or plant that is in
    the portfolio, or a demand or assumption figure (an orphan left by a deleted record is
    refused, naming the row)."""
    kind, record_id, field = evidence.record_kind, evidence.record_id, evidence.field_name
    say = said_of("evidence", evidence, index)
    if kind not in FIGURE_KINDS:
        return [say("record_kind", f"'{kind}' is not one of {', '.join(FIGURE_KINDS)}")]
    if kind in KINDS:
        if facts.id_owner(kind, record_id) is None:
            singular = KINDS[kind].singular
            return [
                say(
                    "record_id",
                    f"a sourced value of {figure_words(kind, record_id, field)}, but there is "
                    f"no {singular} '{record_id}'",
                )
            ]
        fields = KINDS[kind].fields
    else:
        from model.assumptions import Assumptions
        from model.demand import Demand

        fields = (Demand if kind == "demand" else Assumptions).model_fields
    if field not in fields:
        return [say("field_name", f"{kind} have no figure '{field}'")]
    refused = evidence.chosen and choice_problem(evidence, declared_unit(kind, field))
    return [say("chosen", refused)] if refused else []


def portfolio_problems(portfolio: Portfolio) -> list[str]:
    """Every rule over a whole portfolio; [] when it may be stored as it is."""
    from model.redaction import check_confidential_fields

    facts, problems = PortfolioFacts(), []
    for kind in ORDER:
        records = getattr(portfolio, kind)
        text = not _all_text_fine(records, kind)
        for i, record in enumerate(records):
            problems += record_problems(kind, record, facts, index=i, new=True, text=text)
            if kind == "evidence":
                problems += evidence_problems(record, facts, i)
            facts.add(kind, record, f"the {ordinal(i + 1)} {KINDS[kind].singular}")
    for block_id, deals in facts.deals_by_block.items():
        name = facts.record_name("blocks", block_id)
        problems += offtake_problems(block_id, name, deals)
    for i, scenario in enumerate(portfolio.scenarios):
        problems += scenario_problems(scenario, facts, index=i)
        facts.scenarios.append(scenario.name)
    problems += chosen_problems(portfolio.evidence)
    problems += text_problems(portfolio.target, said_of_whole("target"))
    problems += text_problems(portfolio.assumptions, said_of_whole("assumptions"))  # sources
    problems += text_problems(portfolio, said_of_whole("portfolio"))  # its name
    return problems + check_confidential_fields(portfolio.confidential_fields)


# --- one record changed, asked before writing (the desktop's editors) ----------------------------


class MemoryFacts:
    """Facts about a portfolio in memory for one proposed change: a few scans, nothing indexed
    (building `PortfolioFacts` for 10,000 blocks would cost more than the scans)."""

    def __init__(self, portfolio: Portfolio):
        self.portfolio = portfolio

    def id_owner(self, kind: str, record_id: str) -> str | None:
        records = getattr(self.portfolio, kind)
        return "" if any(r.id == record_id for r in records) else None

    def name_owner(self, kind: str, name: str, record_id: str) -> str | None:
        records = getattr(self.portfolio, kind)
        return next((r.id for r in records if r.name == name and r.id != record_id), None)

    def deals_on_block(self, block_id: str) -> list[Deal]:
        return [d for d in self.portfolio.deals if d.block_id == block_id]

    def record_name(self, kind: str, record_id: str) -> str | None:
        found = next((r for r in getattr(self.portfolio, kind) if r.id == record_id), None)
        return getattr(found, "name", None)

    def scenario_names(self) -> list[str]:
        return [s.name for s in self.portfolio.scenarios]


def change_problems(
    portfolio: Portfolio, kind: str, record_id: str, changes: dict[str, Any]
) -> tuple[BaseModel | None, list[str]]:
    """(the record as it would be stored, []) or (None, why not): the same rules a store write
    runs (the declaration, then `record_problems` and `deal_problems`), asked of a portfolio in
    memory before writing, in the declared labels and units ('Offtake share: 150.0 % is more
    than the most allowed, 100.0 %'). The desktop's editors show these words."""
    declared = KINDS[kind]
    current = next(r for r in getattr(portfolio, kind) if r.id == record_id)
    try:
        record = declared.record.model_validate({**current.model_dump(), **changes})
    except ValidationError as exc:
        return None, [_value_problem(kind, error) for error in exc.errors()]
    facts = MemoryFacts(portfolio)
    problems = [_labelled(kind, p) for p in record_problems(kind, record, facts, new=False)]
    if kind == "deals" and deal_problems(record, facts):
        problems.append(_offtake_problem(portfolio, record))
    return (None, problems) if problems else (record, [])


def _label(kind: str, field: str) -> str:
    info = KINDS[kind].fields.get(field)
    return meta(info).label if info is not None else field


def _labelled(kind: str, problem: Problem) -> str:
    """A rule's problem as the editor beside the cell says it: 'Name: ...' (the record is the
    one being edited)."""
    if problem.field in KINDS[kind].fields:
        return f"{_label(kind, problem.field)}: {problem.message}"
    return str(problem)


def _value_problem(kind: str, error: Any) -> str:
    """One declaration error in the field's label and unit."""
    from model.interchange import describe_error  # it reads portfolios, which use these rules

    field = str(error["loc"][0]) if error["loc"] else ""
    info, value = KINDS[kind].fields.get(field), error.get("input")
    ctx = error.get("ctx") or {}
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    if info is not None and numeric and error["type"] == "less_than_equal":
        text = f"{shown(info, value)} is more than the most allowed, {shown(info, ctx['le'])}"
    elif info is not None and numeric and error["type"] == "greater_than_equal":
        text = f"{shown(info, value)} is less than the least allowed, {shown(info, ctx['ge'])}"
    elif value is None and error["type"] in ("float_type", "int_type", "string_type"):
        text = "a value is needed (it cannot be left unknown)"
    else:
        text = describe_error(error)
    return f"{_label(kind, field)}: {text}"


def offtake_limit(portfolio: Portfolio, deal_id: str) -> str:
    """The most a deal's offtake share may be, and why ('At most 95.0 %: other deals on block
    'nolans' (Nolans) take 5.0 % of its output (nmdc-nolans 5.0 %)'): the offtake rule's room
    (`offtake_room`), for the editor's tip."""
    most, why, _ = _room(portfolio, next(d for d in portfolio.deals if d.id == deal_id))
    return f"At most {most}: {why}"


def _offtake_problem(portfolio: Portfolio, deal: Deal) -> str:
    """The offtake rule broken by one deal, said as the room its block has left, with the
    other deals' ids and what all of them together would take."""
    most, why, others = _room(portfolio, deal)
    total = _share(others + deal.offtake_share)
    return (
        f"{_label('deals', 'offtake_share')}: {_share(deal.offtake_share)} is more than the most "
        f"allowed, {most}: {why}; with this deal they would take {total}"
    )


def _room(portfolio: Portfolio, deal: Deal) -> tuple[str, str, float]:
    """(the most `deal` may take of its block, shown; why: what the block's other deals take,
    by id; what they take)."""
    on_block = [d for d in portfolio.deals if d.block_id == deal.block_id]
    room, others = offtake_room(on_block, deal.id)
    live = [d for d in on_block if d.id != deal.id and d.status != DealStatus.rejected]
    block = named(
        "blocks", deal.block_id, MemoryFacts(portfolio).record_name("blocks", deal.block_id)
    )
    by_deal = " (" + ", ".join(f"{d.id} {_share(d.offtake_share)}" for d in live) + ")"
    why = f"other deals on {block} take {_share(others)} of its output{by_deal if live else ''}"
    return _share(room), why, others

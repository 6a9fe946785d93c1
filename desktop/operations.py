"""The only way the GUI changes a portfolio: named edits, each one store transaction and one
undo step. An edit the store refuses raises InvalidEdit and pushes nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop import style
from desktop.evidence_rows import field_label, record_label, value_text
from desktop.session import PortfolioSession
from model.assumptions import Assumptions
from model.demand import Demand
from model.domain import KINDS
from model.evidence import RECORD_KINDS as EVIDENCE_RECORD_KINDS
from model.evidence import applied_value, flag_changes, hand_marks, refusal
from model.field_words import label
from model.portfolio import Portfolio
from model.scenario import Scenario, Target
from model.store import WHOLE_FIGURES, Edit, InvalidEdit


def run(session: PortfolioSession, text: str, redo: Sequence[Edit], undo: Sequence[Edit]) -> None:
    """Record edits applied as one transaction, undone by `undo` as another."""
    store = session.store
    redo, undo = list(redo), list(undo)
    _push(session, text, lambda: store.apply(redo), lambda: store.apply(undo))


def _named(portfolio: Portfolio, kind: str, fields: dict[str, Any]) -> str:
    """A record as the tables name it: 'block Mt Weld', or for a deal its block and firm
    ('Nolans deal (KABIL)'); the id only when there is nothing else."""
    if kind == "deals" and {"block_id", "firm_id"} <= fields.keys():
        blocks = {b.id: b.name for b in portfolio.blocks}
        firms = {f.id: f.name for f in portfolio.firms}
        block, firm = fields["block_id"], fields["firm_id"]
        return f"{blocks.get(block, block)} deal ({firms.get(firm, firm)})"
    return f"{KINDS[kind].singular} {fields.get('name') or fields['id']}"


def _field_words(kind: str, fields: Any) -> str:
    """'offtake share, start year': the declared labels, not the attribute names."""
    words = []
    for name in fields:
        try:
            words.append(label(kind, name))
        except (KeyError, ValueError):  # not a declared field: say it as stored
            words.append(name)
    return ", ".join(words)


def _mark_edits(marks: dict[str, int], portfolio: Portfolio) -> tuple[list[Edit], list[Edit]]:
    """The edits that move `chosen` marks, and those that put them back: marks taken off
    first, so a figure never has two values in use."""
    old = {e.id: e.chosen for e in portfolio.evidence if e.id in marks}

    def edits(to: dict[str, int]) -> list[Edit]:
        return [
            Edit("update", "evidence", i, {"chosen": m})
            for i, m in sorted(to.items(), key=lambda item: item[1])
        ]

    return edits(marks), edits(old)


def _hand_marks(
    session: PortfolioSession, kind: str, record_id: str, fields: dict[str, Any]
) -> tuple[list[Edit], list[Edit]]:
    """A value typed by hand moves its figure's `chosen` mark in the same edit: to the sourced
    value it equals, else to none (model.evidence.hand_marks)."""
    portfolio = session.portfolio
    return _mark_edits(hand_marks(portfolio, kind, record_id, fields), portfolio)


def set_record_fields(session: PortfolioSession, kind: str, record_id: str, **fields: Any) -> None:
    current = session.store.get(kind, record_id)
    old = {name: getattr(current, name) for name in fields}
    if old == fields:
        return
    names = _field_words(kind, fields)
    mark, unmark = _hand_marks(session, kind, record_id, fields)
    run(
        session,
        f"Set {names} of {_named(session.portfolio, kind, current.model_dump())}",
        [Edit("update", kind, record_id, fields), *mark],
        [Edit("update", kind, record_id, old), *unmark],
    )


def add_record(session: PortfolioSession, kind: str, fields: dict[str, Any]) -> None:
    run(
        session,
        f"Add {_named(session.portfolio, kind, fields)}",
        [Edit("add", kind, fields["id"], fields)],
        [Edit("delete", kind, fields["id"])],
    )


def dependents(session: PortfolioSession, kind: str, record_id: str) -> tuple[list, list]:
    """The deals that go with a block or firm, and the plants a firm would lose."""
    portfolio = session.portfolio
    refers = dict(KINDS[kind].dependents())  # e.g. {'deals': 'firm_id', 'plants': 'firm_id'}
    deals, plants = (
        [r for r in getattr(portfolio, k) if k in refers and getattr(r, refers[k]) == record_id]
        for k in ("deals", "plants")
    )
    return deals, plants


def delete_record(session: PortfolioSession, kind: str, record_id: str) -> None:
    """Delete a record with its deals and its sourced values (and detach a firm's plants); undo
    restores them all."""
    record = session.store.get(kind, record_id)
    deals, plants = dependents(session, kind, record_id)
    sourced = [
        e for e in session.portfolio.evidence if (e.record_kind, e.record_id) == (kind, record_id)
    ]
    undo = [Edit("add", kind, record_id, record.model_dump())]
    undo += [Edit("add", "deals", d.id, d.model_dump()) for d in deals]
    undo += [Edit("update", "plants", p.id, {"firm_id": record_id}) for p in plants]
    undo += [Edit("add", "evidence", e.id, e.model_dump()) for e in sourced]
    run(
        session,
        f"Delete {_named(session.portfolio, kind, record.model_dump())}",
        [Edit("delete", kind, record_id, cascade=True)],
        undo,
    )


def apply_what_if(
    session: PortfolioSession,
    block_id: str,
    block_fields: dict[str, Any],
    deal_fields: dict[str, dict[str, Any]],
) -> None:
    """Write a what-if (block nameplate/first year, deal offtakes/start) as one undo step.
    Deals lowering their share go first, so a shift between deals never passes the cap."""
    block = session.store.get("blocks", block_id)
    redo: list[Edit] = []
    undo: list[Edit] = []
    marks: tuple[list[Edit], list[Edit]] = ([], [])
    if block_fields:
        redo.append(Edit("update", "blocks", block_id, block_fields))
        undo.append(
            Edit("update", "blocks", block_id, {k: getattr(block, k) for k in block_fields})
        )
        marks = _hand_marks(session, "blocks", block_id, block_fields)
    current = {d.id: d for d in session.portfolio.deals}

    def lowers_share(item: tuple[str, dict[str, Any]]) -> bool:
        deal_id, fields = item
        return fields.get("offtake_share", 0.0) <= current[deal_id].offtake_share

    for deal_id, fields in sorted(deal_fields.items(), key=lambda i: not lowers_share(i)):
        redo.append(Edit("update", "deals", deal_id, fields))
    for deal_id, fields in sorted(deal_fields.items(), key=lowers_share):
        old = {k: getattr(current[deal_id], k) for k in fields}
        undo.append(Edit("update", "deals", deal_id, old))
    if redo:
        run(session, f"What-if on {block.name}", [*redo, *marks[0]], [*undo, *marks[1]])


class _Do(QUndoCommand):
    """An edit already applied, with the functions that redo and undo it. QUndoStack.push calls
    redo() at once: the first call is skipped, because _push applied the edit already. Each
    step tells the session (undoStepped), so a message it made untrue is replaced."""

    def __init__(
        self,
        session: PortfolioSession,
        text: str,
        redo: Callable[[], None],
        undo: Callable[[], None],
    ):
        super().__init__(text)
        self._session, self._redo, self._undo, self._applied = session, redo, undo, True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            self._session.undoStepped.emit("")
            return
        self._redo()
        self._session.undoStepped.emit(f"Redone: {self.text()}")

    def undo(self) -> None:
        self._undo()
        self._session.undoStepped.emit(f"Undone: {self.text()}")


def _push(session: PortfolioSession, text: str, redo: Callable[[], None], undo: Callable[[], None]):
    redo()  # raises InvalidEdit: nothing pushed
    session.undo_stack.push(_Do(session, text, redo, undo))


def replace_portfolio(session: PortfolioSession, portfolio: Portfolio, text: str) -> None:
    """Replace everything (an import); undo puts the previous portfolio back."""
    store = session.store
    before = store.load_portfolio()
    _push(
        session,
        text,
        lambda: store.replace_portfolio(portfolio),
        lambda: store.replace_portfolio(before),
    )


def put_scenario(
    session: PortfolioSession, scenario: Scenario, replacing: str | None = None
) -> None:
    """Add a scenario, or replace (and maybe rename) the one named `replacing`; it is stored
    with a colour no other scenario has (a copy gets its own)."""
    store = session.store
    scenario = style.coloured(session.portfolio, scenario, replacing)
    if replacing is None:
        _push(
            session,
            f"Add scenario {scenario.name}",
            lambda: store.put_scenario(scenario),
            lambda: store.delete_scenario(scenario.name),
        )
        return
    old = next(x for x in store.scenarios() if x.name == replacing)
    _push(
        session,
        f"Edit scenario {replacing}",
        lambda: store.put_scenario(scenario, replacing=replacing),
        lambda: store.put_scenario(old, replacing=scenario.name),
    )


def delete_scenario(session: PortfolioSession, name: str) -> None:
    """Delete a scenario; undo puts it back in its place in the list (one transaction)."""
    store = session.store
    scenarios = store.scenarios()
    _push(
        session,
        f"Delete scenario {name}",
        lambda: store.delete_scenario(name),
        lambda: store.replace_scenarios(scenarios),
    )


def set_confidential_fields(session: PortfolioSession, names: list[str]) -> None:
    store = session.store
    before = store.confidential_fields()
    _push(
        session,
        "Set confidential fields",
        lambda: store.set_confidential_fields(names),
        lambda: store.set_confidential_fields(before),
    )


def set_demand(session: PortfolioSession, demand: Demand, text: str = "Edit demand path") -> None:
    """Replace the demand path (its figures, presets, per-year overrides) as one undo step."""
    store = session.store
    before = store.demand()
    if before == demand:
        return
    if not _whole_edit(session, "demand", "india", before, demand, text):
        _push(session, text, lambda: store.set_demand(demand), lambda: store.set_demand(before))


def _whole_edit(
    session: PortfolioSession, kind: str, record_id: str, before: Any, after: Any, text: str
) -> bool:
    """The demand's or the assumptions' changed fields as one edit with the `chosen` marks
    they move; False (nothing done) when they move none."""
    was, now = before.model_dump(), after.model_dump()
    fields = {k: v for k, v in now.items() if was[k] != v}
    mark, unmark = _hand_marks(session, kind, record_id, fields)
    if not mark:
        return False
    old = {k: was[k] for k in fields}
    run(
        session,
        text,
        [Edit("update", kind, record_id, fields), *mark],
        [Edit("update", kind, record_id, old), *unmark],
    )
    return True


def choose_evidence(session: PortfolioSession, evidence_id: str) -> None:
    """Use another sourced value of a figure: its value goes into the figure and the mark moves
    to it: one transaction, one undo step (a record's field, the demand path or an assumption)."""
    store = session.store
    portfolio = session.portfolio
    chosen = next(e for e in portfolio.evidence if e.id == evidence_id)
    kind, record_id, field = chosen.record_kind, chosen.record_id, chosen.field_name
    if kind not in (*EVIDENCE_RECORD_KINDS, *WHOLE_FIGURES):
        raise ValueError(f"sourced values of '{kind}' figures cannot be chosen here")
    refused = refusal(portfolio, chosen)
    if refused:
        raise InvalidEdit([refused])
    mark_edits, unmark_edits = _mark_edits(flag_changes(portfolio, evidence_id), portfolio)
    value = applied_value(kind, field, chosen.value)
    records = getattr(portfolio, kind) if kind in KINDS else []
    record = next((r for r in records if r.id == record_id), None)
    # The undo step's name (Edit menu, 'Undone: …' in the status bar): names and labels, no ids.
    text = (
        f"Use {value_text(kind, field, chosen.value)} {chosen.unit} for "
        f"{record_label(record, kind, record_id)}: {field_label(kind, field)}"
    )
    current = {"demand": store.demand, "assumptions": store.assumptions}
    figure = current[kind]() if kind in current else store.get(kind, record_id)
    old = getattr(figure, field)
    run(
        session,
        text,
        [Edit("update", kind, record_id, {field: value}), *mark_edits],
        [Edit("update", kind, record_id, {field: old}), *unmark_edits],
    )


def set_assumptions(session: PortfolioSession, assumptions: Assumptions) -> None:
    store = session.store
    before = store.assumptions()
    if before == assumptions or _whole_edit(
        session, "assumptions", "", before, assumptions, "Set assumptions"
    ):
        return
    _push(
        session,
        "Set assumptions",
        lambda: store.set_assumptions(assumptions),
        lambda: store.set_assumptions(before),
    )


def set_target(session: PortfolioSession, target: Target) -> None:
    store = session.store
    before = store.target()
    if before == target:
        return
    _push(
        session,
        "Set target path",
        lambda: store.set_target(target),
        lambda: store.set_target(before),
    )


def set_name(session: PortfolioSession, name: str) -> None:
    store = session.store
    before = store.name()
    if before == name.strip():
        return
    _push(
        session,
        f"Rename portfolio {name}",
        lambda: store.set_name(name),
        lambda: store.set_name(before),
    )


def set_china_share(
    session: PortfolioSession, share: float, path: dict[int, float], evidence_id: str = ""
) -> None:
    """China's share of magnet imports, for every year and per-year overrides: one transaction,
    one undo step. `evidence_id` names the sourced value `share` was taken from: its value is
    used and the figure's chosen mark moves to it in the same transaction."""
    before = session.store.demand()
    portfolio = session.portfolio
    if evidence_id:
        share = next(e.value for e in portfolio.evidence if e.id == evidence_id)
        marks = flag_changes(portfolio, evidence_id)
    else:  # typed by hand: the mark goes to the sourced value it equals, else to none
        marks = hand_marks(portfolio, "demand", "india", {"china_share": share})
    fields = {"china_share": share, "china_share_path": dict(path)}
    old = {"china_share": before.china_share, "china_share_path": dict(before.china_share_path)}
    if fields == old and not marks:
        return
    mark, unmark = _mark_edits(marks, portfolio)
    run(
        session,
        "Set China's share of magnet imports",
        [Edit("update", "demand", "india", fields), *mark],
        [Edit("update", "demand", "india", old), *unmark],
    )

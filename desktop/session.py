"""One open portfolio in the GUI: its store, undo stack, view settings and current projection.

Data flows one way: edit -> store -> changes -> session -> views. The store announces what each
committed transaction changed (table, ids, fields); the session patches its portfolio and the
model's record columns for just those records (one row for a one-field edit), recomputes only
when an edit can move a number, and tells the views through three signals:

* `portfolioChanged(changes)`: records, scenarios, assumptions, target or name changed;
* `projectionChanged()`: the projection is new (an edit that moves numbers, mode, scenario,
  horizon);
* `viewSettingsChanged()`: the target year or the stacking changed; nothing was recomputed.

Views listen to these and never read the store themselves.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from model.blas import one_thread
from model.domain import KINDS, TABLE_KINDS
from model.fields import MONEY, meta, unique
from model.inputs import ProjectionInputs, build_inputs
from model.portfolio import Portfolio
from model.projection import Projection, compute
from model.record_columns import MODEL_FIELDS, RecordColumns, columns_of, remember
from model.scenario import HORIZON_END, HORIZON_START, TARGET_YEAR, Mode, Scenario
from model.scenarios import find_scenario
from model.store import Change, Store

# Fields shown in the analysis views' labels and per-USD figures: an edit of one makes them stale.
# The records' names and money figures come from the declarations; a firm's kind is a label too.
LABEL_FIELDS = frozenset(
    name
    for k in KINDS.values()
    for name, info in k.fields.items()
    if unique(info) or meta(info).unit == MONEY
) | {"kind"}


def moves_numbers(change: Change) -> bool:
    """Can this change move a projected number? (A firm's notes cannot; a nameplate can.)"""
    if change.table in ("*", "assumptions", "target"):
        return True
    if change.table not in TABLE_KINDS:
        return False
    if change.action != "update" or not change.fields:
        return change.table != "firms"
    return bool(MODEL_FIELDS[change.table].intersection(change.fields))


def relabels(change: Change) -> bool:
    """Does this change alter what the analysis views show besides numbers (names, costs)?"""
    if change.table in ("*", "scenarios", "meta") or change.action != "update":
        return True
    return not change.fields or bool(LABEL_FIELDS.intersection(change.fields))


class PortfolioSession(QObject):
    portfolioChanged = Signal(list)  # list[Change]: what the last committed transaction changed
    projectionChanged = Signal()  # a new projection: numbers may have moved
    viewSettingsChanged = Signal()  # target year or stacking: redraw, nothing recomputed
    undoStepped = Signal(str)  # 'Undone: …'/'Redone: …' after an undo/redo, '' after a new edit

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.mode: Mode | None = None  # None: the scenario's own mode
        self.scenario_name: str | None = None
        self.start, self.end = HORIZON_START, HORIZON_END
        self.target_year = TARGET_YEAR
        self.group_by = "country"  # stack the projection by 'country' or 'block'
        self.revision = 0  # +1 whenever the portfolio's numbers change (a cache key)
        self._positions: dict[str, dict[str, int]] = {}
        self.portfolio: Portfolio = store.load_portfolio()
        self.columns: RecordColumns = columns_of(self.portfolio)
        self.inputs: ProjectionInputs
        self.projection: Projection
        self._recompute()
        self._unsubscribe = store.subscribe(self._on_store_changed)

    @classmethod
    def open(
        cls, path: str | Path, parent: QObject | None = None, *, read_only: bool = False
    ) -> PortfolioSession:
        """Open a portfolio file (StoreError subclasses propagate for the GUI to show)."""
        return cls(Store.open(path, read_only=read_only), parent)

    @property
    def path(self) -> Path:
        return self.store.path

    def close(self) -> None:
        self._unsubscribe()
        self.store.close()

    # --- settings that change what is projected -------------------------------------------

    def scenario(self) -> Scenario | None:
        if self.scenario_name is None:
            return None
        try:  # stored in the portfolio, or built in (the same list as the CLI's --scenario)
            return find_scenario(self.portfolio, self.scenario_name)
        except KeyError:
            return None

    def effective_mode(self) -> Mode:
        if self.mode is not None:
            return self.mode
        scenario = self.scenario()
        return scenario.mode if scenario else Mode.expected

    def set_mode(self, mode: Mode | str | None) -> None:
        self.mode = Mode(mode) if mode else None
        self._recompute_and_emit()

    def set_scenario(self, name: str | None) -> None:
        self.scenario_name = name or None
        self._recompute_and_emit()

    def set_horizon(self, start: int, end: int) -> None:
        if end < start:
            raise ValueError(f"horizon: end year {end} is before start year {start}")
        self.start, self.end = start, end
        self.target_year = min(max(self.target_year, start), end)
        self._recompute_and_emit()

    # --- settings that change only what is shown ------------------------------------------

    def set_target_year(self, year: int) -> None:
        self.target_year = min(max(year, self.start), self.end)
        self.viewSettingsChanged.emit()

    def set_group_by(self, group_by: str) -> None:
        if group_by not in ("country", "block"):
            raise ValueError(f"stack by: '{group_by}' is not 'country' or 'block'")
        self.group_by = group_by
        self.viewSettingsChanged.emit()

    # --- reacting to edits -----------------------------------------------------------------

    def _on_store_changed(self, changes: list[Change]) -> None:
        moved = self._take(changes)
        if self.scenario_name and self.scenario() is None:
            self.scenario_name = None  # the scenario was deleted or renamed
            moved = True
        if moved:
            self.revision += 1
            self._recompute()
        self.portfolioChanged.emit(changes)
        if moved:
            self.projectionChanged.emit()

    def _take(self, changes: list[Change]) -> bool:
        """Bring the portfolio and the record columns up to date with `changes`, reading only
        what changed; True if a projected number may have moved."""
        if any(c.table == "*" for c in changes):
            return self._reload()
        update: dict[str, object] = {}
        rows: dict[str, list[int]] = {}  # indices of records replaced in place, by kind
        moved = False
        for change in changes:
            if change.table in TABLE_KINDS:
                records = update.setdefault(
                    change.table, list(getattr(self.portfolio, change.table))
                )
                rows.setdefault(change.table, []).extend(self._patch(records, change))
            elif change.table == "scenarios":
                update["scenarios"] = self.store.scenarios()
                moved |= self.scenario_name in change.ids  # the one projected
            elif change.table == "assumptions":
                update["assumptions"] = self.store.assumptions()
            elif change.table == "target":
                update["target"] = self.store.target()
            elif change.table == "evidence":
                update["evidence"] = self.store.list("evidence")
            elif change.table == "meta":
                update["name"] = self.store.name()
                update["confidential_fields"] = self.store.confidential_fields()
                update["demand"] = self.store.demand()
            else:  # a table not known here: read everything again
                return self._reload()
            moved |= moves_numbers(change)
        self.portfolio = self.portfolio.model_copy(
            update=update
        )  # a new value: workers keep theirs
        if update.keys() & {"blocks", "deals", "plants"}:
            p = self.portfolio
            self.columns = self.columns.with_records(p.blocks, p.deals, p.plants, rows)
            remember(p, self.columns)
        return moved

    def _reload(self) -> bool:
        self._positions.clear()
        self.portfolio = self.store.load_portfolio()
        self.columns = columns_of(self.portfolio)
        return True

    def _patch(self, records: list, change: Change) -> list[int]:
        """Apply one change to a list of records in place, reading changed records from the
        store (validated there), in the store's order (new records last). Returns the indices
        of records replaced in place."""
        if change.action == "add":
            self._positions.pop(change.table, None)
            records.extend(self.store.get(change.table, i) for i in change.ids)
            return []
        if change.action == "delete":
            self._positions.pop(change.table, None)
            ids = set(change.ids)
            records[:] = [r for r in records if r.id not in ids]
            return []
        at = self._position(change.table, records)
        found = [at[i] for i in change.ids if i in at]
        for k in found:
            records[k] = self.store.get(change.table, records[k].id)
        return found

    def _position(self, kind: str, records: list) -> dict[str, int]:
        """id -> index of the records of a kind (kept until an add or delete shifts them)."""
        if kind not in self._positions:
            self._positions[kind] = {r.id: k for k, r in enumerate(records)}
        return self._positions[kind]

    def _recompute(self) -> None:
        self.inputs = build_inputs(
            self.portfolio,
            self.scenario(),
            mode=self.mode,
            start=self.start,
            end=self.end,
            columns=self.columns,
        )
        with one_thread():
            self.projection = compute(self.inputs)

    def _recompute_and_emit(self) -> None:
        self._recompute()
        self.projectionChanged.emit()

"""One open portfolio in the GUI: its store, undo stack, view settings and current projection.

Data flows one way: store -> portfolio -> inputs -> projection -> views. The session listens to
the store; views listen to the session's signals and never read the store themselves.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from model.inputs import ProjectionInputs, build_inputs
from model.portfolio import Portfolio
from model.projection import Projection, compute
from model.scenario import Mode, Scenario
from model.store import Change, Store

DEFAULT_TARGET_YEAR = 2030


class PortfolioSession(QObject):
    portfolioChanged = Signal(list)  # list[Change]: what the last committed edit changed
    projectionChanged = Signal()  # new projection (after an edit or a view-setting change)

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.mode: Mode | None = None  # None: the scenario's own mode
        self.scenario_name: str | None = None
        self.start, self.end = 2025, 2040
        self.target_year = DEFAULT_TARGET_YEAR
        self.portfolio: Portfolio = store.load_portfolio()
        self.inputs: ProjectionInputs
        self.projection: Projection
        self._recompute()
        self._unsubscribe = store.subscribe(self._on_store_changed)

    @classmethod
    def open(cls, path: str | Path, parent: QObject | None = None) -> PortfolioSession:
        """Open a portfolio file (StoreError subclasses propagate for the GUI to show)."""
        return cls(Store.open(path), parent)

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
        try:
            return self.portfolio.scenario(self.scenario_name)
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

    def set_target_year(self, year: int) -> None:
        self.target_year = min(max(year, self.start), self.end)
        self.projectionChanged.emit()

    # --- reacting to edits -----------------------------------------------------------------

    def _on_store_changed(self, changes: list[Change]) -> None:
        self.portfolio = self.store.load_portfolio()
        if self.scenario_name and self.scenario() is None:
            self.scenario_name = None  # the scenario was deleted or renamed
        self.portfolioChanged.emit(changes)
        self._recompute_and_emit()

    def _recompute(self) -> None:
        self.inputs = build_inputs(
            self.portfolio, self.scenario(), mode=self.mode, start=self.start, end=self.end
        )
        self.projection = compute(self.inputs)

    def _recompute_and_emit(self) -> None:
        self._recompute()
        self.projectionChanged.emit()

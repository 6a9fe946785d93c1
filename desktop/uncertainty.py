"""Keeps a Monte Carlo result for the open portfolio, recomputed in the background after edits.

Runs are debounced (a burst of edits starts one run) and a newer run cancels an older one, so the
band and the headline always describe the portfolio as it is now.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.session import PortfolioSession
from desktop.worker import TaskRunner
from model.band_words import band_figures, headline_note
from model.montecarlo import DRAWS, MonteCarloResult, monte_carlo
from model.number_text import chance

SEED = 1
DEBOUNCE_MS = 250


class UncertaintyController(QObject):
    resultChanged = Signal(object)  # MonteCarloResult, or None while a new one is computed

    def __init__(
        self, session: PortfolioSession, parent: QObject | None = None, draws: int = DRAWS
    ):
        super().__init__(parent)
        self.session = session
        self.draws = draws
        self.result: MonteCarloResult | None = None
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._on_done)
        self.runner.failed.connect(self._on_failed)
        self.error = ""
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)
        self._key: tuple | None = None
        session.projectionChanged.connect(self.schedule)
        self.schedule()

    def _inputs_key(self) -> tuple:
        s = self.session
        return (s.revision, s.scenario_name, s.start, s.end)  # not the mode: draws use none

    def schedule(self) -> None:
        """After a change: run again unless nothing the draws depend on has changed."""
        if self._inputs_key() != self._key:
            self._timer.start()

    def run_now(self) -> None:
        s = self.session
        self._key = self._inputs_key()
        if self.result is not None:  # the band of the portfolio as it was goes at once
            self.result = None
            self.resultChanged.emit(None)
        self.runner.start(
            monte_carlo,
            portfolio=s.portfolio,
            scenario=s.scenario(),
            draws=self.draws,
            seed=SEED,
            start=s.start,
            end=s.end,
        )

    def _on_done(self, result: MonteCarloResult) -> None:
        self.result, self.error = result, ""
        self.resultChanged.emit(result)

    def _on_failed(self, message: str) -> None:
        self.error = message
        self.resultChanged.emit(None)

    def headline(self) -> str:
        year = self.session.target_year
        if self.result is None:
            return (
                f"P(target met in {year}) = …"
                if not self.error
                else f"Monte Carlo failed: {self.error}"
            )
        if not self.result.years[0] <= year <= self.result.years[-1]:
            return ""
        k = year - int(self.result.years[0])
        if self.session.projection.target[self.session.projection.year_index(year)] <= 0:
            return f"No target set for {year}"
        p = chance(self.result.p_target[k], self.result.n, say_draws=True)
        return f"P(target met in {year}) = {p}"

    def note(self) -> str:
        """Where the figures look contradictory, why (the projection's figure outside the band),
        and in committed or all that the band does not depend on the mode (model.band_words)."""
        s = self.session
        return headline_note(band_figures(s.projection, self.result, s.target_year))

    def sourced(self) -> tuple[str, str]:
        """Which sizes the draws take from their sourced values: a short line and, for its
        tooltip, every one of them and those not drawn with why ('' while none is known)."""
        result = self.result
        if result is None or not (result.sourced or result.not_drawn):
            return "", ""
        full = [f"{r.describe()}" for r in result.sourced]
        tip = "Drawn from sourced values (triangular: lowest, value in use, highest):\n" + (
            "\n".join(full) if full else "none"
        )
        if result.not_drawn:
            tip += "\n\nNot drawn:\n" + "\n".join(result.not_drawn)
        if not full:
            return "No size drawn from sourced values (hover for why)", tip
        more = f" and {len(full) - 1} more" if len(full) > 1 else ""
        return f"Drawn from sourced values: {full[0]}{more}", tip

    def shutdown(self) -> None:
        self._timer.stop()
        self.runner.shutdown()

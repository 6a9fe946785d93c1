"""File > Export Briefing: the figures are computed in the background with a progress dialog
(Cancel stops them); the document is laid out and printed on the GUI thread, which takes well
under a second. The briefing uses the window's scenario, mode, horizon and target year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.report import BriefingFigures, compute_figures, document_from, write_pdf
from desktop.session import PortfolioSession
from desktop.worker import TaskRunner
from model.choices import DRAWS
from model.optimise import PlanResult


class BriefingExport(QObject):
    finished = Signal(str)  # what to tell the user (written, or why not)

    def __init__(
        self,
        session: PortfolioSession,
        path: str | Path,
        include_confidential: bool,
        parent: QWidget,
        draws: int = DRAWS,
        today: date | None = None,
        plan: PlanResult | None = None,  # the Plan tab's plan: the recommended-plan page
    ):
        super().__init__(parent)
        self.path, self.include, self.today = Path(path), include_confidential, today
        self.plan = plan
        self.done = False
        self.progress = QProgressDialog(
            "Computing the briefing's figures…", "Cancel", 0, 100, parent
        )
        self.progress.setObjectName("briefingProgress")
        self.progress.setWindowTitle("Export briefing")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.runner = TaskRunner(self)
        self.runner.progress.connect(self.progress.setValue)
        self.runner.finished.connect(self._write)
        self.runner.failed.connect(lambda m: self._finish(f"Briefing not written: {m}"))
        self.progress.canceled.connect(self._cancel)
        s = session
        self.runner.start(
            compute_figures,
            portfolio=s.portfolio,
            scenario=s.scenario(),
            mode=s.effective_mode(),
            start=s.start,
            end=s.end,
            year=s.target_year,
            draws=draws,
        )

    def _cancel(self) -> None:
        if not self.done:
            self.runner.cancel()
            self._finish("Briefing cancelled: nothing written")

    def _write(self, figures: BriefingFigures) -> None:
        self.progress.setLabelText("Writing the PDF…")
        try:
            doc = document_from(
                figures, include_confidential=self.include, today=self.today, plan=self.plan
            )
            pages = write_pdf(doc, self.path)
        except OSError as exc:
            reason = getattr(exc, "reason", exc)  # files.CannotWrite: without the path again
            self._finish(f"Briefing not written to {self.path}: {reason}")
            return
        if not self.path.is_file() or self.path.stat().st_size == 0:
            self._finish(f"Briefing not written: {self.path} cannot be written (folder or rights)")
            return
        left_out = "" if self.include else ", confidential fields left out"
        self._finish(f"Briefing written to {self.path} ({pages} pages{left_out})")

    def _finish(self, text: str) -> None:
        self.done = True
        self.progress.reset()
        self.progress.hide()
        self.runner.shutdown()
        self.finished.emit(text)

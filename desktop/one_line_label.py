"""A label that keeps to one line: its text is cut with '…' to the width it is given, so a long
note never makes its row taller (the whole line goes in its tooltip)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class OneLineLabel(QLabel):
    def __init__(self, parent: QWidget | None = None, **kwargs):
        super().__init__(parent, **kwargs)
        self.line = ""  # the whole text, however much of it shows
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_line(self, text: str) -> None:
        self.line = text
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self.line, Qt.TextElideMode.ElideRight, self.width()))

"""The window's status bar: a transient message on the left, cut with '…' to its own room, and
the permanent summary on the right as a separate widget, so the two never run into each other.
A message that an undo, redo or new edit has made untrue is replaced or cleared
(`PortfolioSession.undoStepped`)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStatusBar, QWidget

from desktop.one_line_label import OneLineLabel


class StatusBar(QStatusBar):
    """showMessage/clearMessage/currentMessage as QStatusBar's, but the message is a label
    (elided, the whole text in its tooltip) beside the permanent widgets, never painted over."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.message_label = OneLineLabel(objectName="statusMessage")
        self.addWidget(self.message_label, 1)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.clearMessage)

    def showMessage(self, text: str, timeout: int = 0) -> None:
        self.message_label.set_line(text)
        self.message_label.setToolTip(text)
        self._timer.stop()
        if text and timeout > 0:
            self._timer.start(timeout)
        self.messageChanged.emit(text)

    def clearMessage(self) -> None:
        if self.message_label.line:
            self.showMessage("")

    def currentMessage(self) -> str:
        return self.message_label.line

    def show_step(self, text: str) -> None:
        """After an undo or redo ('Undone: …'), or a new edit (''): what was said before is
        no longer true."""
        if text:
            self.showMessage(text, 8000)
        else:
            self.clearMessage()

"""The evidence register's place in the main window: a dock (View > Evidence register,
Ctrl+Shift+E) that opens floating over the lower left, so the projection stays in sight while a
value is chosen; it can be docked at any edge. One dock per window; its contents follow the open
portfolio. Where it was left (edge or floating, size, shown or not) is kept with the window's
state (MainWindow._restore_docks)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu

from desktop.evidence_view import EvidenceView
from desktop.session import PortfolioSession

SHORTCUT = "Ctrl+Shift+E"
FLOATING_SIZE = (720, 420)


class EvidenceDock(QDockWidget):
    def __init__(self, window: QMainWindow):
        super().__init__("Evidence register", window)
        self.setObjectName("evidenceDock")
        self.window_ = window
        self.register: EvidenceView | None = None
        self.setWidget(self._empty())
        self.placed = False  # True once shown or restored: its place is the user's
        action = self.toggleViewAction()
        action.setText("&Evidence Register")
        action.setShortcut(QKeySequence(SHORTCUT))
        action.setToolTip("Every sourced value, conflicting figures side by side")
        self._menu(window).addAction(action)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        self.setFloating(True)
        self.hide()
        self.visibilityChanged.connect(self._place)

    @staticmethod
    def _menu(window: QMainWindow) -> QMenu:
        for action in window.menuBar().actions():
            menu = action.menu()
            if menu is not None and menu.title().replace("&", "") == "View":
                menu.addSeparator()
                return menu
        return window.menuBar().addMenu("&View")

    @staticmethod
    def _empty() -> QLabel:
        label = QLabel("No portfolio is open.")
        label.setMargin(20)
        return label

    def _place(self, visible: bool) -> None:
        """The first time it opens: over the lower left (tables above it, chart to its right)."""
        if not visible or self.placed or not self.isFloating():
            return
        self.placed = True
        w = self.window_
        width = min(FLOATING_SIZE[0], w.width())
        height = min(FLOATING_SIZE[1], w.height() - 80)
        corner = w.mapToGlobal(QPoint(0, w.height() - height - 24))
        self.setGeometry(corner.x(), corner.y(), width, height)

    def show_session(self, session: PortfolioSession) -> EvidenceView:
        register = EvidenceView(session)
        register.message.connect(lambda text: self.window_.statusBar().showMessage(text, 8000))
        register.recordRequested.connect(self._go_to)
        if self.register is not None:
            self.register.session.portfolioChanged.disconnect(self.register._on_portfolio_changed)
        self._replace(register)
        self.register = register
        return register

    def close_session(self) -> None:
        if self.register is not None:
            self.register.session.portfolioChanged.disconnect(self.register._on_portfolio_changed)
            self.register = None
            self._replace(self._empty())

    def _replace(self, widget) -> None:
        old = self.widget()
        self.setWidget(widget)
        if old is not None:
            old.deleteLater()

    def _go_to(self, kind: str, record_id: str, field: str) -> None:
        """Select the record whose figure it is: its cell in the Blocks or Plants table, the
        Demand tab for the demand figures."""
        view = self.window_.view
        if view is None:
            return
        status = self.window_.statusBar()
        if kind == "demand":
            view.tabs.setCurrentWidget(view.demand)
        elif kind == "assumptions":
            status.showMessage(f"{field} is an assumption: Edit > Assumptions", 8000)
        elif any(r.id == record_id for r in getattr(view.session.portfolio, kind, [])):
            view.go_to_cell(f"cell:{kind}/{record_id}/{field}")
        else:
            status.showMessage(f"{record_id} is no longer in the portfolio", 8000)


def add_evidence_register(window: QMainWindow, session: PortfolioSession | None) -> EvidenceDock:
    """The window's evidence register dock (made once) showing `session` (None: nothing open)."""
    dock = window.findChild(EvidenceDock)
    if dock is None:
        dock = EvidenceDock(window)
    if session is None:
        dock.close_session()
    else:
        dock.show_session(session)
    return dock

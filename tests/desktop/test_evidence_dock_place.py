"""The evidence register dock is where the user left it after a restart: docked at an edge or
floating, its size, shown or hidden (kept with the window's state in QSettings)."""

from PySide6.QtCore import Qt

from desktop.app import build_window
from desktop.evidence_dock import EvidenceDock


def _reopened(qtbot, win, settings):
    win.close()
    again = build_window(None, settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    return again, again.findChild(EvidenceDock)


def test_a_docked_register_comes_back_docked_at_its_edge(qtbot, portfolio_path, settings):
    win = build_window(portfolio_path, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    dock = win.findChild(EvidenceDock)
    assert not dock.isVisible()  # first run: closed
    dock.toggleViewAction().trigger()
    dock.setFloating(False)
    win.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    qtbot.waitUntil(lambda: dock.isVisible() and not dock.isFloating())

    again, restored = _reopened(qtbot, win, settings)
    assert restored.isVisible()
    assert not restored.isFloating()
    assert again.dockWidgetArea(restored) == Qt.DockWidgetArea.RightDockWidgetArea
    assert restored.register is not None and restored.register.model.rowCount() > 0
    again.close()


def test_a_floating_register_comes_back_floating_where_it_was_with_its_size(
    qtbot, portfolio_path, settings
):
    # (a docked one's size: the offscreen screen, 800x800, leaves it no room to differ)
    win = build_window(portfolio_path, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    dock = win.findChild(EvidenceDock)
    dock.toggleViewAction().trigger()
    assert dock.isFloating()
    dock.setGeometry(60, 90, 640, 360)
    qtbot.waitUntil(lambda: dock.width() == 640)
    where = dock.pos()

    again, restored = _reopened(qtbot, win, settings)
    assert restored.isVisible() and restored.isFloating()
    assert (restored.width(), restored.height()) == (640, 360)
    assert restored.pos() == where  # not moved to the first-run place over the lower left
    again.close()


def test_a_register_closed_by_the_user_stays_closed(qtbot, portfolio_path, settings):
    win = build_window(portfolio_path, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    dock = win.findChild(EvidenceDock)
    dock.toggleViewAction().trigger()
    dock.setFloating(False)
    win.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    dock.toggleViewAction().trigger()  # Ctrl+Shift+E again: closed
    assert not dock.isVisible()

    again, restored = _reopened(qtbot, win, settings)
    assert not restored.isVisible()
    restored.toggleViewAction().trigger()  # opened again: at the edge it was left at
    assert restored.isVisible() and not restored.isFloating()
    assert again.dockWidgetArea(restored) == Qt.DockWidgetArea.LeftDockWidgetArea
    again.close()

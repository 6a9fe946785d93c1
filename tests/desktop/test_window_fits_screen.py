"""The main window on a small screen: first run and a geometry saved on a larger monitor both
open inside the screen's free area, so the right side and the status bar stay reachable."""

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QScreen

from desktop.main_window import MainWindow
from desktop.window_size import first_run_geometry, fits

SMALL = QRect(0, 0, 1280, 720 - 40)  # 1280x720 less a task bar


@pytest.fixture
def small_screen(monkeypatch):
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(SMALL))


def inside(window, free: QRect) -> bool:
    return free.contains(window.frameGeometry()) and free.contains(window.geometry())


def test_first_run_fits_a_small_screen(qtbot, settings, small_screen):
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    assert inside(win, SMALL)
    assert win.width() >= SMALL.width() - 16 and win.statusBar().isVisible()


def test_first_run_on_a_large_screen_keeps_the_design_size(qtbot, settings, monkeypatch):
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _s: QRect(0, 0, 1920, 1040))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert (win.width(), win.height()) == (1366, 768)


def test_a_saved_geometry_larger_than_the_screen_gives_way_to_one_that_fits():
    assert not fits(QSize(1900, 1200), SMALL) and fits(QSize(1280, 680), SMALL)
    placed = first_run_geometry(SMALL)
    assert SMALL.contains(placed) and placed.width() < 1366 and placed.height() < 768


def test_geometry_that_fits_is_restored(qtbot, settings, small_screen):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.setGeometry(50, 60, 600, 400)
    settings.setValue("geometry", first.saveGeometry())
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert (win.x(), win.y(), win.width(), win.height()) == (50, 60, 600, 400)

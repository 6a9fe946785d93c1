"""A main window on a fresh copy of the demo portfolio (tests/conftest.py: portfolio_path),
with its own settings file."""

import pytest
from PySide6.QtCore import QSettings

from desktop.app import build_window


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, portfolio_path, settings):
    win = build_window(portfolio_path, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()

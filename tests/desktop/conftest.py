"""A main window on a fresh copy of the demo portfolio, with its own settings file."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.app import build_window
from model.demo import demo_portfolio
from model.store import Store


@pytest.fixture
def portfolio_path(tmp_path) -> Path:
    path = tmp_path / "demo.repm"
    with Store.open(path) as store:
        store.replace_portfolio(demo_portfolio())
    return path


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

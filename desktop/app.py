"""Start the desktop app: `repm-planner [PATH]`; tests call `build_window(path)`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.about import APP_NAME, app_version
from desktop.main_window import MainWindow
from model.store import ensure_default_portfolio


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(app_version())
    app.setOrganizationName("REPM")
    pg.setConfigOptions(antialias=True, background="w", foreground="#222222")
    return app


def build_window(
    portfolio_path: str | Path | None = None, settings: QSettings | None = None
) -> MainWindow:
    """The main window, ready, on `portfolio_path` (else the last one, else the demo), without
    starting the event loop."""
    application()
    window = MainWindow(settings)
    path = portfolio_path or window.last_file() or ensure_default_portfolio()
    window.open_portfolio(path)
    return window


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="repm-planner", description=f"{APP_NAME} (desktop)")
    parser.add_argument("portfolio", nargs="?", help="portfolio file (.repm) to open")
    args = parser.parse_args(argv)
    app = application()
    window = build_window(args.portfolio)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

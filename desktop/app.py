"""Start the desktop app: `repm-planner [PATH]`; tests call `build_window(path)`."""

from __future__ import annotations

import argparse
import atexit
import sys
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from desktop.about import APP_NAME, app_version
from desktop.main_window import MainWindow
from model.store import ensure_default_portfolio


def _delete_windows() -> None:
    """Delete Qt windows while Python is still whole: left to interpreter teardown, their
    graphics items are destroyed in arbitrary order and the process can segfault on exit."""
    app = QApplication.instance()
    if app is None:
        return
    for widget in app.topLevelWidgets():
        if isValid(widget):  # the C++ side may already be gone
            widget.close()
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def application() -> QApplication:
    existing = QApplication.instance()
    app = existing or QApplication(sys.argv[:1])
    if existing is None:
        atexit.register(_delete_windows)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(app_version())
    app.setOrganizationName("REPM")
    # pyqtgraph's own atexit clean-up crashed at exit here; _delete_windows does the job.
    pg.setConfigOptions(antialias=True, background="w", foreground="#222222", exitCleanup=False)
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

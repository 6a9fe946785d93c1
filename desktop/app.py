"""Start the desktop app: `repm-planner [PATH]`; tests call `build_window(path)`."""

from __future__ import annotations

import argparse
import atexit
import os
import sys
import tempfile
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from desktop.about import APP_NAME, app_version
from desktop.main_window import MainWindow
from desktop.process_worker import worker_answers
from model.resources import resource_path
from model.store import StoreError, ensure_default_portfolio


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
    app.setWindowIcon(QIcon(str(resource_path("icon-256.png"))))
    # pyqtgraph's own atexit clean-up crashed at exit here; _delete_windows does the job.
    pg.setConfigOptions(antialias=True, background="w", foreground="#222222", exitCleanup=False)
    return app


def build_window(
    portfolio_path: str | Path | None = None, settings: QSettings | None = None
) -> MainWindow:
    """The main window, ready, on `portfolio_path` (else the last one, else the demo), without
    starting the event loop. A file that cannot be opened never stops the app: its dialog
    opens over an empty window."""
    application()
    window = MainWindow(settings)
    try:
        path = portfolio_path or window.last_file() or ensure_default_portfolio()
    except StoreError as exc:  # no default portfolio could be made (a full disk, a read-only dir)
        window.show_store_error(exc)
        return window
    window.open_portfolio(path)
    return window


def self_test() -> int:
    """Open the demo off screen, project, draw the chart, exit 0: proves a bundle works."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["REPM_DATA_DIR"] = tempfile.mkdtemp(prefix="repm-self-test-")
    try:
        app = application()
        settings = QSettings(
            os.path.join(os.environ["REPM_DATA_DIR"], "s.ini"), QSettings.Format.IniFormat
        )
        window = build_window(None, settings)
        window.show()
        app.processEvents()
        projection = window.session.projection
        image = window.view.projection_chart.grab().toImage()
        if image.isNull() or image.width() < 100:
            raise RuntimeError("the projection chart did not render")
        if not worker_answers():
            raise RuntimeError("a worker process (the plan search) did not start")
        i = projection.year_index(2030)
        print(
            f"self-test ok: {APP_NAME} {app_version()}, demo portfolio with "
            f"{len(window.session.portfolio.blocks)} blocks, {projection.magnets[i]:,.0f} t magnets "
            f"in 2030, chart {image.width()}x{image.height()}, worker process ok"
        )
        window.close()
        return 0
    except Exception as exc:  # the point of a self-test is to say what broke
        print(f"self-test FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="repm-planner", description=f"{APP_NAME} (desktop)")
    parser.add_argument("portfolio", nargs="?", help="portfolio file (.repm) to open")
    parser.add_argument("--self-test", action="store_true", help="check the install and exit")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {app_version()}")
    args = parser.parse_args(argv)
    if args.self_test:
        return self_test()
    app = application()
    window = build_window(args.portfolio)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

"""`python -m desktop.screenshot OUT.png`: the main window on the demo, with a what-if under way,
captured from the X screen (run under xvfb-run; `make screenshot`)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication

from desktop.app import application, build_window


def main(out: str) -> int:
    os.environ.setdefault("REPM_DATA_DIR", tempfile.mkdtemp(prefix="repm-shot-"))
    app = application()
    settings = QSettings(
        str(Path(os.environ["REPM_DATA_DIR"]) / "s.ini"), QSettings.Format.IniFormat
    )
    window = build_window(None, settings)
    window.resize(1366, 768)
    window.move(0, 0)
    window.show()
    view = window.view
    view.views["blocks"].select("mt-weld")
    view.what_if.offtake.slider.setValue(250)

    def capture() -> None:
        QGuiApplication.primaryScreen().grabWindow(0).copy(0, 0, 1366, 768).save(out)
        window.close()
        app.quit()

    QTimer.singleShot(1500, capture)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "screenshot.png"))

"""The window shows without importing what only some actions need: the optimiser (SciPy: the
Plan tab's worker process loads it), openpyxl (Excel files) and the briefing's PDF code."""

import os
import subprocess
import sys

# Open the demo in a window off screen, paint it, print what got imported (a fresh interpreter).
CODE = """
import sys
from PySide6.QtCore import QSettings
from desktop.app import application, build_window
app = application()
window = build_window(sys.argv[1], QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
app.processEvents()
window.view.projection_chart.grab()
print(" ".join(sorted(sys.modules)))
window.close()
"""


def test_the_window_shows_without_the_optimiser_workbooks_or_briefing(portfolio_path, tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", CODE, str(portfolio_path), str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    modules = set(result.stdout.split())
    assert {"desktop.main_window", "model.projection", "pyqtgraph"} <= modules  # it really ran
    late = {"scipy", "openpyxl", "model.optimise", "desktop.report", "desktop.briefing_export"}
    assert late & modules == set()

"""model/ must never import Qt: it runs headless, under the CLI and in tests without a display."""

import subprocess
import sys


def test_model_imports_no_qt():
    code = (
        "import sys, model, model.cli, model.projection, model.interchange;"
        "import model.store;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph', 'desktop'));"
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""

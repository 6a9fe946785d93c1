"""model/ must never import Qt: it runs headless, under the CLI and in tests without a display."""

import pkgutil
import subprocess
import sys

import model


def model_modules() -> list[str]:
    """Every module of the model package, found on disk (new ones are checked too), but the
    scripts that run when imported: `python -m model.cli` and alembic's environment."""
    scripts = ("model.cli.__main__", "model.migrations.env")
    found = [
        info.name
        for info in pkgutil.walk_packages(model.__path__, prefix="model.")
        if info.name not in scripts and ".migrations.versions." not in info.name
    ]
    assert len(found) > 30  # the walk really found the package
    return sorted(found)


def test_every_model_module_imports_without_qt():
    modules = model_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph', 'desktop'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""

"""File dialogs that start where the user works: the Documents folder the first time, then the
last folder used; a suggested name; the extension added when the user leaves it out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

LAST_FOLDER = "files/lastFolder"


def start_folder(settings: QSettings) -> str:
    last = settings.value(LAST_FOLDER)
    if isinstance(last, str) and Path(last).is_dir():
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def remember_folder(settings: QSettings, path: str | Path) -> None:
    settings.setValue(LAST_FOLDER, str(Path(path).parent))


def with_extension(path: str | Path, extension: str) -> Path:
    """`extension` added unless the name already ends with it (".pdf", ".repm")."""
    path = Path(path)
    return (
        path if path.suffix.lower() == extension.lower() else path.with_name(path.name + extension)
    )


def save_path(
    parent: QWidget,
    settings: QSettings,
    title: str,
    filter_: str,
    name: str,
    extension: str,
    *,
    confirm: bool = True,
) -> Path | None:
    """`confirm=False`: the caller asks before replacing a file (after adding the extension)."""
    suggested = str(Path(start_folder(settings)) / name)
    options = QFileDialog.Option(0) if confirm else QFileDialog.Option.DontConfirmOverwrite
    chosen, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter_, options=options)
    if not chosen:
        return None
    remember_folder(settings, chosen)
    return with_extension(chosen, extension)


def open_path(parent: QWidget, settings: QSettings, title: str, filter_: str) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, start_folder(settings), filter_)
    if not chosen:
        return None
    remember_folder(settings, chosen)
    return Path(chosen)

"""Dialogs about files: a store error with the backups to restore, and the backups of a portfolio.

They open window-modal without blocking (`open()`), so the app keeps painting and tests can
drive them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.backup_label import backup_label
from model.store import InUse, NotAPortfolio, ReadOnlyFile, StoreError
from model.store.backups import list_backups
from model.store.checking import check_file
from model.store.recovery import restore


class BackupsDialog(QDialog):
    """Lists the backups of a portfolio, newest first, and restores the chosen one."""

    restored = Signal(Path)  # the portfolio path, now holding the restored backup
    reopen = Signal(Path)  # the restore failed after `release`: open the file as it was
    openReadOnly = Signal(Path)  # a read-only file: open it for reading  # noqa: N815 (Qt style)

    def __init__(
        self,
        target: Path,
        error: StoreError | None = None,
        parent: QWidget | None = None,
        release: Callable[[], None] | None = None,
    ):
        """`release` closes the window's own hold on `target` (its writer lock) before a
        restore replaces it."""
        super().__init__(parent)
        self.target = Path(target)
        self.release = release
        self.setObjectName("storeErrorDialog" if error else "backupsDialog")
        self.setWindowTitle("Portfolio could not be opened" if error else "Backups")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        if error is not None:
            text = QLabel(f"<b>{error.path.name}</b> could not be opened:<br>{error.problem}.")
            text.setObjectName("errorText")
            text.setWordWrap(True)
            layout.addWidget(text)
            if isinstance(error, NotAPortfolio):
                layout.addWidget(QLabel("Open another file with File > Open."))
        self.backups = list_backups(self.target)
        layout.addWidget(
            QLabel(
                f"Backups of {self.target.name}, newest first:"
                if self.backups
                else f"There are no backups of {self.target.name}."
            )
        )
        self.list = QListWidget()
        for path in self.backups:
            item = QListWidgetItem(backup_label(path))
            item.setToolTip(str(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.list.addItem(item)
        if self.backups:
            self.list.setCurrentRow(0)
            layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(
            "Restore selected backup", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(self.backups))
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.read_only_button = None
        if isinstance(error, ReadOnlyFile):  # it can still be read: offer that
            self.read_only_button = buttons.addButton(
                "Open read-only", QDialogButtonBox.ButtonRole.ActionRole
            )
            self.read_only_button.clicked.connect(self._open_read_only)
        layout.addWidget(buttons)

    def _open_read_only(self) -> None:
        self.accept()
        self.openReadOnly.emit(self.target)

    def restore_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        backup = Path(item.data(Qt.ItemDataRole.UserRole))
        if self.release is not None:
            self.release()
        try:
            # The file this dialog is about could not be opened: whatever it holds is set aside.
            saved = restore(backup, self.target, replace_foreign=True)
        except (StoreError, OSError) as exc:
            QMessageBox.warning(self, "Restore failed", str(exc))
            if self.release is not None:
                self.reopen.emit(self.target)
            return
        self.saved = saved
        self.accept()
        self.restored.emit(self.target)


def in_use_question(parent: QWidget, error: InUse) -> QMessageBox:
    """'Open in another window (pid N, since HH:MM); open read-only?' Yes/No, not blocking."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Portfolio in use",
        f"{error.path.name} is {error.problem}.\n\nOpen it read-only? You can look at "
        "everything and try what-ifs, but not change the file.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("inUseQuestion")
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    box.open()
    return box


def show_read_only(view: QWidget) -> None:
    """Make a read-only portfolio look it: no cell editors, no add/duplicate/delete."""
    for table in view.findChildren(QAbstractItemView):
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    for button in view.findChildren(QPushButton):
        if button.text() in ("Add", "Duplicate", "Delete…"):
            button.setEnabled(False)
            button.setToolTip("The portfolio is open read-only")


def check_portfolio(parent: QWidget, path: Path) -> QMessageBox:
    """Run the full check (every page, index, reference and record) and say the result."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        problems = check_file(path)
    except StoreError as exc:
        problems = [exc.problem]
    finally:
        QApplication.restoreOverrideCursor()
    if problems:
        shown = "\n".join(problems[:10])
        more = f"\n… and {len(problems) - 10} more" if len(problems) > 10 else ""
        text = (
            f"{path.name} has problems:\n\n{shown}{more}\n\n"
            "Restore a backup with File > Backups, or keep using it and save a copy first."
        )
        icon = QMessageBox.Icon.Warning
    else:
        text = (
            f"{path.name} passed the full check: every page and index is sound, every "
            "reference points to a record, and every record meets the planner's rules."
        )
        icon = QMessageBox.Icon.Information
    box = QMessageBox(icon, "Check portfolio", text, parent=parent)
    box.setObjectName("checkResult")
    box.open()
    return box

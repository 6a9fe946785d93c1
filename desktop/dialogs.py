"""Dialogs about files: a store error with the backups to restore, and the backups of a portfolio.

They open window-modal without blocking (`open()`), so the app keeps painting and tests can
drive them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from model.store import NotAPortfolio, StoreError
from model.store.backups import list_backups
from model.store.recovery import restore


class BackupsDialog(QDialog):
    """Lists the backups of a portfolio, newest first, and restores the chosen one."""

    restored = Signal(Path)  # the portfolio path, now holding the restored backup

    def __init__(
        self, target: Path, error: StoreError | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.target = Path(target)
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
            item = QListWidgetItem(path.name)
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
        layout.addWidget(buttons)

    def restore_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        backup = Path(item.data(Qt.ItemDataRole.UserRole))
        try:
            # The file this dialog is about could not be opened: whatever it holds is set aside.
            saved = restore(backup, self.target, replace_foreign=True)
        except (StoreError, OSError) as exc:
            QMessageBox.warning(self, "Restore failed", str(exc))
            return
        self.saved = saved
        self.accept()
        self.restored.emit(self.target)

"""Choose which fields are confidential (left out of exports unless included)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model.redaction import redactable_fields


class ConfidentialDialog(QDialog):
    def __init__(self, current: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("confidentialDialog")
        self.setWindowTitle("Confidential fields")
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Ticked fields are left out of every export (JSON, Excel, PDF)\n"
                "unless the person exporting chooses to include them."
            )
        )
        self.list = QListWidget()
        for name in redactable_fields():
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if name in current else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [
            self.list.item(i).text()
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

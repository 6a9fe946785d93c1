"""The records that lack a figure (and so count for nothing, or add no Dy/Tb), each opening its
empty cell."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from desktop.explain import Incomplete

LINK_ROLE = Qt.ItemDataRole.UserRole


class IncompleteDialog(QDialog):
    cellRequested = Signal(str)  # 'cell:kind/id/field'

    def __init__(
        self, records: list[Incomplete], parent: QWidget | None = None, dytb_note: str = ""
    ):
        """`dytb_note`: why a missing Dy+Tb share matters (model/dytb_words.cap_line), shown
        when some record lacks one."""
        super().__init__(parent)
        self.setObjectName("incompleteDialog")
        self.setWindowTitle(f"{len(records)} records incomplete")
        self.list = QListWidget(objectName="incompleteList")
        for record in records:
            self.list.addItem(record.text())
            item = self.list.item(self.list.count() - 1)
            item.setData(LINK_ROLE, f"cell:{record.kind}/{record.record_id}/{record.fields[0]}")
            item.setToolTip("Double-click to go to the empty cell")
        self.list.itemActivated.connect(lambda item: self.cellRequested.emit(item.data(LINK_ROLE)))
        self.list.itemDoubleClicked.connect(
            lambda item: self.cellRequested.emit(item.data(LINK_ROLE))
        )
        note = QLabel(
            "These records count for nothing until the missing figures are filled in from their "
            "sources. Double-click one to go to the empty cell."
        )
        if any(record.note for record in records):
            note.setText(
                "Records marked 'its Dy/Tb counts as zero' still add their NdPr, but no Dy/Tb. "
                + dytb_note
                + " Records without that mark count for nothing until the missing figures are "
                "filled in from their sources. Double-click one to go to the empty cell."
            )
        note.setObjectName("incompleteNote")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 380)

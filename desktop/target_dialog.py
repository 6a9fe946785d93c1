"""Edit > Target Path: the target in t magnets/yr, one figure for every year unless a year is
listed with its own; OK writes it as one undoable edit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.columns import editor_range
from model.fields import YEAR_MAX, YEAR_MIN
from model.scenario import HORIZON_START, Target

TONNES = editor_range(Target.model_fields["default_tpa"])  # a path's years are declared alike


class TargetDialog(QDialog):
    def __init__(self, current: Target, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("targetDialog")
        self.setWindowTitle("Target path")
        self.current = current
        self.default = QDoubleSpinBox(decimals=0, suffix=" t/yr")
        self.default.setRange(*TONNES)
        self.default.setValue(current.default_tpa)
        self.source = QLineEdit(current.source)
        form = QFormLayout()
        form.addRow("Every year", self.default)
        form.addRow("Source", self.source)
        self.years = QTableWidget(0, 2)
        self.years.setHorizontalHeaderLabels(["Year", "t magnets/yr"])
        for year, tonnes in sorted(current.path.items()):
            self.add_year(year, tonnes)
        add, remove = QPushButton("Add year"), QPushButton("Remove year")
        add.clicked.connect(lambda: self.add_year(self._next_year(), self.default.value()))
        remove.clicked.connect(lambda: self.years.removeRow(self.years.currentRow()))
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.years)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def _next_year(self) -> int:
        listed = [int(self.years.cellWidget(r, 0).value()) for r in range(self.years.rowCount())]
        return max(listed) + 1 if listed else HORIZON_START

    def add_year(self, year: int, tonnes: float) -> None:
        r = self.years.rowCount()
        self.years.insertRow(r)
        year_spin = QDoubleSpinBox(decimals=0)
        year_spin.setRange(YEAR_MIN, YEAR_MAX)
        year_spin.setValue(year)
        tonnes_spin = QDoubleSpinBox(decimals=0, suffix=" t/yr")
        tonnes_spin.setRange(*TONNES)
        tonnes_spin.setValue(tonnes)
        self.years.setCellWidget(r, 0, year_spin)
        self.years.setCellWidget(r, 1, tonnes_spin)
        self.years.setItem(r, 0, QTableWidgetItem())

    def chosen(self) -> Target:
        path = {
            int(self.years.cellWidget(r, 0).value()): self.years.cellWidget(r, 1).value()
            for r in range(self.years.rowCount())
        }
        return Target(default_tpa=self.default.value(), path=path, source=self.source.text())

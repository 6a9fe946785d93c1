"""Edit > China Import Share Path: China's share of India's rare-earth magnet imports, one figure
for every year unless a year is listed with its own, shown and typed in percent within the
declared range; presets are the sourced values of the figure. OK writes it as one undoable edit
(operations.set_china_share)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import operations
from desktop.evidence_rows import value_text
from desktop.labels import plain_source
from model.demand import Demand
from model.domain import Evidence
from model.fields import YEAR_MAX, YEAR_MIN, bounds

LOW, HIGH = bounds(Demand.model_fields["china_share"])  # the declared range, as shares


def percent_box(share: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox(decimals=1, suffix=" %")
    box.setRange(100 * LOW, 100 * HIGH)
    box.setValue(100 * share)
    box.setToolTip(f"Between {100 * LOW:g} % and {100 * HIGH:g} %")
    return box


class ChinaShareDialog(QDialog):
    def __init__(self, demand: Demand, sourced: list[Evidence], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chinaShareDialog")
        self.setWindowTitle("China's share of magnet imports")
        self.sourced = sorted(sourced, key=lambda e: (-e.chosen, -e.value))
        self.preset_id = ""  # the sourced value whose figure 'Every year' holds, if untouched
        intro = QLabel(
            "China's share of India's rare-earth magnet imports, by year: the imports from "
            "China on the Demand chart are the import gap times this share. A year listed "
            "below uses its own share; every other year the first."
        )
        intro.setWordWrap(True)
        self.default = percent_box(demand.china_share)
        self.presets = QComboBox(objectName="chinaSharePreset")
        self.presets.addItem("Use a sourced value for every year…", "")
        for e in self.sourced:
            mark = " (chosen)" if e.chosen else ""
            label = f"{value_text('demand', 'china_share', e.value)}: {plain_source(e.source)}"
            self.presets.addItem(f"{label} ({e.as_of}){mark}", e.id)
            tip = "\n".join(filter(None, (plain_source(e.source), e.note, e.url)))
            self.presets.setItemData(self.presets.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.presets.setToolTip(
            "Set 'Every year' to one of the sourced values (it is marked chosen)"
        )
        self.presets.setMinimumContentsLength(30)
        self.presets.activated.connect(self._on_preset)
        self.default.valueChanged.connect(self._on_default_edited)
        form = QFormLayout()
        form.addRow("Every year", self.default)
        form.addRow("Sourced values", self.presets)
        self.years = QTableWidget(0, 2, objectName="chinaShareYears")
        self.years.setHorizontalHeaderLabels(["Year", "China's share"])
        self.years.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.years.verticalHeader().hide()
        for year, share in sorted(demand.china_share_path.items()):
            self.add_year(year, share)
        add, remove = QPushButton("Add year"), QPushButton("Remove year")
        add.setObjectName("addShareYear")
        remove.setObjectName("removeShareYear")
        add.clicked.connect(lambda: self.add_year(self._next_year(), self.default.value() / 100))
        remove.clicked.connect(lambda: self.years.removeRow(self.years.currentRow()))
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.years)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def _on_preset(self, index: int) -> None:
        evidence_id = self.presets.itemData(index)
        self.presets.setCurrentIndex(0)
        chosen = next((e for e in self.sourced if e.id == evidence_id), None)
        if chosen is not None:
            self.default.setValue(100 * chosen.value)
            self.preset_id = chosen.id  # after setValue: its signal clears the preset

    def _on_default_edited(self, _value: float) -> None:
        self.preset_id = ""

    def _next_year(self) -> int:
        listed = [int(self.years.cellWidget(r, 0).value()) for r in range(self.years.rowCount())]
        return max(listed) + 1 if listed else 2026

    def add_year(self, year: int, share: float) -> None:
        r = self.years.rowCount()
        self.years.insertRow(r)
        year_box = QSpinBox()
        year_box.setRange(YEAR_MIN, YEAR_MAX)
        year_box.setValue(year)
        self.years.setCellWidget(r, 0, year_box)
        self.years.setCellWidget(r, 1, percent_box(share))
        self.years.setItem(r, 0, QTableWidgetItem())

    def share(self) -> float:
        return round(self.default.value() / 100, 4)

    def path(self) -> dict[int, float]:
        """Year -> share as entered (a year listed twice: the lower row wins)."""
        return {
            int(self.years.cellWidget(r, 0).value()): round(
                self.years.cellWidget(r, 1).value() / 100, 4
            )
            for r in range(self.years.rowCount())
        }


def edit_china_share(window) -> None:
    """Edit > China Import Share Path on the main window's open portfolio."""
    session = window.session
    if session is None:
        return
    demand = session.store.demand()
    sourced = [
        e
        for e in session.portfolio.evidence
        if (e.record_kind, e.field_name) == ("demand", "china_share")
    ]
    dialog = ChinaShareDialog(demand, sourced, window)
    dialog.accepted.connect(
        lambda: window._saved(
            "China's share of magnet imports",
            lambda: operations.set_china_share(
                session, dialog.share(), dialog.path(), dialog.preset_id
            ),
        )
    )
    dialog.open()
    window.dialog = dialog

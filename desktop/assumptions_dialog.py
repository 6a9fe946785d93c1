"""Edit > Assumptions: every assumption of the portfolio, with its unit, range and source, in one
form; OK writes them as one undoable edit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from model.assumptions import CHOICES, SCALARS, TABLES, Assumptions
from model.source_text import readable_source


def _spin(value: float, low: float, high: float, whole: bool, tip: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setDecimals(0 if whole else 4)
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setToolTip(tip)
    return spin


class AssumptionsDialog(QDialog):
    def __init__(self, current: Assumptions, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("assumptionsDialog")
        self.setWindowTitle("Assumptions")
        self.current = current
        self.scalars: dict[str, QDoubleSpinBox] = {}
        self.choices: dict[str, QComboBox] = {}
        self.tables: dict[str, dict[str, QDoubleSpinBox]] = {}
        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        for name, spec in SCALARS.items():
            self.scalars[name] = _spin(
                getattr(current, name),
                spec.low,
                spec.high,
                False,
                f"{spec.unit}\n{readable_source(spec.source)}",
            )
            form.addRow(f"{spec.label} ({spec.unit})", self.scalars[name])
        for name, (enum, label, source) in CHOICES.items():
            combo = QComboBox()
            combo.addItems([e.value for e in enum])
            combo.setCurrentText(getattr(current, name).value)
            combo.setToolTip(source)
            self.choices[name] = combo
            form.addRow(label, combo)
        layout.addLayout(form)
        for name, spec in TABLES.items():
            box = QGroupBox(f"{spec.label} ({spec.unit})")
            box.setToolTip(readable_source(spec.source))
            rows = QFormLayout(box)
            values = getattr(current, name)
            self.tables[name] = {}
            for key in spec.keys:
                spin = _spin(
                    values[key], spec.low, spec.high, spec.whole, readable_source(spec.source)
                )
                self.tables[name][key.value] = spin
                rows.addRow(key.value, spin)
            layout.addWidget(box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.addWidget(QLabel("Hover a value for its source. OK writes all of them as one edit."))
        outer.addWidget(scroll)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.resize(560, 600)

    def chosen(self) -> Assumptions:
        """The assumptions as the form shows them (ranges are the declared ones)."""
        data = self.current.model_dump()
        data.update({name: spin.value() for name, spin in self.scalars.items()})
        data.update({name: combo.currentText() for name, combo in self.choices.items()})
        for name, spins in self.tables.items():
            kind = int if TABLES[name].whole else float
            data[name] = {key: kind(spin.value()) for key, spin in spins.items()}
        return Assumptions.model_validate(data)

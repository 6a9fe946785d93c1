"""Edit > Assumptions: every assumption of the portfolio, with its unit, range and source, in one
form that fits its width (long labels wrap); shares in percent, choices in words. A value typed
outside its declared range is refused with the field and the range, never changed; OK writes
them all as one undoable edit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.assumption_entry import ValueBox
from desktop.labels import word
from model.assumptions import CHOICE_LABELS, CHOICES, SCALARS, TABLES, Assumptions
from model.source_text import readable_source

BOX_WIDTH = 150  # room for "1,000,000.000" or "28.333333 %"; the labels take the rest


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class _Rows(QGridLayout):
    """Label and value rows: the labels take the width the values leave, wrapping as needed
    (a QFormLayout clipped wrapped labels)."""

    def __init__(self) -> None:
        super().__init__()
        self.setColumnStretch(0, 1)

    def addRow(self, label: QWidget, field: QWidget) -> None:  # noqa: N802 (like QFormLayout)
        row = self.rowCount()
        self.addWidget(label, row, 0)
        self.addWidget(field, row, 1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class AssumptionsDialog(QDialog):
    def __init__(self, current: Assumptions, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("assumptionsDialog")
        self.setWindowTitle("Assumptions")
        self.current = current
        self.scalars: dict[str, ValueBox] = {}
        self.choices: dict[str, QComboBox] = {}
        self.tables: dict[str, dict[str, ValueBox]] = {}
        body = QWidget()
        layout = QVBoxLayout(body)
        form = _Rows()
        for name, spec in SCALARS.items():
            box = ValueBox(
                spec.label,
                getattr(current, name),
                spec.low,
                spec.high,
                percent=spec.percent,
                decimals=spec.decimals,
                low_open=spec.low_open,
            )
            box.setToolTip(f"{spec.unit}\n{readable_source(spec.source)}")
            self._add(form, f"{spec.label} ({spec.unit})", box)
            self.scalars[name] = box
        for name, (enum, label, source) in CHOICES.items():
            combo = QComboBox()
            for choice in enum:
                combo.addItem(CHOICE_LABELS.get(choice, choice.value), choice.value)
            combo.setCurrentIndex(combo.findData(getattr(current, name).value))
            combo.setToolTip(readable_source(source))
            self.choices[name] = combo
            form.addRow(_label(label), combo)
        layout.addLayout(form)
        for name, spec in TABLES.items():
            group = QGroupBox(f"{spec.label} ({spec.unit})")
            group.setToolTip(readable_source(spec.source))
            rows = _Rows()
            group.setLayout(rows)
            values = getattr(current, name)
            self.tables[name] = {}
            for key in spec.keys:
                box = ValueBox(
                    f"{spec.label}, {word(key)}",
                    values[key],
                    spec.low,
                    spec.high,
                    percent=spec.percent,
                    whole=spec.whole,
                )
                box.setToolTip(readable_source(spec.source))
                self._add(rows, word(key), box)
                self.tables[name][key.value] = box
            layout.addWidget(group)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll.setWidget(body)
        self.refusal = QLabel(objectName="assumptionsRefusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b00020;")
        self.refusal.hide()
        outer = QVBoxLayout(self)
        hint = _label("Hover a value for its source. Shares are in percent. OK writes all of them.")
        outer.addWidget(hint)
        outer.addWidget(self.scroll)
        outer.addWidget(self.refusal)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        outer.addWidget(buttons)
        self.resize(560, 600)

    def _add(self, form: _Rows, text: str, box: ValueBox) -> None:
        box.setFixedWidth(BOX_WIDTH)
        box.editingFinished.connect(self._show_problems)
        form.addRow(_label(text), box)

    def boxes(self) -> list[ValueBox]:
        return [*self.scalars.values(), *(b for t in self.tables.values() for b in t.values())]

    def problems(self) -> list[tuple[ValueBox, str]]:
        return [(box, why) for box in self.boxes() if (why := box.problem())]

    def _show_problems(self) -> list[tuple[ValueBox, str]]:
        problems = self.problems()
        self.refusal.setText("\n".join(why for _, why in problems))
        self.refusal.setVisible(bool(problems))
        return problems

    def accept(self) -> None:
        """Refused, with the field and its range, while a value is outside it."""
        problems = self._show_problems()
        if problems:
            box = problems[0][0]
            self.scroll.ensureWidgetVisible(box)
            box.setFocus()
            box.selectAll()
            return
        super().accept()

    def chosen(self) -> Assumptions:
        """The assumptions as the form shows them (shares typed in percent stored as fractions)."""
        data = self.current.model_dump()
        data.update({name: box.fraction() for name, box in self.scalars.items()})
        data.update({name: combo.currentData() for name, combo in self.choices.items()})
        for name, boxes in self.tables.items():
            kind = int if TABLES[name].whole else float
            data[name] = {key: kind(box.fraction()) for key, box in boxes.items()}
        return Assumptions.model_validate(data)

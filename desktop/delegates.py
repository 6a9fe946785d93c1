"""Cell editors: combo boxes for enums, spin boxes with units and ranges, a country picker.

Numbers are typed as people write them (shares in %: "30" and "30%" both mean 30 %) and checked
when the edit ends: a value outside its range (from desktop/columns.py, or the room left for an
offtake share on its block) is refused with the reason, via `refused`, never clamped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.columns import (
    BLOCK,
    CHOICE,
    COUNTRY,
    FIRM,
    INTEGER,
    NUMBER,
    ROLES,
    UNKNOWN,
    YEAR,
    Column,
)
from desktop.labels import percent, word
from desktop.number_format import NotANumber, format_number, parse_number
from desktop.record_model import ID_ROLE, RAW_ROLE, column_tip, header
from desktop.session import PortfolioSession
from model import rules
from model.countries import country_names, parse_country
from model.domain import FirmRole

NONE_ITEM = "(none)"


def country_label(code: str) -> str:
    return f"{country_names()[code]} ({code})"


class NumberEdit(QLineEdit):
    """A number typed as people write it ("30%", "1,200"), checked when the edit ends: a value
    outside the range is refused with the reason, never clamped. A share is shown in %."""

    def __init__(self, column: Column, parent: QWidget | None = None):
        super().__init__(parent)
        self.column = column
        self.low, self.high = column.low, column.high
        self.why_high = ""  # the reason for a maximum tighter than the column's own
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column.optional:
            self.setPlaceholderText(f"{UNKNOWN} (leave empty)")

    def setValue(self, value: float | None) -> None:  # noqa: N802 (like a spin box)
        self.setText("" if value is None else format_number(self.column, value))

    def maximum(self) -> float:
        return self.high

    def value(self) -> float | None:
        """The stored value typed; NotANumber with the reason when it cannot be stored."""
        value = parse_number(self.column, self.text())
        if value is None:
            if not self.column.optional:
                raise NotANumber("a value is needed (it cannot be left unknown)")
            return None
        shown = lambda v: format_number(self.column, v)  # noqa: E731
        if value > self.high + 1e-12:
            reason = f": {self.why_high}" if self.why_high else ""
            raise NotANumber(
                f"{shown(value)} is more than the most allowed, {shown(self.high)}{reason}"
            )
        if value < self.low - 1e-12:
            raise NotANumber(f"{shown(value)} is less than the least allowed, {shown(self.low)}")
        return value


def offtake_room(session: PortfolioSession, deal_id: str) -> tuple[float, float, str]:
    """Largest offtake share a deal may take, what the other deals take, and the block's name."""
    deal = next(d for d in session.portfolio.deals if d.id == deal_id)
    on_block = [d for d in session.portfolio.deals if d.block_id == deal.block_id]
    room, others = rules.offtake_room(on_block, deal_id)  # the store's own rule
    return room, others, session.portfolio.block(deal.block_id).name


class RecordDelegate(QStyledItemDelegate):
    refused = Signal(str)

    def __init__(
        self, session: PortfolioSession, columns: list[Column], parent: QObject | None = None
    ):
        super().__init__(parent)
        self.session, self.columns = session, columns

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        column = self.columns[index.column()]
        if column.editor == CHOICE:
            editor = QComboBox(parent)
            for choice in column.choices:
                editor.addItem(word(choice), choice)
            return editor
        if column.editor == NUMBER:
            editor = NumberEdit(column, parent)
            editor.setToolTip(column_tip(column))
            if column.field == "offtake_share":
                room, others, block = offtake_room(self.session, index.data(ID_ROLE))
                editor.high = room
                editor.why_high = f"other deals on {block} take {percent(others)} of its output"
                editor.setToolTip(f"At most {percent(room)}: {editor.why_high}")
            return editor
        if column.editor in (YEAR, INTEGER):
            editor = QSpinBox(parent)
            low = int(column.low) - 1 if column.optional else int(column.low)
            editor.setRange(low, int(column.high))
            editor.setSuffix(column.unit)
            if column.optional:
                editor.setSpecialValueText(UNKNOWN)
            return editor
        if column.editor == COUNTRY:
            editor = QComboBox(parent)
            editor.setEditable(True)
            editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            for code in sorted(country_names(), key=lambda c: country_names()[c]):
                editor.addItem(country_label(code), code)
            completer = QCompleter(editor.model(), editor)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            editor.setCompleter(completer)
            return editor
        if column.editor in (FIRM, BLOCK):
            editor = QComboBox(parent)
            records = (
                self.session.portfolio.firms
                if column.editor == FIRM
                else self.session.portfolio.blocks
            )
            if column.optional:
                editor.addItem(NONE_ITEM, None)
            for record in records:
                editor.addItem(f"{record.name} ({record.id})", record.id)
            return editor
        return QLineEdit(parent)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        column, value = self.columns[index.column()], index.data(RAW_ROLE)
        if isinstance(editor, QComboBox) and column.editor == COUNTRY:
            editor.setCurrentIndex(editor.findData(value))
        elif isinstance(editor, QComboBox) and column.editor in (FIRM, BLOCK):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(str(value))))
        elif isinstance(editor, NumberEdit):
            editor.setValue(value)
            editor.selectAll()
        elif isinstance(editor, QSpinBox):
            editor.setValue(editor.minimum() if value is None else value)
        elif column.editor == ROLES:
            editor.setText(", ".join(value or []))
        else:
            editor.setText("" if value is None else str(value))

    def editor_value(self, editor: QWidget, column: Column) -> tuple[bool, Any]:
        """(ok, value) read from an editor; ok is False when the text is not a valid value."""
        if column.editor == COUNTRY:
            code = parse_country(editor.currentText())
            if code is None:
                self.refused.emit(
                    f"Country: '{editor.currentText()}' is not a country name or ISO code"
                )
                return False, None
            return True, code
        if column.editor in (FIRM, BLOCK):
            return True, editor.currentData()
        if isinstance(editor, QComboBox):
            return True, editor.currentData()
        if isinstance(editor, NumberEdit):
            try:
                return True, editor.value()
            except NotANumber as exc:
                self.refused.emit(f"{header(column)}: {exc}")
                return False, None
        if isinstance(editor, QSpinBox):
            if column.optional and editor.value() == editor.minimum():
                return True, None
            return True, editor.value()
        text = editor.text().strip()
        if column.editor == ROLES:
            roles = [r.strip() for r in text.split(",") if r.strip()]
            bad = [r for r in roles if r not in {role.value for role in FirmRole}]
            if bad:
                allowed = ", ".join(role.value for role in FirmRole)
                self.refused.emit(f"Roles: {', '.join(bad)} not known (use {allowed})")
                return False, None
            return True, roles
        return True, text

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        ok, value = self.editor_value(editor, self.columns[index.column()])
        if ok:
            model.setData(index, value, Qt.ItemDataRole.EditRole)

"""Cell editors: combo boxes for enums, spin boxes with units and ranges, a country picker.

An editor only offers valid values (ranges from desktop/columns.py, the room left for an offtake
share on its block); what it cannot prevent it refuses with the reason, via `refused`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
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
from desktop.record_model import ID_ROLE, RAW_ROLE
from desktop.session import PortfolioSession
from model.countries import country_names, parse_country
from model.domain import DealStatus, FirmRole

NONE_ITEM = "(none)"


def country_label(code: str) -> str:
    return f"{country_names()[code]} ({code})"


def offtake_room(session: PortfolioSession, deal_id: str) -> tuple[float, float, str]:
    """Largest offtake share a deal may take, what the other deals take, and the block's name."""
    deal = next(d for d in session.portfolio.deals if d.id == deal_id)
    others = sum(
        d.offtake_share
        for d in session.portfolio.deals
        if d.block_id == deal.block_id and d.id != deal_id and d.status != DealStatus.rejected
    )
    block = session.portfolio.block(deal.block_id)
    return max(0.0, 1.0 - others), others, block.name


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
            editor.addItems(list(column.choices))
            return editor
        if column.editor == NUMBER:
            editor = QDoubleSpinBox(parent)
            editor.setDecimals(column.decimals)
            step = 10**-column.decimals if column.decimals else 1.0
            editor.setSingleStep(step * (10 if column.decimals >= 2 else 1))
            low = column.low - step if column.optional else column.low
            editor.setRange(low, column.high)
            editor.setSuffix(column.unit)
            if column.optional:
                editor.setSpecialValueText(UNKNOWN)
            if column.field == "offtake_share":
                room, others, block = offtake_room(self.session, index.data(ID_ROLE))
                editor.setMaximum(room)
                editor.setToolTip(
                    f"At most {room:.3f}: other deals on {block} take {others:.3f} of its output"
                )
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
            editor.setCurrentText(str(value))
        elif isinstance(editor, QDoubleSpinBox | QSpinBox):
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
            return True, editor.currentText()
        if isinstance(editor, QDoubleSpinBox | QSpinBox):
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

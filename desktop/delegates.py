"""Cell editors: combo boxes for enums, spin boxes with units and ranges, a country picker.

Numbers are typed as people write them (shares in %: "30" and "30%" both mean 30 %). When the
edit ends the value is put to the portfolio's rules (model/rules.py `change_problems`, the same
rules every store write runs): a value they refuse (out of its declared range, more offtake than
the block has left, an unknown country or role, a name already used) is refused with their words,
via `refused`, never clamped, and nothing is written.
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
from desktop.labels import word
from desktop.number_format import NotANumber, format_number, parse_number
from desktop.record_model import ID_ROLE, RAW_ROLE, column_tip, header
from desktop.session import PortfolioSession
from model import rules
from model.countries import country_names

NONE_ITEM = "(none)"


def country_label(code: str) -> str:
    return f"{country_names()[code]} ({code})"


class NumberEdit(QLineEdit):
    """A number typed as people write it ("30%", "1,200"); a share is shown in %. Whether the
    value is allowed is the rules' call (`change_problems`), not the editor's."""

    def __init__(self, column: Column, parent: QWidget | None = None):
        super().__init__(parent)
        self.column = column
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column.optional:
            self.setPlaceholderText(f"{UNKNOWN} (leave empty)")

    def setValue(self, value: float | None) -> None:  # noqa: N802 (like a spin box)
        self.setText("" if value is None else format_number(self.column, value))

    def value(self) -> float | None:
        """The number typed (None when empty); NotANumber when the text is not a number."""
        return parse_number(self.column, self.text())


class RecordDelegate(QStyledItemDelegate):
    refused = Signal(str, QModelIndex)  # why, and the cell (the note is placed beside it)

    def __init__(
        self,
        session: PortfolioSession,
        kind: str,
        columns: list[Column],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.session, self.kind, self.columns = session, kind, columns

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
            if column.field == "offtake_share":  # the room the offtake rule leaves
                editor.setToolTip(rules.offtake_limit(self.session.portfolio, index.data(ID_ROLE)))
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

    def editor_value(
        self,
        editor: QWidget,
        column: Column,
        index: QModelIndex = QModelIndex(),  # noqa: B008
    ) -> tuple[bool, Any]:
        """(ok, value) read from an editor as typed; ok is False when the text is not a number.
        Whether the rules allow the value is asked afterwards (`setModelData`)."""
        if column.editor == COUNTRY:
            return True, editor.currentText()  # a name or a code: the declaration reads both
        if isinstance(editor, QComboBox):
            return True, editor.currentData()
        if isinstance(editor, NumberEdit):
            try:
                return True, editor.value()
            except NotANumber as exc:
                self.refused.emit(f"{header(column)}: {exc}", index)
                return False, None
        if isinstance(editor, QSpinBox):
            if column.optional and editor.value() == editor.minimum():
                return True, None
            return True, editor.value()
        text = editor.text().strip()
        if column.editor == ROLES:
            return True, [r.strip() for r in text.split(",") if r.strip()]
        return True, text

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        column = self.columns[index.column()]
        ok, value = self.editor_value(editor, column, index)
        if not ok:
            return
        record_id = index.data(ID_ROLE)
        record, problems = rules.change_problems(
            self.session.portfolio, self.kind, record_id, {column.field: value}
        )
        if problems:  # refused before anything is written, in the rules' words
            self.refused.emit("; ".join(problems), index)
            return
        stored = getattr(record, column.field)
        model.setData(index, stored, Qt.ItemDataRole.EditRole)

"""A Qt table model over one kind of record in the session's portfolio.

Reads come from the session's current portfolio; writes go through `operations` (one undoable
store transaction each). After a commit the session re-announces what changed, and the model
refreshes only the rows of its own kind.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from desktop import operations
from desktop.columns import (
    BLOCK,
    CHOICE,
    COLUMNS,
    FIRM,
    NUMBER,
    OPEN_HIGH,
    READONLY,
    ROLES,
    UNKNOWN,
    Column,
)
from desktop.explain import reasons_text, why_nothing
from desktop.labels import Names, word
from desktop.number_format import format_number, is_percent
from desktop.session import PortfolioSession
from model.countries import country_name
from model.domain import KINDS
from model.evidence import summary, values_of
from model.fields import REFERENCE, meta, unique
from model.store import Change, InvalidEdit

RAW_ROLE = Qt.ItemDataRole.UserRole  # the field's value as stored (for sorting and editors)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def display(column: Column, value: Any) -> str:
    if value is None:
        return "—"
    if column.editor == ROLES:
        return ", ".join(str(v) for v in value)
    if column.field == "country":
        return f"{country_name(value)} ({value})"
    if column.editor == NUMBER:  # the unit is in the header; a share shows its % sign
        return format_number(column, value, with_unit=is_percent(column))
    return word(value) if column.editor == CHOICE else str(value)


def header(column: Column) -> str:
    """The header as shown: a share says it is in %."""
    if is_percent(column) and "%" not in column.header:
        return f"{column.header} (%)"
    return column.header


def column_tip(column: Column) -> str:
    """What a column means and what it accepts, for the header's tooltip."""
    parts = [column.tip or header(column)]
    if column.editor == NUMBER:
        low, high = column.low, column.high
        if is_percent(column):
            parts.append(
                f"Type a percentage, {100 * low:g}-{100 * high:g} (30 and 30% both mean 30 %;"
                " up to 1 % needs its sign, 0.5%: a bare 0.5 may be a fraction from a file)."
            )
        elif high < OPEN_HIGH:
            parts.append(f"From {low:,g} to {high:,g}{column.unit}.")
    if column.optional:
        parts.append("May be left empty when unknown.")
    if column.editor == READONLY:
        parts.append("Set when the record is created; not editable.")
    return " ".join(parts)


# What Names reads: the records' names and the references shown as names (from the declarations).
NAMING_FIELDS = frozenset(
    name
    for k in KINDS.values()
    for name, info in k.fields.items()
    if unique(info) or meta(info).fmt == REFERENCE
)


def renames(change: Change) -> bool:
    """Can this change alter a name shown in place of an id?"""
    if change.table not in ("blocks", "firms", "deals"):
        return change.table == "*"
    return (
        change.action != "update" or not change.fields or bool(NAMING_FIELDS & set(change.fields))
    )


class RecordTableModel(QAbstractTableModel):
    editRefused = Signal(str)  # why a value did not reach the store

    def __init__(self, session: PortfolioSession, kind: str, parent: QObject | None = None):
        super().__init__(parent)
        self.session, self.kind = session, kind
        self.columns = COLUMNS[kind]
        self._records = list(getattr(session.portfolio, kind))
        self.names = Names.of(session.portfolio)
        session.portfolioChanged.connect(self._on_portfolio_changed)

    # --- reading ---------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def record(self, row: int) -> Any:
        return self._records[row]

    def row_of(self, record_id: str) -> int:
        for row, record in enumerate(self._records):
            if record.id == record_id:
                return row
        return -1

    def column_of(self, field: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.field == field)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record, column = self._records[index.row()], self.columns[index.column()]
        value = getattr(record, column.field)
        if role == Qt.ItemDataRole.DisplayRole:
            if column.editor == FIRM:
                return self.names.firm(value) if value else "—"
            if column.editor == BLOCK:
                return self.names.block(value)
            return display(column, value)
        if role in (Qt.ItemDataRole.EditRole, RAW_ROLE):
            return value.value if hasattr(value, "value") else value
        if role == ID_ROLE:
            return record.id
        if role == Qt.ItemDataRole.ToolTipRole:
            sourced = values_of(self.session.portfolio, self.kind, record.id, column.field)
            if sourced:  # the figure's sourced values, the one in use first
                return summary(sourced, value)
            if self.kind == "blocks":
                why = reasons_text(
                    why_nothing(self.session.portfolio, self.session.projection, record.id)
                )
                if why:
                    return why
            if value is None and column.optional:
                return f"{column.header}: {UNKNOWN} (not in the source; fill it in when known)"
            return column.tip or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.editor == NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and value is None:
            return Qt.GlobalColor.gray
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal:
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return header(column)
            if role == Qt.ItemDataRole.ToolTipRole:
                return column_tip(column)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].editor != READONLY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- writing ---------------------------------------------------------------------------

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        record, column = self._records[index.row()], self.columns[index.column()]
        try:
            operations.set_record_fields(
                self.session, self.kind, record.id, **{column.field: value}
            )
        except InvalidEdit as exc:
            self.editRefused.emit(f"{column.header} of {record.id} not changed: {exc}")
            return False
        return True

    # --- refreshing ------------------------------------------------------------------------

    def _on_portfolio_changed(self, changes: list[Change]) -> None:
        if any(renames(c) for c in changes):
            self.names = Names.of(self.session.portfolio)
        relevant = [c for c in changes if c.table in (self.kind, "*")]
        if not relevant:
            if any(c.table in ("blocks", "firms") for c in changes) and self._records:
                # a renamed block or firm: the names shown in this table change too
                last = self.index(len(self._records) - 1, len(self.columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        records = list(getattr(self.session.portfolio, self.kind))
        if all(c.action == "update" for c in relevant) and len(records) == len(self._records):
            self._records = records
            for change in relevant:
                for record_id in change.ids:
                    row = self.row_of(record_id)
                    if row >= 0:
                        last = self.index(row, len(self.columns) - 1)
                        self.dataChanged.emit(self.index(row, 0), last)
            return
        self.beginResetModel()
        self._records = records
        self.endResetModel()

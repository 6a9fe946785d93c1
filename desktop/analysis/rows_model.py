"""A read-only table model over result rows (comparisons, country cuts, rankings)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's key (a deal id, a country code)


def fmt(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, float):
        return f"{value:,.2f}" if 0 < abs(value) < 10 else f"{value:,.0f}"
    return str(value)


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent: QObject | None = None):
        super().__init__(parent)
        self.headers = list(headers)
        self.tips: list[str] = []
        self.rows: list[list[Any]] = []
        self.keys: list[str] = []

    def set_rows(self, rows: Sequence[Sequence[Any]], keys: Sequence[str] | None = None) -> None:
        self.beginResetModel()
        self.rows = [list(r) for r in rows]
        self.keys = list(keys) if keys is not None else [str(r[0]) for r in rows]
        self.endResetModel()

    def set_headers(self, headers: Sequence[str], tips: Sequence[str] = ()) -> None:
        self.beginResetModel()
        self.headers = list(headers)
        self.tips = list(tips)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return fmt(value)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == KEY_ROLE:
            return self.keys[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tips[section] if section < len(self.tips) else self.headers[section]
        return None

    def row_of(self, key: str) -> int:
        return self.keys.index(key) if key in self.keys else -1

"""A table whose first column (the record's name) stays in place while the others scroll: a
second view over the same model and selection, laid over the left edge (Qt's frozen-column
pattern)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class FrozenTableView(QTableView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.frozen_column = 0
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenColumn")
        self.frozen.setFocusPolicy(self.frozen.focusPolicy().NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setHorizontalScrollBarPolicy(
            self.horizontalScrollBarPolicy().ScrollBarAlwaysOff
        )
        self.frozen.setVerticalScrollBarPolicy(self.horizontalScrollBarPolicy().ScrollBarAlwaysOff)
        self.frozen.setStyleSheet("QTableView { border: none; border-right: 1px solid #999; }")
        self.viewport().stackUnder(self.frozen)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().sectionResized.connect(self._column_resized)
        self.verticalHeader().sectionResized.connect(
            lambda row, _old, size: self.frozen.setRowHeight(row, size)
        )
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.doubleClicked.connect(self.edit)

    def setModel(self, model: QAbstractItemModel) -> None:  # noqa: N802 (Qt API)
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        model.modelReset.connect(self._show_frozen_column_only)
        model.columnsInserted.connect(self._show_frozen_column_only)
        self._show_frozen_column_only()

    def freeze(self, column: int) -> None:
        """Keep logical `column` at the left edge."""
        self.frozen_column = column
        self.horizontalHeader().moveSection(self.horizontalHeader().visualIndex(column), 0)
        self._show_frozen_column_only()

    def _show_frozen_column_only(self) -> None:
        model = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            self.frozen.setColumnHidden(column, column != self.frozen_column)
        self.frozen.setColumnWidth(self.frozen_column, self.columnWidth(self.frozen_column))
        self.frozen.setItemDelegate(self.itemDelegate())
        self.frozen.setSelectionBehavior(self.selectionBehavior())
        self.frozen.setAlternatingRowColors(self.alternatingRowColors())
        self._place()

    def _column_resized(self, column: int, _old: int, size: int) -> None:
        if column == self.frozen_column:
            self.frozen.setColumnWidth(column, size)
            self._place()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        left = self.verticalHeader().width() + self.frameWidth()
        self.frozen.setGeometry(
            left,
            self.frameWidth(),
            self.columnWidth(self.frozen_column),
            self.viewport().height() + self.horizontalHeader().height(),
        )

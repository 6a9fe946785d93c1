"""A table whose first column (the record's name) stays in place while the others scroll: a
second view over the same model and selection, laid over the left edge (Qt's frozen-column
pattern).

The frozen column is edited in the overlay (the main table's cell lies hidden under it), with a
delegate of its own: Qt warns, and may close the wrong editor, when two views share a delegate
(each view hears every editor's commitData and closeEditor)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

Hint = QAbstractItemDelegate.EndEditHint
MOVES = {
    Hint.EditNextItem: QAbstractItemView.CursorAction.MoveNext,
    Hint.EditPreviousItem: QAbstractItemView.CursorAction.MovePrevious,
}


class FrozenColumn(QTableView):
    """The overlay: never takes the keyboard; when its editor closes, the main table goes on
    (focus back, Tab to the next column of the main table, not the next row's name)."""

    def __init__(self, table: FrozenTableView):
        super().__init__(table)
        self.table = table
        self.setObjectName("frozenColumn")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setItemDelegate(QStyledItemDelegate(self))  # never the main table's (see above)

    def closeEditor(self, editor: QWidget, hint: Hint) -> None:  # noqa: N802 (Qt API)
        had_focus = editor.hasFocus()  # not when the user clicked elsewhere: focus stays there
        super().closeEditor(editor, Hint.NoHint if hint in MOVES else hint)
        if had_focus:
            self.table.setFocus()
        if hint in MOVES:
            self.table.edit_next(MOVES[hint])


class FrozenTableView(QTableView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.frozen_column = 0
        self.frozen = FrozenColumn(self)
        self.frozen.verticalHeader().hide()
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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

    def setModel(self, model: QAbstractItemModel) -> None:  # noqa: N802 (Qt API)
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        model.modelReset.connect(self._show_frozen_column_only)
        model.columnsInserted.connect(self._show_frozen_column_only)
        self._show_frozen_column_only()

    def set_frozen_delegate(self, delegate: QAbstractItemDelegate) -> None:
        """The frozen column's own delegate: a second instance of the main table's kind."""
        self.frozen.setItemDelegate(delegate)

    def freeze(self, column: int) -> None:
        """Keep logical `column` at the left edge."""
        self.frozen_column = column
        self.horizontalHeader().moveSection(self.horizontalHeader().visualIndex(column), 0)
        self._show_frozen_column_only()

    def edit(self, index: QModelIndex, trigger=None, event=None):  # noqa: ANN001 (Qt overloads)
        """A key (F2) or a call that edits the frozen column opens the editor in the overlay,
        where the user sees it."""
        if trigger is None:  # the public slot: edit(index)
            trigger, event = QAbstractItemView.EditTrigger.AllEditTriggers, None
        if index.isValid() and index.column() == self.frozen_column:
            return self.frozen.edit(index, trigger, event)
        return super().edit(index, trigger, event)

    def edit_next(self, move: QAbstractItemView.CursorAction) -> None:
        """Tab (Shift+Tab) out of the frozen column's editor: on to the main table's next cell,
        as Qt does within one view."""
        index = self.moveCursor(move, Qt.KeyboardModifier.NoModifier)
        if not index.isValid():
            return
        flags = self.selectionModel().SelectionFlag.ClearAndSelect
        if self.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
            flags |= self.selectionModel().SelectionFlag.Rows
        self.selectionModel().setCurrentIndex(index, flags)
        if index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)

    def cell_rect(self, index: QModelIndex) -> QRect:
        """Where a cell is seen, in this table's coordinates (the frozen one in the overlay)."""
        view = self.frozen if index.column() == self.frozen_column else self
        rect = view.visualRect(index)
        return QRect(view.viewport().mapTo(self, rect.topLeft()), rect.size())

    def _show_frozen_column_only(self) -> None:
        model = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            self.frozen.setColumnHidden(column, column != self.frozen_column)
        self.frozen.setColumnWidth(self.frozen_column, self.columnWidth(self.frozen_column))
        self.frozen.setSelectionBehavior(self.selectionBehavior())
        self.frozen.setEditTriggers(self.editTriggers())
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

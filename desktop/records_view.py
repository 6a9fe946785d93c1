"""A sortable, filterable table of one kind of record, with add / duplicate / delete."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSignalBlocker,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import operations
from desktop.columns import COLUMNS, TITLES
from desktop.delegates import RecordDelegate
from desktop.frozen_table import FrozenTableView
from desktop.labels import Names
from desktop.new_records import new_record, starting_values
from desktop.record_model import RAW_ROLE, RecordTableModel
from desktop.session import PortfolioSession
from model.domain import KINDS
from model.store import InvalidEdit

# The column that says which record a row is (the one after the id): kept in view when scrolling.
FROZEN_FIELD = {kind: columns[1].field for kind, columns in COLUMNS.items()}
NOTE_MAX_WIDTH = 360  # a longer reason wraps: one glance reads it
NOTE_PADDING = 4


class RecordsView(QWidget):
    selectionChangedTo = Signal(str)  # id of the selected record ('' when none)
    message = Signal(str)  # for the status bar

    def __init__(self, session: PortfolioSession, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.kind = session, kind
        self.model = RecordTableModel(session, kind, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(RAW_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.filter = QLineEdit(placeholderText=f"Filter {TITLES[kind].lower()}…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = FrozenTableView()
        self.table.setObjectName(f"{kind}View")
        self.delegate = RecordDelegate(session, kind, self.model.columns, self.table)
        self.table.setItemDelegate(self.delegate)
        # The frozen name column edits in its own view, so with its own delegate (frozen_table.py).
        self.frozen_delegate = RecordDelegate(session, kind, self.model.columns, self.table)
        self.table.set_frozen_delegate(self.frozen_delegate)
        self.table.setModel(self.proxy)
        # Keep the file's order until a header is clicked (and do not sort 1,000 rows at start).
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Size columns from the first rows only: measuring every cell of 1,000 blocks took 1.5 s.
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 220))
        # The record's name (a deal's block) stays at the left; the internal id goes last.
        header = self.table.horizontalHeader()
        header.moveSection(header.visualIndex(self.model.column_of("id")), header.count() - 1)
        self.name_column = self.model.column_of(FROZEN_FIELD[kind])
        self.table.freeze(self.name_column)
        # A child of this view, not of the table's viewport: a note about the last row has
        # the room above it, and it stays above the frozen name column.
        self.refusal = QLabel(self, objectName="refusalNote")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(
            "QLabel { background: #FFF4F4; color: #8A0018; border: 1px solid #B00020; "
            f"padding: {NOTE_PADDING}px; }}"
        )
        self.refusal.hide()
        self.last_refusal = self.refusal
        self._refusal_timer = QTimer(self, singleShot=True, interval=12000)
        self._refusal_timer.timeout.connect(self.hide_refusal)
        self._refused_cell = QPersistentModelIndex()  # the cell the note is about
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        # A reset (add, delete, undo, import) drops Qt's highlight: the record keeps it.
        self._kept = ""
        self.model.modelAboutToBeReset.connect(self._keep_selection)
        self.model.modelReset.connect(self._restore_selection)
        # The note goes with its cause: on Esc, on leaving the cell, on any edit or undo.
        self.table.selectionModel().currentChanged.connect(self._on_cell_left)
        self.table.installEventFilter(self)
        session.portfolioChanged.connect(self._on_portfolio_changed)

        noun = KINDS[kind].singular
        add = QPushButton("Add")
        add.setToolTip(
            "Add a deal on the selected block" if kind == "deals" else f"Add a new {noun}"
        )
        duplicate = QPushButton("Duplicate")
        duplicate.setToolTip(f"Add a copy of the selected {noun}")
        delete = QPushButton("Delete…")
        delete.setToolTip(f"Delete the selected {noun} (asks first; Edit > Undo brings it back)")
        add.clicked.connect(self.add_record)
        duplicate.clicked.connect(self.duplicate_record)
        delete.clicked.connect(self.delete_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        for button in (add, duplicate, delete):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table)

        self.block_for_new_deal = ""  # the selected block, set by the portfolio view
        self.model.editRefused.connect(self._refused)
        self.delegate.refused.connect(self._refused)
        self.frozen_delegate.refused.connect(self._refused)

    # --- selection -------------------------------------------------------------------------

    def selected_id(self) -> str:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return ""
        return self.model.record(self.proxy.mapToSource(index).row()).id

    def select(self, record_id: str) -> None:
        """Highlight the record's row ('' or an unknown id: no row)."""
        row = self.model.row_of(record_id)
        if row < 0:
            self.table.selectionModel().clear()
            return
        if record_id == self.selected_id():  # already its row: the cell the user is on stays
            return
        index = self.proxy.mapFromSource(self.model.index(row, self.name_column))
        if not index.isValid():  # hidden by the filter: clear it so the selection shows
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, self.name_column))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _keep_selection(self) -> None:
        self._kept = self.selected_id()

    def _restore_selection(self) -> None:
        kept, self._kept = self._kept, ""
        if not kept:
            return
        if self.model.row_of(kept) < 0:  # the record went: nothing is selected now
            self.selectionChangedTo.emit("")
            return
        with QSignalBlocker(self):  # the same record: the panels already show it
            self.select(kept)

    def source_index(self, record_id: str, field: str):
        """The proxy index of one cell (tests and the what-if panel use it)."""
        row = self.model.row_of(record_id)
        return self.proxy.mapFromSource(self.model.index(row, self.model.column_of(field)))

    def _on_current_changed(self, current, _previous) -> None:
        self.hide_refusal()
        self.selectionChangedTo.emit(self.selected_id())

    def hide_refusal(self) -> None:
        self.refusal.hide()
        self._refusal_timer.stop()
        self._refused_cell = QPersistentModelIndex()

    def _on_cell_left(self, current, _previous) -> None:
        if self._refused_cell.isValid() and current != QModelIndex(self._refused_cell):
            self.hide_refusal()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and self.refusal.isVisible()
        ):
            self.hide_refusal()
            return True
        return super().eventFilter(watched, event)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.hide_refusal()  # another tab opened: the note would be stale when it comes back
        super().hideEvent(event)

    def _refused(self, text: str, cell: QModelIndex | None = None) -> None:
        """Say why next to the cell being edited (and in the status bar), without blocking."""
        self.message.emit(text)
        self.refusal.setText(text)
        valid = cell is not None and cell.isValid()
        self.refusal.setGeometry(self._note_place(cell if valid else self.table.currentIndex()))
        self.refusal.show()
        self.refusal.raise_()
        self._refusal_timer.start()
        # Armed once the editor has closed: Tab out of a refused cell keeps the note in view.
        QTimer.singleShot(0, self, self._arm)

    def _note_place(self, index: QModelIndex) -> QRect:
        """Where the note is read whole: right of the cell, else below it, else above it (a
        new record's row is the last one); wrapped to fit this view's width."""
        room = self.rect().adjusted(2, 2, -2, -2)
        note = self.refusal
        margins = note.contentsMargins()
        padding = margins.left() + margins.right() + 2 * NOTE_PADDING
        natural = note.fontMetrics().horizontalAdvance(note.text()) + padding + 2
        width = max(1, min(natural, NOTE_MAX_WIDTH, room.width()))
        height = note.heightForWidth(width)
        if height < 0:
            height = note.sizeHint().height()
        cell = self.table.cell_rect(index)
        if not cell.isValid():  # nothing being edited (Add refused): at the top of the table
            return QRect(room.left(), self.table.y(), width, height)
        cell.translate(self.table.pos())

        def inside(x: int, y: int) -> QRect:
            x = min(max(x, room.left()), room.right() + 1 - width)
            y = min(max(y, room.top()), room.bottom() + 1 - height)
            return QRect(x, y, width, height)

        if cell.right() + 4 + width <= room.right():
            return inside(cell.right() + 4, cell.top())
        below, above = room.bottom() - cell.bottom(), cell.top() - room.top()
        if below >= height + 2 or below >= above:
            return inside(cell.left(), cell.bottom() + 2)
        return inside(cell.left(), cell.top() - 2 - height)

    def _on_portfolio_changed(self, _changes: list) -> None:
        self.hide_refusal()

    def _arm(self) -> None:
        if self.refusal.isVisible():
            self._refused_cell = QPersistentModelIndex(self.table.currentIndex())

    # --- add / duplicate / delete ------------------------------------------------------------

    def add_record(self) -> None:
        fields = new_record(self.session, self.kind, block_id=self.block_for_new_deal)
        if fields is None:
            self._refused(f"Add a block and a firm before adding a {KINDS[self.kind].singular}.")
            return
        self._run(lambda: operations.add_record(self.session, self.kind, fields))
        self.select(fields["id"])
        if self.kind == "deals":
            block = self.session.portfolio.block(fields["block_id"]).name
            self.message.emit(f"New deal on {block}: choose its firm, status and offtake share")
            return
        # Typing goes straight into the new row's name, and the starting values are said,
        # so a block does not stay 'Australia, exploration' unnoticed.
        self.table.setFocus()
        self.table.edit(self.table.currentIndex())
        self.message.emit(
            f"New {KINDS[self.kind].singular}: type its name; {self._started(fields)}"
        )

    def _started(self, fields: dict) -> str:
        """'it starts as Australia (AUS), exploration' from the row as the table shows it."""
        row = self.model.row_of(fields["id"])
        shown = [
            str(self.model.index(row, k).data())
            for k, column in enumerate(self.model.columns)
            if column.field in starting_values(self.kind) and k != self.name_column
        ]
        return (
            f"it starts as {', '.join(shown)}: change what differs" if shown else "then its figures"
        )

    def duplicate_record(self) -> None:
        record_id = self.selected_id()
        if not record_id:
            self.message.emit("Select a row to duplicate.")
            return
        fields = new_record(self.session, self.kind, like=record_id)
        self._run(lambda: operations.add_record(self.session, self.kind, fields))
        self.select(fields["id"])

    def delete_selected(self, *, confirm: bool = True) -> None:
        record_id = self.selected_id()
        if not record_id:
            self.message.emit("Select a row to delete.")
            return
        deals, plants = operations.dependents(self.session, self.kind, record_id)
        if confirm:
            names = Names(self.session.portfolio)
            record = next(
                r for r in getattr(self.session.portfolio, self.kind) if r.id == record_id
            )
            label = getattr(record, "name", None) or names.deal(record_id)
            detail = []
            if deals:
                detail.append(
                    f"{len(deals)} deal(s): " + ", ".join(names.deal(d.id) for d in deals)
                )
            if plants:
                detail.append(f"{len(plants)} plant(s) will lose their firm")
            together = ("together with\n" + "\n".join(detail)) if detail else ""
            answer = QMessageBox.question(
                self,
                "Delete",
                f"Delete {KINDS[self.kind].singular} '{label}'{' ' + together if together else '?'}"
                + "\n\nYou can undo this (Edit > Undo).",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(lambda: operations.delete_record(self.session, self.kind, record_id))

    def _run(self, edit) -> None:
        try:
            edit()
        except InvalidEdit as exc:
            self._refused(str(exc))

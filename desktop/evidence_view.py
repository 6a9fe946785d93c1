"""View > Evidence register: every sourced value in one table, the values of one figure together
and the one in use marked. 'Use this value' is the detail panel's edit (operations.choose_evidence:
one undo step, every chart follows); a double-click selects the record; a source's link opens in
the browser only when clicked (the app itself never goes online)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import operations
from desktop.evidence_rows import EvidenceRow, evidence_rows
from desktop.labels import plain_source
from desktop.session import PortfolioSession
from model.store import InvalidEdit

COLUMNS = ("Record", "Field", "Value", "Unit", "In use", "Source", "As of", "URL", "Note")
URL_COLUMN = COLUMNS.index("URL")
WIDTHS = (125, 120, 76, 125, 62, 300, 70, 160, 300)
BAND = QColor("#EEF2F8")  # every other figure, so the values of one figure read as a group
QUIET = QColor("#888888")  # record and field repeated below a figure's first row
LINK = QColor("#1F5FBF")
ALL = "(all)"


def open_link(url: str) -> bool:
    """Open a source's web page in the user's browser; only http(s) links."""
    link = QUrl(url)
    if link.scheme() not in ("http", "https"):
        return False
    return QDesktopServices.openUrl(link)


class EvidenceModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.all: list[EvidenceRow] = []
        self.rows: list[EvidenceRow] = []
        self.record, self.field, self.conflicts_only = ALL, ALL, False

    def set_rows(self, rows: list[EvidenceRow]) -> None:
        self.all = rows
        self._filter()

    def set_filter(self, record: str, field: str, conflicts_only: bool) -> None:
        self.record, self.field, self.conflicts_only = record, field, conflicts_only
        self._filter()

    def _filter(self) -> None:
        self.beginResetModel()
        self.rows = [
            r
            for r in self.all
            if self.record in (ALL, r.record)
            and self.field in (ALL, r.field)
            and (r.conflicting or not self.conflicts_only)
        ]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        column = index.column()
        e = row.evidence
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (
                row.record,
                row.field,
                row.value,
                e.unit,
                row.in_use,
                plain_source(e.source),
                e.as_of,
                e.url,
                e.note,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row)
        if role == Qt.ItemDataRole.BackgroundRole and row.group % 2:
            return BAND
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.refused and column != URL_COLUMN:
                return QUIET  # another unit or quantity: context only, cannot be used
            if column == URL_COLUMN and e.url:
                return LINK
            if column < 2 and not row.first:
                return QUIET
        # bold: the value in use where sources differ, or where it was typed by hand
        marked = bool(row.in_use) and (row.conflicting or row.typed)
        if role == Qt.ItemDataRole.FontRole and (marked or (column == URL_COLUMN and e.url)):
            font = QFont()
            font.setBold(marked and column != URL_COLUMN)
            font.setUnderline(column == URL_COLUMN)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _tip(row: EvidenceRow) -> str:
        e = row.evidence
        if row.typed:
            return f"{row.record}: {row.field}\n{row.value} {e.unit} (in use)\n{e.source}\n{e.note}"
        lines = [
            f"{row.record}: {row.field}",
            f"{row.value} {e.unit}" + (f" ({row.in_use})" if row.in_use else ""),
            f"{plain_source(e.source)} (as of {e.as_of})",
        ]
        if e.note:
            lines.append(e.note)
        if row.refused:
            lines.append(f"Cannot be used: {row.refused}")
        if e.url:
            lines.append(f"{e.url} (click to open in your browser)")
        if row.conflicting:
            lines.append(f"One of {row.values} sourced values of this figure")
        return "\n".join(lines)


class EvidenceView(QWidget):
    """The register for one open portfolio."""

    recordRequested = Signal(str, str, str)  # kind, record id, field: the record to select
    message = Signal(str)

    def __init__(self, session: PortfolioSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("evidenceView")
        self.session = session
        self.model = EvidenceModel(self)
        self.table = QTableView(objectName="evidenceTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(WIDTHS):
            self.table.setColumnWidth(column, width)
        self.record_combo = QComboBox(objectName="evidenceRecord")
        self.record_combo.setToolTip("Show the sourced values of one record only")
        self.record_combo.setMinimumContentsLength(14)
        self.field_combo = QComboBox(objectName="evidenceField")
        self.field_combo.setToolTip("Show the sourced values of one field only")
        self.field_combo.setMinimumContentsLength(14)
        self.conflicts = QCheckBox(
            "Only figures whose sources differ", objectName="evidenceConflicts"
        )
        self.conflicts.setToolTip("Hide figures with a single sourced value")
        self.use_button = QPushButton("Use this value", objectName="useEvidence")
        self.use_button.setToolTip(
            "Put the selected value into the model in place of the one in use "
            "(one edit: Edit > Undo takes it back); every chart follows"
        )
        self.link_button = QPushButton("Open source link", objectName="openEvidenceLink")
        self.link_button.setToolTip("Open the selected value's source in your web browser")
        self.count = QLabel(objectName="evidenceCount")
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Record"))
        filters.addWidget(self.record_combo)
        filters.addWidget(QLabel("Field"))
        filters.addWidget(self.field_combo)
        filters.addWidget(self.conflicts)
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.use_button)
        actions.addWidget(self.link_button)
        actions.addWidget(self.count, 1)
        hint = QLabel(
            "Values of one figure sit together; where sources differ the one in use is in bold "
            "('Typed by hand' when it is none of them). "
            "Double-click a row to select its record."
        )
        hint.setStyleSheet("QLabel { color: #555; }")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(hint)
        self.record_combo.currentTextChanged.connect(self._on_filter)
        self.field_combo.currentTextChanged.connect(self._on_filter)
        self.conflicts.toggled.connect(self._on_filter)
        self.use_button.clicked.connect(self.use_selected)
        self.link_button.clicked.connect(self.open_selected_link)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.clicked.connect(self._on_click)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._sync_buttons())
        self._stale = True
        session.portfolioChanged.connect(self._on_portfolio_changed)
        self.refresh()

    # --- contents --------------------------------------------------------------------------

    def _on_portfolio_changed(self, _changes: list) -> None:
        """A choice, an undo, a renamed record or an edited figure: refresh now if shown,
        else when next shown (an edit in a large portfolio does not wait for a hidden table)."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._stale = False
        selected = self.selected()
        rows = evidence_rows(self.session.portfolio)
        self._fill_combo(self.record_combo, [r.record for r in rows])
        self._fill_combo(self.field_combo, [r.field for r in rows])
        self.model.set_rows(rows)
        self._select(selected.evidence.id if selected else "")
        self._sync_buttons()

    def _fill_combo(self, combo: QComboBox, names: list[str]) -> None:
        current = combo.currentText() or ALL
        combo.blockSignals(True)
        combo.clear()
        combo.addItems([ALL, *sorted(set(names), key=str.lower)])
        combo.setCurrentText(current if combo.findText(current) >= 0 else ALL)
        combo.blockSignals(False)

    def _on_filter(self, *_args) -> None:
        selected = self.selected()
        self.model.set_filter(
            self.record_combo.currentText(),
            self.field_combo.currentText(),
            self.conflicts.isChecked(),
        )
        self._select(selected.evidence.id if selected else "")
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        row = self.selected()
        usable = row is not None and not row.in_use.startswith("✓") and not row.refused
        self.use_button.setEnabled(usable)
        self.use_button.setToolTip(
            f"Cannot be used: {row.refused}"
            if row is not None and row.refused
            else "Put the selected value into the model in place of the one in use "
            "(one edit: Edit > Undo takes it back); every chart follows"
        )
        self.link_button.setEnabled(row is not None and bool(row.evidence.url))
        shown = [r for r in self.model.rows if not r.typed]
        figures = len({r.group for r in shown})
        differ = len({r.group for r in shown if r.conflicting})
        self.count.setText(
            f"{len(shown)} sourced values of {figures} figures; {differ} with sources that differ"
        )

    # --- selection and actions ----------------------------------------------------------------

    def selected(self) -> EvidenceRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.rows[index.row()]

    def select(self, evidence_id: str) -> bool:
        """Select the row of a sourced value (True if it is shown)."""
        return self._select(evidence_id)

    def _select(self, evidence_id: str) -> bool:
        for k, row in enumerate(self.model.rows):
            if row.evidence.id == evidence_id:
                self.table.selectRow(k)
                self.table.scrollTo(self.model.index(k, 0))
                return True
        self.table.clearSelection()
        return False

    def use_selected(self) -> None:
        """The detail panel's choice (operations.choose_evidence): one undoable edit."""
        row = self.selected()
        if row is None:
            return
        try:
            operations.choose_evidence(self.session, row.evidence.id)
        except InvalidEdit as exc:
            QMessageBox.warning(self, "Value not used", "\n".join(exc.problems))
            return
        self.message.emit(
            f"Now using {row.value} {row.evidence.unit} for {row.record}: {row.field} "
            "(Edit > Undo takes it back)"
        )

    def open_selected_link(self) -> None:
        row = self.selected()
        if row is not None and row.evidence.url:
            open_link(row.evidence.url)

    def _on_click(self, index: QModelIndex) -> None:
        if index.column() == URL_COLUMN:
            url = self.model.rows[index.row()].evidence.url
            if url:
                open_link(url)

    def _on_double_click(self, index: QModelIndex) -> None:
        e = self.model.rows[index.row()].evidence
        self.recordRequested.emit(e.record_kind, e.record_id, e.field_name)

"""The main window: menus, the toolbar of projection settings, and the open portfolio's view."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSpinBox,
    QToolBar,
    QWidget,
)

from desktop import operations
from desktop.about import about_text
from desktop.assumptions_dialog import AssumptionsDialog
from desktop.china_share_dialog import edit_china_share
from desktop.confidential_dialog import ConfidentialDialog
from desktop.dialogs import BackupsDialog, check_portfolio, in_use_question, show_read_only
from desktop.evidence_dock import EvidenceDock, add_evidence_register
from desktop.explain import incomplete_records
from desktop.file_dialogs import open_path, save_path
from desktop.incomplete_dialog import IncompleteDialog
from desktop.labels import MODE_RULES, mode_tooltip
from desktop.plan_view import PlanView
from desktop.portfolio_view import CHOOSE, PortfolioView
from desktop.saved_note import status_note
from desktop.scenario_choices import NO_SCENARIO, scenario_choices
from desktop.session import PortfolioSession
from desktop.status_bar import StatusBar
from desktop.style import STAGE_LABELS
from desktop.target_dialog import TargetDialog
from desktop.window_size import DEFAULT_SIZE, first_run_geometry, fits
from model.band_words import MODE_FREE, figure_meaning, figure_name
from model.csv_records import CSV_KINDS, UnknownTable, closest_kind, csv_rows
from model.demand import demand_balance
from model.domain import KINDS, YEAR_MAX, YEAR_MIN
from model.dytb_words import ZERO_NOTE, cap_line
from model.export_target import is_portfolio_file
from model.field_words import qualified
from model.files import private_output
from model.importing import apply_import, read_import
from model.interchange import InvalidPortfolio, write_interchange
from model.scenario import Mode
from model.store import InUse, InvalidEdit, Store, StoreError
from model.store.backups import copy_database
from model.store.locations import EXTENSION
from model.tabular import write_xlsx

FILE_FILTER = f"REPM portfolio (*{EXTENSION});;All files (*)"
JSON_FILTER = "Interchange JSON (*.json);;All files (*)"
XLSX_FILTER = "Excel workbook (*.xlsx)"
PDF_FILTER = "PDF (*.pdf)"
TABLE_FILTER = "Excel or CSV (*.xlsx *.csv)"
MAX_RECENT = 8


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings or QSettings("REPM", "REPM planner")
        self.session: PortfolioSession | None = None
        self.view: PortfolioView | None = None
        self.plan_view: PlanView | None = None
        self.dialog: QWidget | None = None  # the last non-blocking dialog opened
        self.briefing = None  # the briefing export under way, if any
        self.undo_group = QUndoGroup(self)
        self.setStatusBar(StatusBar(self))  # message and summary side by side, never overlapping
        self._build_menus()
        self._build_toolbar()
        self.status_label = QLabel(objectName="statusSummary")
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.linkActivated.connect(lambda _link: self.show_incomplete())
        self.status_saved = status_note()  # shown while a what-if is pending
        self.statusBar().addPermanentWidget(self.status_saved)
        self.statusBar().addPermanentWidget(self.status_label)
        self.evidence_dock: EvidenceDock | None = None  # made when a portfolio first opens
        self._show_empty()
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """Open at 1366x768 or the screen's free area if smaller; restore the saved geometry
        only when it still fits the screen (a laptop unplugged from a large monitor)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        free = screen.availableGeometry() if screen else QRect(0, 0, *DEFAULT_SIZE)
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            if not self.isMaximized() and not fits(self.frameGeometry().size(), free):
                self.setGeometry(first_run_geometry(free))
            return
        self.setGeometry(first_run_geometry(free))

    def _restore_docks(self) -> None:
        """The evidence register where it was left: docked at an edge or floating, its size,
        shown or not (QMainWindow.restoreState finds the dock by its objectName)."""
        state = self.settings.value("windowState")
        dock = self.evidence_dock
        if isinstance(state, QByteArray) and not dock.placed:
            dock.placed = True  # shown by restoreState: not moved to its first-run place
            dock.setFloating(False)  # else a dock left hidden at an edge comes back floating
            self.restoreState(state)

    # --- building --------------------------------------------------------------------------

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        file = self.menuBar().addMenu("&File")
        self._action(file, "&New…", self.new_portfolio, keys.New)
        self._action(file, "&Open…", self.choose_and_open, keys.Open)
        self.recent_menu = file.addMenu("Open &Recent")
        self._action(file, "Save a &Copy As…", self.save_copy, keys.SaveAs)
        file.addSeparator()
        self._action(file, "&Import Interchange JSON…", self.import_json)
        self._action(file, "Import E&xcel or CSV…", self.import_table)
        self._action(file, "&Export Interchange JSON…", self.export_json)
        self._action(file, "Export Excel…", self.export_xlsx)
        self._action(file, "Export &Briefing (PDF)…", self.export_briefing)
        file.addSeparator()
        self._action(file, "&Backups…", self.show_backups)
        self._action(file, "Chec&k Portfolio", self.check_portfolio)
        file.addSeparator()
        self._action(file, "&Quit", self.close, keys.Quit)
        edit = self.menuBar().addMenu("&Edit")
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(keys.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(keys.Redo)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self._action(edit, "&Assumptions…", self.edit_assumptions)
        self._action(edit, "&Target Path…", self.edit_target)
        self._action(edit, "C&hina Import Share Path…", lambda: edit_china_share(self))
        self._action(edit, "Portfolio &Name…", self.edit_name)
        self._action(edit, "&Confidential Fields…", self.edit_confidential_fields)
        view = self.menuBar().addMenu("&View")
        self._action(view, "Stack by &country", lambda: self._group_by("country"))
        self._action(view, "Stack by &block", lambda: self._group_by("block"))
        self.view_menu = view
        self._view_actions: list[QAction] = []  # the open portfolio's views, rebuilt with it
        help_menu = self.menuBar().addMenu("&Help")
        self._action(
            help_menu, "User &Guide", self.show_guide, QKeySequence.StandardKey.HelpContents
        )
        help_menu.addSeparator()
        self._action(help_menu, "&About REPM planner", self.show_about)
        self._refresh_recent()

    def _build_toolbar(self) -> None:
        bar = QToolBar("Projection", objectName="projectionToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.scenario_combo = QComboBox(objectName="scenarioCombo")
        self.scenario_combo.setMinimumContentsLength(18)
        self.mode_combo = QComboBox(objectName="modeCombo")
        self.mode_combo.addItems([m.value for m in Mode])
        self.mode_combo.setToolTip(mode_tooltip())
        self.start_spin = QSpinBox(objectName="horizonStart", minimum=YEAR_MIN, maximum=YEAR_MAX)
        self.end_spin = QSpinBox(objectName="horizonEnd", minimum=YEAR_MIN, maximum=YEAR_MAX)
        self.year_spin = QSpinBox(objectName="targetYear", minimum=YEAR_MIN, maximum=YEAR_MAX)
        self.group_combo = QComboBox(objectName="groupCombo")
        self.group_combo.addItems(["country", "block"])
        self.scenario_combo.setToolTip(
            "The scenario to project: the portfolio as it is, or with a scenario's delays, "
            "overrides and cut-offs (edit scenarios in the Scenarios tab)"
        )
        self.start_spin.setToolTip("First year of the projection")
        self.end_spin.setToolTip("Last year of the projection")
        self.year_spin.setToolTip(
            "The year the headline, the what-if change, the ranking and the briefing lead with"
        )
        self.group_combo.setToolTip("Stack the chart's bars by country or by block")
        for label, widget in (
            ("Scenario ", self.scenario_combo),
            ("  Mode ", self.mode_combo),
            ("  Horizon ", self.start_spin),
            (" – ", self.end_spin),
            ("  Target year ", self.year_spin),
            ("  Stack by ", self.group_combo),
        ):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        self.scenario_combo.currentTextChanged.connect(self._on_scenario)
        self.mode_combo.currentTextChanged.connect(self._on_mode)
        self.start_spin.valueChanged.connect(self._on_horizon)
        self.end_spin.valueChanged.connect(self._on_horizon)
        self.year_spin.valueChanged.connect(self._on_target_year)
        self.group_combo.currentTextChanged.connect(self._group_by)

    def _show_empty(self) -> None:
        label = QLabel("No portfolio is open. Use File > Open or File > New.")
        label.setObjectName("emptyLabel")
        label.setMargin(40)
        self.setCentralWidget(label)
        self.status_saved.setVisible(False)
        self.setWindowTitle("REPM planner")

    # --- opening portfolios --------------------------------------------------------------

    def open_portfolio(self, path: str | Path, read_only: bool = False) -> bool:
        """Open a portfolio file; on a store error show what happened and the backups; when it
        is open for writing in another window, offer to open it read-only."""
        path = Path(path)
        try:
            session = PortfolioSession.open(path, self, read_only=read_only)
        except InUse as exc:
            box = in_use_question(self, exc)
            box.accepted.connect(lambda: self.open_portfolio(path, read_only=True))
            self.dialog = box
            return False
        except StoreError as exc:
            self.show_store_error(exc)
            return False
        except Exception as exc:  # never a traceback over the user's file: say it, offer backups
            self.show_store_error(StoreError(path, f"could not be opened ({exc})"))
            return False
        self._install(session)
        if session.store.read_only:
            show_read_only(self.view)
        for warning in session.store.warnings:
            self.statusBar().showMessage(f"Warning: {warning}", 15000)
        return True

    def _close_session(self) -> None:
        """Close the open portfolio (and release its writer lock), leaving an empty window."""
        if self.session is None:
            return
        self._save_view_state()
        self.view.dispose()
        self.undo_group.removeStack(self.session.undo_stack)
        self.session.close()
        self.session = self.view = None
        add_evidence_register(self, None)
        self._fill_view_menu()
        self._show_empty()

    def _install(self, session: PortfolioSession) -> None:
        if self.session is not None:
            self._save_view_state()
            self.plan_view.dispose()
            self.view.dispose()
            self.undo_group.removeStack(self.session.undo_stack)
            self.session.close()
        self.session = session
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        self.view = PortfolioView(session)
        self.view.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.view.what_if.previewChanged.connect(
            lambda preview: self.status_saved.setVisible(preview is not None)
        )
        self.status_saved.setVisible(False)
        self._add_plan_view(session)
        self.evidence_dock = add_evidence_register(self, session)
        self._fill_view_menu()
        self.setCentralWidget(self.view)
        for name, splitter in self.view.splitters().items():
            state = self.settings.value(f"splitters/{name}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        self._restore_docks()
        self._restore_tab_and_selection()
        self._sync_toolbar()
        session.projectionChanged.connect(self._update_status)
        session.viewSettingsChanged.connect(self._update_status)
        session.portfolioChanged.connect(lambda _changes: self._on_portfolio_changed())
        session.undoStepped.connect(self.statusBar().show_step)
        self._update_status()
        self._remember(session.path)

    def _add_plan_view(self, session: PortfolioSession) -> None:
        """The Plan view (desktop/plan_view.py) in a tab of its own."""
        self.plan_view = PlanView(session)
        self.plan_view.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.view.add_view(
            self.plan_view,
            "Plan",
            "The best plan of deals and plant options for a year",
            CHOOSE,
            detail=False,
        )

    def _fill_view_menu(self) -> None:
        """View menu entries for the open portfolio's views: Ctrl+1... for each group of tabs,
        Ctrl+PgDown/PgUp for the next and previous view, and every view by name."""
        for action in self._view_actions:
            self.view_menu.removeAction(action)
            (action.menu() or action).deleteLater()
        self._view_actions = []
        if self.view is None:
            return
        tabs, menu = self.view.tabs, self.view_menu

        def add(text: str, slot, shortcut: QKeySequence | None = None) -> QAction:
            action = self._action(menu, text, slot, shortcut)
            self._view_actions.append(action)
            return action

        self._view_actions.append(menu.addSeparator())
        for number, group in enumerate(tabs.group_names(), start=1):
            keys = QKeySequence(f"Ctrl+{number}") if number <= 9 else None
            add(group, lambda _=False, g=group: tabs.show_title(g), keys)
        self._view_actions.append(menu.addSeparator())
        add("&Next View", lambda: tabs.step(1), QKeySequence("Ctrl+PgDown"))
        add("&Previous View", lambda: tabs.step(-1), QKeySequence("Ctrl+PgUp"))
        go_to = QMenu("&Go to View", self)
        for index in range(tabs.count()):
            title, group = tabs.tabText(index), tabs.group_of(index)
            action = go_to.addAction(title if title == group else f"{title} ({group})")
            action.triggered.connect(lambda _=False, i=index: tabs.setCurrentIndex(i))
        self._view_actions.append(menu.addMenu(go_to))

    def show_store_error(self, error: StoreError) -> None:
        dialog = BackupsDialog(error.path, error, self)
        dialog.restored.connect(self.open_portfolio)
        dialog.openReadOnly.connect(lambda path: self.open_portfolio(path, read_only=True))
        dialog.open()
        self.dialog = dialog
        self.statusBar().showMessage(str(error), 15000)

    # --- toolbar ---------------------------------------------------------------------------

    def _sync_toolbar(self) -> None:
        s = self.session
        widgets = (self.mode_combo, self.start_spin, self.end_spin, self.year_spin)
        for widget in widgets:
            widget.blockSignals(True)
        self._sync_scenarios()
        self.mode_combo.setCurrentText(s.effective_mode().value)
        self.start_spin.setValue(s.start)
        self.end_spin.setValue(s.end)
        self.year_spin.setRange(s.start, s.end)
        self.year_spin.setValue(s.target_year)
        for widget in widgets:
            widget.blockSignals(False)

    def _on_portfolio_changed(self) -> None:
        self._sync_scenarios()
        self._update_status()  # the title shows the portfolio's name

    def _sync_scenarios(self) -> None:
        s = self.session
        combo = self.scenario_combo
        combo.blockSignals(True)
        combo.clear()
        for text, tip in scenario_choices(s.portfolio):
            combo.addItem(text)
            combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentText(s.scenario_name or NO_SCENARIO)
        combo.blockSignals(False)

    def _on_scenario(self, name: str) -> None:
        if self.session:
            self.session.mode = None  # the scenario brings its own mode
            self.session.set_scenario(None if name == NO_SCENARIO else name)
            self._sync_toolbar()

    def _on_mode(self, mode: str) -> None:
        if self.session:
            self.session.set_mode(mode)

    def _on_horizon(self) -> None:
        if not self.session:
            return
        start, end = self.start_spin.value(), self.end_spin.value()
        if end < start:
            self.statusBar().showMessage(f"Horizon: {end} is before {start}", 6000)
            return
        self.session.set_horizon(start, end)
        self._sync_toolbar()

    def _on_target_year(self, year: int) -> None:
        if self.session:
            self.session.set_target_year(year)

    def _group_by(self, group_by: str) -> None:
        if self.view:
            self.group_combo.setCurrentText(group_by)
            self.view.set_group_by(group_by)

    def _update_status(self) -> None:
        s = self.session
        p = s.projection
        i = p.year_index(s.target_year)
        read_only = " [read-only]" if s.store.read_only else ""
        self.setWindowTitle(f"{s.portfolio.name} — {s.path}{read_only} — REPM planner")
        incomplete = len(incomplete_records(p))
        zero = f" ({ZERO_NOTE})" if p.inputs.dytb_unknown else ""
        mode, delayed = p.inputs.mode.value, p.inputs.delayed
        counts = (
            f" · committed counts {MODE_RULES['committed']}"
            if mode == "committed" and p.magnets[i] < 0.5
            else ""
        )
        need = demand_balance(p, s.portfolio.demand)  # China's share may change alone
        k = need.year_index(s.target_year)
        imports = f" · imports {need.imports[k]:,.0f} t (China {need.china_imports[k]:,.0f} t)"
        self.status_label.setText(
            f"{s.target_year}: {p.magnets[i]:,.0f} t magnets vs target {p.target[i]:,.0f} t"
            f" ({figure_name(mode, delayed)}) · bottleneck {STAGE_LABELS[p.bottleneck[i]]}{imports}{counts}"
            + (
                f" · <a href='incomplete'>{incomplete} records incomplete</a>{zero}"
                if incomplete
                else ""
            )
        )
        self.status_label.setToolTip(
            f"Mode '{mode}' counts {MODE_RULES[mode]}: {figure_meaning(mode, delayed)}. {MODE_FREE}"
            + (" Click 'records incomplete' for the list." if incomplete else "")
        )

    def show_incomplete(self) -> None:
        """The records that count for nothing until a figure is filled in."""
        if not self.session:
            return
        p = self.session.projection
        dialog = IncompleteDialog(
            incomplete_records(p), self, dytb_note=cap_line(p.inputs.high_temp_share)
        )
        dialog.cellRequested.connect(self.view.go_to_cell)
        dialog.open()
        self.dialog = dialog

    # --- file menu -------------------------------------------------------------------------

    def choose_and_open(self) -> None:
        path = open_path(self, self.settings, "Open portfolio", FILE_FILTER)
        if path:
            self.open_portfolio(path)

    def new_portfolio(self) -> None:
        path = save_path(
            self, self.settings, "New portfolio", FILE_FILTER, f"Portfolio{EXTENSION}", EXTENSION
        )
        if not path:
            return
        if path.exists():
            QMessageBox.warning(self, "New portfolio", f"{path} exists: choose another name.")
            return
        Store.open(path).close()
        self.open_portfolio(path)

    def save_copy(self) -> None:
        if not self.session:
            return
        name = f"{self.session.path.stem} copy {date.today().isoformat()}{EXTENSION}"
        path = save_path(self, self.settings, "Save a copy", FILE_FILTER, name, EXTENSION)
        if path:
            copy_database(self.session.path, Path(path))
            self.statusBar().showMessage(f"Copy saved to {path}", 8000)

    def import_json(self, path: str | None = None) -> None:
        if self.session and not path:
            path = open_path(self, self.settings, "Import interchange JSON", JSON_FILTER)
        if path:
            self._import(str(path), None)

    def _import(self, path: str, kind: str | None) -> None:
        """Read the file whole, then replace (or merge into) the portfolio as one undoable edit;
        fields the file leaves out keep the portfolio's values (`model.importing`)."""
        if not self.session:
            return
        try:
            try:
                incoming = read_import(path, kind)
            except UnknownTable:  # neither its name nor its header row tells: ask
                kind = self._ask_table(path)
                if kind is None:
                    self.statusBar().showMessage(
                        f"Import of {path} cancelled; nothing changed", 8000
                    )
                    return
                incoming = read_import(path, kind)
            portfolio, kept = apply_import(incoming, self.session.store.load_portfolio())
        except InvalidPortfolio as exc:
            self._refuse_import(path, exc)
            return
        except ValueError as exc:  # a CSV whose table is not known
            self._refuse_import(path, InvalidPortfolio(path, [f"(file): {exc}"]))
            return
        if not self._saved(
            "Import",
            lambda: operations.replace_portfolio(
                self.session, portfolio, f"Import {Path(path).name}"
            ),
        ):
            return
        notes = "".join(f"; {n}" for n in (incoming.kind_note, kept.summary()) if n)
        self.statusBar().showMessage(
            f"Imported {path}{notes} (Edit > Undo puts the previous back)", 15000
        )

    def _ask_table(self, path: str) -> str | None:
        """Which table a CSV holds, chosen by the user (None: cancelled)."""
        titles = {KINDS[name].title: name for name in CSV_KINDS}
        try:
            likely = list(titles.values()).index(closest_kind(csv_rows(path)[0]))
        except (InvalidPortfolio, IndexError):
            likely = 0
        title, ok = QInputDialog.getItem(
            self,
            "Import CSV",
            f"Which table does {Path(path).name} hold?\n"
            "Neither its name nor its header row says; the import will name any column that "
            "does not fit the table you choose.",
            list(titles),
            likely,
            False,
        )
        return titles.get(title) if ok else None

    def _include_confidential(self) -> bool:
        fields = ", ".join(map(qualified, self.session.portfolio.confidential_fields)) or "none"
        answer = QMessageBox.question(
            self,
            "Confidential fields",
            f"Include the confidential fields ({fields}) in this export?\n\n"
            "Choose No for a copy that can leave the ministry.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _export_path(self, title: str, filter_: str, name: str, extension: str) -> Path | None:
        """Ask where to write an export: `name` suggested, the extension added if left out."""
        stem = f"{self.session.portfolio.name} {date.today().isoformat()}"
        return save_path(
            self, self.settings, title, filter_, name or stem + extension, extension, confirm=False
        )

    def _export(
        self,
        title: str,
        filter_: str,
        path: str | None,
        include: bool | None,
        write,
        extension: str = "",
    ) -> None:
        if not self.session:
            return
        if not path:
            path = self._export_path(title, filter_, "", extension)
        if not path or not self._may_write(title, Path(path)):
            return
        if include is None:
            include = self._include_confidential()
        try:
            with private_output(path) as out:  # owner-only, and never half a file
                write(self.session.store.load_portfolio(), out, include)
        except (OSError, ValueError) as exc:  # ValueError: text Excel cannot store
            reason = getattr(exc, "reason", exc)  # files.CannotWrite: without the path again
            QMessageBox.warning(self, title, f"Could not write {path}: {reason}")
            return
        left_out = "" if include else " (confidential fields left out)"
        self.statusBar().showMessage(f"Exported to {path}{left_out}", 8000)

    def _may_write(self, title: str, path: Path) -> bool:
        """Never over a portfolio file; over another existing file only when the user says so."""
        if is_portfolio_file(path, self.session.path) or (path.exists() and not path.is_file()):
            QMessageBox.warning(
                self, title, f"{path} is a portfolio file or a folder: choose another name."
            )
            return False
        if not path.exists():
            return True
        answer = QMessageBox.question(
            self,
            title,
            f"{path.name} exists. Replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _refuse_import(self, path: str, exc: InvalidPortfolio) -> None:
        shown = "\n".join(exc.problems[:25])
        more = f"\n… and {len(exc.problems) - 25} more" if len(exc.problems) > 25 else ""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Import refused",
            f"Nothing was changed. {path} has problems:\n\n{shown}{more}",
            parent=self,
        )
        box.setObjectName("importRefused")
        box.open()
        self.dialog = box

    def export_json(self, path: str | None = None, include: bool | None = None) -> None:
        self._export(
            "Export interchange JSON",
            JSON_FILTER,
            path,
            include,
            lambda p, out, inc: write_interchange(p, out, include_confidential=inc),
            ".json",
        )

    def export_xlsx(self, path: str | None = None, include: bool | None = None) -> None:
        def write(portfolio, out, inc):
            write_xlsx(portfolio, out, projection=self.session.projection, include_confidential=inc)

        self._export("Export Excel", XLSX_FILTER, path, include, write, ".xlsx")

    def export_briefing(self, path: str | None = None, include: bool | None = None) -> None:
        """Write the PDF briefing for what the window shows (scenario, mode, horizon, year);
        the figures are computed in the background with a progress dialog."""
        from desktop.briefing_export import BriefingExport  # only when a briefing is asked for
        from desktop.report import suggested_name

        if not self.session:
            return
        if not path:
            path = self._export_path("Export briefing", PDF_FILTER, suggested_name(), ".pdf")
        if not path or not self._may_write("Export briefing", Path(path)):
            return
        if include is None:
            include = self._include_confidential()
        plan = self.plan_view.current_plan() if self.plan_view else None
        self.briefing = BriefingExport(self.session, path, include, self, plan=plan)
        self.briefing.finished.connect(lambda text: self.statusBar().showMessage(text, 15000))

    def import_table(self, path: str | None = None, kind: str | None = None) -> None:
        """Replace the portfolio from a workbook, or merge one table from a CSV (all or nothing)."""
        if self.session and not path:
            path = open_path(self, self.settings, "Import Excel or CSV", TABLE_FILTER)
        if not path:
            return
        self._import(str(path), kind)  # a CSV's table: given, told by its name or header, or asked

    def edit_assumptions(self) -> None:
        if not self.session:
            return
        dialog = AssumptionsDialog(self.session.store.assumptions(), self)
        dialog.accepted.connect(
            lambda: self._saved(
                "Assumptions", lambda: operations.set_assumptions(self.session, dialog.chosen())
            )
        )
        dialog.open()
        self.dialog = dialog

    def edit_target(self) -> None:
        if not self.session:
            return
        dialog = TargetDialog(self.session.store.target(), self)
        dialog.accepted.connect(
            lambda: self._saved(
                "Target path", lambda: operations.set_target(self.session, dialog.chosen())
            )
        )
        dialog.open()
        self.dialog = dialog

    def edit_name(self) -> None:
        if not self.session:
            return
        name, ok = QInputDialog.getText(
            self, "Portfolio name", "Name:", text=self.session.portfolio.name
        )
        if ok:
            self._saved("Portfolio name", lambda: operations.set_name(self.session, name))

    def edit_confidential_fields(self) -> None:
        if not self.session:
            return
        dialog = ConfidentialDialog(self.session.store.confidential_fields(), self)
        dialog.accepted.connect(
            lambda: self._saved(
                "Confidential fields",
                lambda: operations.set_confidential_fields(self.session, dialog.chosen()),
            )
        )
        dialog.open()
        self.dialog = dialog

    def show_backups(self) -> None:
        if not self.session:
            return
        dialog = BackupsDialog(self.session.path, None, self, release=self._close_session)

        def reopen(target: Path) -> None:
            self.open_portfolio(target)

        dialog.restored.connect(reopen)
        dialog.reopen.connect(reopen)
        dialog.open()
        self.dialog = dialog

    def _saved(self, title: str, edit) -> bool:
        """Run an edit; if the store refuses it (a rule, a full disk, a read-only file), say
        why in a box and return False: nothing was written."""
        try:
            edit()
        except InvalidEdit as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, title, str(exc), parent=self)
            box.setObjectName("editRefused")
            box.open()
            self.dialog = box
            return False
        return True

    def check_portfolio(self) -> None:
        if self.session:
            self.dialog = check_portfolio(self, self.session.path)

    def show_guide(self) -> None:
        from desktop.guide import GuideWindow  # only when asked for

        guide = GuideWindow(self)
        guide.show()
        self.guide = guide

    def show_about(self) -> None:
        QMessageBox.about(self, "About REPM planner", about_text())

    # --- recent files and window state ------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        return [value] if isinstance(value, str) else list(value or [])

    def last_file(self) -> str | None:
        recent = self.recent_files()
        return recent[0] if recent else None

    def _remember(self, path: Path) -> None:
        recent = [str(path), *(p for p in self.recent_files() if p != str(path))][:MAX_RECENT]
        self.settings.setValue("recentFiles", recent)
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_portfolio(p))
        self.recent_menu.setEnabled(bool(self.recent_files()))

    def _save_view_state(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        if self.evidence_dock is not None and self.evidence_dock.placed:  # else: first-run place
            self.settings.setValue("windowState", self.saveState())
        if self.view is not None:
            for name, splitter in self.view.splitters().items():
                self.settings.setValue(f"splitters/{name}", splitter.saveState())
            tabs = self.view.tabs
            self.settings.setValue("view/tab", tabs.tabText(max(0, tabs.currentIndex())))
            self.settings.setValue("view/block", self.view.detail.block_id)

    def _restore_tab_and_selection(self) -> None:
        title = self.settings.value("view/tab")
        if isinstance(title, str):
            self.view.tabs.show_title(title)
        block = self.settings.value("view/block")
        if isinstance(block, str) and block:
            self.view.views["blocks"].select(block)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self._save_view_state()
        self.settings.sync()
        if self.session is not None:
            self.plan_view.dispose()
            self.view.dispose()
            self.session.close()
            self.session = None
            self.view = None
        super().closeEvent(event)

"""The desktop on files the store refuses, on a file open in another window, on a full disk and
in a folder named like a URL (issue 11: items 2, 3, 5, 7 and File > Check Portfolio)."""

import contextlib
import os
import sqlite3

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMessageBox, QPushButton
from sqlalchemy import event

from desktop.app import build_window
from model.demo import demo_portfolio
from model.store import Store
from model.store import sqlite as store_sqlite
from tests.damage import VARIANTS, break_an_index, restore_writable, snapshot
from tests.desktop.helpers import edit_cell


def open_window(qtbot, path, tmp_path, name="settings.ini"):
    settings = QSettings(str(tmp_path / name), QSettings.Format.IniFormat)
    win = build_window(path, settings)
    qtbot.addWidget(win)
    return win


def error_text(win) -> str:
    assert win.dialog.objectName() == "storeErrorDialog" and win.dialog.isVisible()
    return win.dialog.findChild(QLabel, "errorText").text()


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_every_refused_file_opens_the_dialog_with_its_backups(
    variant, qtbot, tmp_path, portfolio_path
):
    with Store.open(portfolio_path) as store:  # a backup to offer
        store.update("blocks", "nolans", first_year=2031)
        store.backup()
    VARIANTS[variant](portfolio_path)
    before = snapshot(portfolio_path.parent)
    win = open_window(qtbot, portfolio_path, tmp_path)
    assert error_text(win)  # says what is wrong
    assert win.session is None and win.centralWidget().objectName() == "emptyLabel"
    assert win.dialog.list.count() >= 1  # the backups are offered
    assert snapshot(portfolio_path.parent) == before
    restore_writable(portfolio_path)
    win.dialog.restore_button.click()  # and restoring one opens it
    assert win.session is not None
    assert win.session.store.get("blocks", "nolans").first_year == 2031
    win.close()


def test_a_file_locked_by_another_program_opens_the_dialog(
    monkeypatch, qtbot, tmp_path, portfolio_path
):
    monkeypatch.setattr(store_sqlite, "BUSY_TIMEOUT_S", 0.05)
    with contextlib.closing(sqlite3.connect(portfolio_path, isolation_level=None)) as other:
        other.execute("PRAGMA journal_mode=DELETE")
        other.execute("BEGIN EXCLUSIVE")
        win = open_window(qtbot, portfolio_path, tmp_path)
        assert "in use by another program" in error_text(win)
        other.execute("ROLLBACK")
    win.close()


def test_a_last_opened_file_that_fails_at_start_up_never_stops_the_app(
    qtbot, tmp_path, portfolio_path
):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("recentFiles", [str(portfolio_path)])
    VARIANTS["a record failing validation"](portfolio_path)
    win = build_window(None, settings)  # no path: the last one
    qtbot.addWidget(win)
    assert "first_year: 1200 is below 1950" in error_text(win)
    assert win.centralWidget().objectName() == "emptyLabel"
    win.close()


def test_a_second_window_on_a_file_offers_read_only(qtbot, tmp_path, portfolio_path):
    first = open_window(qtbot, portfolio_path, tmp_path, "first.ini")
    second = open_window(qtbot, portfolio_path, tmp_path, "second.ini")
    question = second.dialog
    assert question.objectName() == "inUseQuestion" and question.isVisible()
    assert f"open in another window (pid {os.getpid()}, since " in question.text()
    assert "Open it read-only?" in question.text()
    assert second.session is None
    question.button(QMessageBox.StandardButton.Yes).click()
    session = second.session
    assert session is not None and session.store.read_only
    assert "[read-only]" in second.windowTitle()
    blocks = second.view.views["blocks"]
    assert blocks.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    buttons = {b.text(): b for b in blocks.findChildren(QPushButton)}
    assert not buttons["Add"].isEnabled() and not buttons["Delete…"].isEnabled()
    year = session.store.get("blocks", "nolans").first_year
    edit_cell(blocks, "nolans", "first_year", lambda e: e.setValue(2035))  # refused, said why
    assert "open read-only" in blocks.last_refusal.text()
    assert session.store.get("blocks", "nolans").first_year == year
    # the writer is unharmed and the reader is not in its way
    edit_cell(first.view.views["blocks"], "nolans", "first_year", lambda e: e.setValue(2034))
    assert first.session.store.get("blocks", "nolans").first_year == 2034
    second.close()
    first.close()


def test_declining_read_only_leaves_an_empty_window(qtbot, tmp_path, portfolio_path):
    first = open_window(qtbot, portfolio_path, tmp_path, "first.ini")
    second = open_window(qtbot, portfolio_path, tmp_path, "second.ini")
    second.dialog.button(QMessageBox.StandardButton.No).click()
    assert second.session is None and second.centralWidget().objectName() == "emptyLabel"
    second.close()
    first.close()


def test_an_edit_on_a_full_disk_says_why_and_the_table_shows_the_stored_value(window):
    store = window.session.store
    store.engine.dispose()

    def cap(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(store.engine, "connect", cap)
    view = window.view.views["blocks"]
    stored = store.get("blocks", "nolans").notes
    edit_cell(view, "nolans", "notes", lambda e: e.setText("a long note " * 50_000))
    assert "no space left on" in view.last_refusal.text()
    assert "free space and try again; the file is unchanged" in view.last_refusal.text()
    index = view.source_index("nolans", "notes")
    assert index.data() == stored
    assert store.get("blocks", "nolans").notes == stored


def test_restoring_a_backup_of_the_open_file(window):
    store = window.session.store
    store.update("blocks", "nolans", first_year=2031)
    store.backup()
    store.update("blocks", "nolans", first_year=2036)
    window.show_backups()
    window.dialog.list.setCurrentRow(0)
    window.dialog.restore_button.click()
    assert window.session is not None and window.session.store is not store
    assert window.session.store.get("blocks", "nolans").first_year == 2031


def test_check_portfolio_reports_in_words(qtbot, tmp_path, portfolio_path):
    win = open_window(qtbot, portfolio_path, tmp_path)
    win.check_portfolio()
    assert win.dialog.objectName() == "checkResult"
    assert "passed the full check" in win.dialog.text()
    win.close()
    break_an_index(portfolio_path)  # quick_check on opening does not see it
    win = open_window(qtbot, portfolio_path, tmp_path)
    action = next(a for a in win.menuBar().actions()[0].menu().actions() if "Chec" in a.text())
    action.trigger()
    assert "has problems" in win.dialog.text() and "deals_by_block" in win.dialog.text()
    assert "File > Backups" in win.dialog.text()
    win.close()


def test_a_portfolio_in_a_folder_named_like_a_url(capsys, qtbot, tmp_path):
    from tests.cli_runner import run

    folder = tmp_path / "Portfolio #2 (50% draft)"
    folder.mkdir()
    path = folder / "plan #1 100%41.repm"
    demo = folder / "demo.json"
    assert run(capsys, "demo", "--out", demo)[0] == 0
    assert run(capsys, "import", demo, "--db", path)[0] == 0
    win = open_window(qtbot, path, tmp_path)
    assert win.session is not None and win.session.path == path
    assert win.session.portfolio == demo_portfolio()
    edit_cell(win.view.views["blocks"], "nolans", "first_year", lambda e: e.setValue(2033))
    win.close()
    code, out, _ = run(capsys, "export", path, "--to", folder / "out.json")
    assert code == 0
    with Store.open(path, read_only=True) as store:
        assert store.get("blocks", "nolans").first_year == 2033
    assert sorted(os.listdir(folder)) == sorted(["demo.json", path.name, "out.json"])


def test_a_read_only_file_can_be_opened_read_only(qtbot, tmp_path, portfolio_path):
    os.chmod(portfolio_path, 0o444)
    before = portfolio_path.read_bytes()
    win = open_window(qtbot, portfolio_path, tmp_path)
    assert "is read-only" in error_text(win)
    win.dialog.read_only_button.click()
    assert win.session is not None and win.session.store.read_only
    assert "[read-only]" in win.windowTitle()
    win.close()
    assert portfolio_path.read_bytes() == before


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_desktop_exports_are_owner_only(window, tmp_path):
    import stat

    old = os.umask(0o022)
    try:
        window.export_json(str(tmp_path / "p.json"), include=True)
        window.export_xlsx(str(tmp_path / "p.xlsx"), include=True)
    finally:
        os.umask(old)
    for name in ("p.json", "p.xlsx"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("p")) == [
        "p.json",
        "p.xlsx",
    ]

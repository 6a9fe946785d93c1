"""File dialogs start in Documents (then the last folder used), suggest a name and add the
extension when it is missing; backups are listed by date, time and size."""

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from desktop.file_dialogs import start_folder, with_extension
from model.store.backups import make_backup


def test_extension_added_only_when_missing():
    assert with_extension("/x/brief", ".pdf") == Path("/x/brief.pdf")
    assert with_extension("/x/brief.PDF", ".pdf") == Path("/x/brief.PDF")
    assert with_extension("/x/REPM briefing 2026-11-25", ".pdf").name == (
        "REPM briefing 2026-11-25.pdf"
    )


def test_briefing_dialog_suggests_a_dated_name_in_documents_then_the_last_folder(
    window, tmp_path, monkeypatch, qtbot
):
    asked = []

    def fake(parent, title, suggested, filter_, **_options):
        asked.append(suggested)
        return str(tmp_path / "for minister"), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    first_folder = start_folder(window.settings)
    assert first_folder in (documents, str(Path.home()))
    window.export_briefing(include=False)
    qtbot.waitUntil(lambda: window.briefing.done, timeout=60000)
    assert Path(asked[0]) == Path(first_folder) / f"REPM briefing {date.today().isoformat()}.pdf"
    assert (tmp_path / "for minister.pdf").read_bytes().startswith(b"%PDF")  # .pdf added
    window.export_json(include=False)
    assert Path(asked[1]).parent == tmp_path  # the last folder used
    assert (tmp_path / "for minister.json").is_file()


def test_backups_are_listed_with_date_time_and_size(window):
    make_backup(window.session.path)
    window.show_backups()
    dialog = window.dialog
    text = dialog.list.item(0).text()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d · [\d,.]+ (KB|MB)", text), text
    assert dialog.list.item(0).toolTip().endswith(".repm")

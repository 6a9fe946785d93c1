"""File menu exports and imports from the desktop, with confidential fields."""

import json

from openpyxl import load_workbook

from model.tabular import read_xlsx, write_xlsx


def test_export_json_and_xlsx_redacted_unless_included(window, tmp_path):
    window.session.store.update("blocks", "nolans", acquisition_cost_musd=321.0)
    window.export_json(str(tmp_path / "r.json"), include=False)
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["redacted_fields"] == [
        "blocks.acquisition_cost_musd",
        "deals.cost_musd",
        "deals.notes",
    ]
    assert all(d["notes"] == "" for d in data["deals"])
    window.export_xlsx(str(tmp_path / "r.xlsx"), include=False)
    redacted = read_xlsx(tmp_path / "r.xlsx")
    assert redacted.block("nolans").acquisition_cost_musd is None
    assert "Projection" in load_workbook(tmp_path / "r.xlsx").sheetnames
    window.export_xlsx(str(tmp_path / "f.xlsx"), include=True)
    assert read_xlsx(tmp_path / "f.xlsx").block("nolans").acquisition_cost_musd == 321.0


def test_export_briefing(window, tmp_path, qtbot):
    out = tmp_path / "brief.pdf"
    window.export_briefing(str(out), include=False)
    qtbot.waitUntil(lambda: window.briefing.done, timeout=60000)
    assert out.read_bytes().startswith(b"%PDF")
    assert "confidential fields left out" in window.statusBar().currentMessage()


def test_import_workbook_with_bad_cells_changes_nothing(window, tmp_path):
    path = tmp_path / "p.xlsx"
    write_xlsx(window.session.portfolio, path, include_confidential=True)
    wb = load_workbook(path)
    wb["Deals"]["E5"] = 1.4
    wb["Plants"]["E2"] = -5
    wb.save(path)
    before = window.session.store.load_portfolio()
    window.import_table(str(path))
    assert window.dialog.objectName() == "importRefused"
    shown = window.dialog.text()
    assert "Deals row 5 (id kabil-white-mesa), column E offtake_share: 1.4 is above 1" in shown
    assert "Plants row 2 (id scheme-1-magnet), column E capacity_tpa: -5 is below 0" in shown
    assert window.session.store.load_portfolio() == before


def test_import_csv_merges_and_undo(window, tmp_path):
    csv_file = tmp_path / "plants.csv"
    csv_file.write_text(
        "id,name,stage,capacity_tpa (t/yr),status,first_year (year)\n"
        "sep-1,Separation line,separation,2000,planned,2029\n"
    )
    window.import_table(str(csv_file))
    assert window.session.store.get("plants", "sep-1").capacity_tpa == 2000
    window.undo_action.trigger()
    assert "sep-1" not in {p.id for p in window.session.store.list("plants")}


def test_confidential_fields_dialog_is_undoable(window):
    window.edit_confidential_fields()
    dialog = window.dialog
    for i in range(dialog.list.count()):
        item = dialog.list.item(i)
        if item.text() == "firms.notes":
            item.setCheckState(item.checkState().Checked)
    dialog.accept()
    assert "firms.notes" in window.session.store.confidential_fields()
    window.undo_action.trigger()
    assert "firms.notes" not in window.session.store.confidential_fields()

"""A CSV not named after its table: its header row tells the table, or the user is asked."""

from PySide6.QtWidgets import QInputDialog

PLANTS = "id,name,stage,capacity_tpa (t/yr),status\nsep-9,Separation nine,separation,1500,planned\n"


def test_a_header_row_that_fits_one_table_imports_it_and_says_so(window, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: asked.append(a) or ("", False))
    path = tmp_path / "new separation lines.csv"
    path.write_text(PLANTS)
    window.import_table(str(path))
    assert window.session.store.get("plants", "sep-9").capacity_tpa == 1500
    assert asked == []
    assert "read as plants: its header row has that table's columns" in (
        window.statusBar().currentMessage()
    )


def test_the_table_chosen_is_the_one_read(window, tmp_path, monkeypatch):
    """A header that fits no table: the user says which, and the import names what does not fit
    it (nothing changes)."""
    choices = []

    def choose(parent, title, label, items, current, editable):
        choices.append((items, current))
        return "Plants", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    path = tmp_path / "lines.csv"
    path.write_text(PLANTS.replace("capacity_tpa (t/yr)", "capacity"))
    before = window.session.store.load_portfolio()
    window.import_table(str(path))
    assert choices == [(["Blocks", "Firms", "Deals", "Plants"], 3)]  # plants is likeliest
    assert window.dialog.objectName() == "importRefused"
    assert "lines.csv line 1, column 4: 'capacity' is not a column of plants" in (
        window.dialog.text()
    )
    assert window.session.store.load_portfolio() == before


def test_cancel_leaves_the_portfolio_unchanged(window, tmp_path, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("", False))
    path = tmp_path / "lines.csv"
    path.write_text(PLANTS.replace("capacity_tpa (t/yr)", "capacity"))
    before, file_bytes = window.session.store.load_portfolio(), path.read_bytes()
    window.import_table(str(path))
    assert window.session.store.load_portfolio() == before
    assert path.read_bytes() == file_bytes
    assert window.dialog is None or window.dialog.objectName() != "importRefused"
    assert "cancelled; nothing changed" in window.statusBar().currentMessage()

"""The blocks table's country picker: 'Congo' is refused next to the cell with both choices; a
common English name ('DR Congo', 'Russia') is taken."""

from tests.desktop.helpers import edit_cell


def test_congo_is_refused_with_both_choices_and_dr_congo_is_taken(window):
    view = window.view.views["blocks"]
    store = window.session.store
    before = store.get("blocks", "penco").country
    edit_cell(view, "penco", "country", lambda e: e.setCurrentText("Congo"))
    assert store.get("blocks", "penco").country == before  # nothing written
    assert view.last_refusal.isVisible()
    assert "Congo is ambiguous: Republic of the Congo (COG) or DR Congo (COD)?" in (
        view.last_refusal.text()
    )
    edit_cell(view, "penco", "country", lambda e: e.setCurrentText("DR Congo"))
    assert store.get("blocks", "penco").country == "COD"
    edit_cell(view, "penco", "country", lambda e: e.setCurrentText("Russia"))
    assert store.get("blocks", "penco").country == "RUS"

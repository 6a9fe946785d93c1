"""The Edit menu names an edit in the labels and names the tables show, never attribute names
or ids."""

from tests.desktop.helpers import edit_cell


def test_undo_action_names_the_field_label_and_the_deal(window):
    view = window.view.views["deals"]
    window.view.tabs.setCurrentWidget(view)
    edit_cell(view, "kabil-nolans", "offtake_share", lambda e: e.setText("15%"))
    assert window.session.store.get("deals", "kabil-nolans").offtake_share == 0.15
    text = window.undo_action.text()
    assert "offtake_share" not in text and "kabil-nolans" not in text
    assert text == "&Undo Set offtake share of Nolans deal (KABIL (Khanij Bidesh India Ltd))"


def test_undo_action_names_a_block_field_by_its_label(window):
    view = window.view.views["blocks"]
    edit_cell(view, "irel-domestic", "nameplate_tpa", lambda e: e.setValue(800))
    text = window.undo_action.text()
    assert "nameplate_tpa" not in text and "irel-domestic" not in text
    assert "of block IREL domestic" in text
    window.undo_action.trigger()
    assert "Set" in window.redo_action.text() and "nameplate_tpa" not in window.redo_action.text()

"""Shares are shown and typed as percentages; a value outside its range is refused with the
reason next to the cell, never clamped or zeroed. New deals go on the selected block; deleting a
deal asks first."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.columns import COLUMNS, NUMBER
from tests.desktop.helpers import assert_note_beside, edit_cell


def deals_tab(window):
    view = window.view
    view.tabs.setCurrentWidget(view.views["deals"])
    return view.views["deals"]


def offtake(window, deal_id):
    return window.session.store.get("deals", deal_id).offtake_share


def test_shares_are_shown_as_percentages(window):
    deals = window.view.views["deals"]
    assert deals.source_index("kabil-mt-weld", "offtake_share").data() == "5.0 %"
    blocks = window.view.views["blocks"]
    assert blocks.source_index("nolans", "ndpr_share").data() == "26.4 %"
    header = blocks.model.headerData(
        blocks.model.column_of("ndpr_share"), Qt.Orientation.Horizontal
    )
    assert header.endswith("(%)")


@pytest.mark.parametrize("typed", ["30", "30%", "30 %", " 30.0 % "])
def test_thirty_and_thirty_percent_both_mean_thirty_percent(window, typed):
    edit_cell(
        window.view.views["deals"], "kabil-mt-weld", "offtake_share", lambda e: e.setText(typed)
    )
    assert offtake(window, "kabil-mt-weld") == pytest.approx(0.30)


def test_editor_shows_the_percent_sign(window):
    seen = {}
    edit_cell(
        window.view.views["deals"],
        "kabil-mt-weld",
        "offtake_share",
        lambda e: seen.setdefault("text", e.text()),
    )
    assert seen["text"] == "5.0 %"
    assert offtake(window, "kabil-mt-weld") == pytest.approx(0.05)  # unchanged text, same value


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("150%", "150.0 % is more than the most allowed, 100.0 %"),
        ("abc", "'abc' is not a number (type e.g. 30 or 30%)"),
        ("-5", "-5.0 % is less than the least allowed, 0.0 %"),
    ],
)
def test_out_of_range_is_refused_with_the_reason_next_to_the_cell(window, typed, reason):
    view = deals_tab(window)
    view.select("kabil-mt-weld")
    edit_cell(view, "kabil-mt-weld", "offtake_share", lambda e: e.setText(typed))
    assert offtake(window, "kabil-mt-weld") == pytest.approx(0.05)
    assert view.refusal.isVisible() and reason in view.refusal.text()
    assert_note_beside(view, view.source_index("kabil-mt-weld", "offtake_share"))
    assert reason in window.statusBar().currentMessage()


def test_more_than_the_block_has_left_is_refused_not_clamped(window):
    store = window.session.store
    store.add(
        "deals", dict(id="x", block_id="nolans", firm_id="nmdc", status="mou", offtake_share=0.05)
    )
    view = deals_tab(window)
    edit_cell(view, "kabil-nolans", "offtake_share", lambda e: e.setText("99"))
    assert offtake(window, "kabil-nolans") == pytest.approx(0.2)
    assert view.refusal.text().endswith(
        "other deals on block 'nolans' (Nolans) take 5.0 % of its output (x 5.0 %); "
        "with this deal they would take 104.0 %"
    )


def test_a_new_deal_goes_on_the_selected_block(window):
    view = window.view
    view.views["blocks"].select("longonjo")
    view.tabs.setCurrentWidget(view.views["deals"])
    view.views["deals"].add_record()
    new = window.session.store.get("deals", "new-deal")
    assert new.block_id == "longonjo"
    assert view.views["deals"].source_index("new-deal", "block_id").data() == "Longonjo"


def test_deleting_a_deal_asks_and_undo_restores_it(window, monkeypatch):
    asked = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer)
    deals = window.view.views["deals"]
    deals.select("kabil-mt-weld")
    deals.delete_selected()
    assert "Delete deal 'KABIL (Khanij Bidesh India Ltd) – Mt Weld'?" in asked[0]
    assert offtake(window, "kabil-mt-weld") == pytest.approx(0.05)  # No: kept
    answer = QMessageBox.StandardButton.Yes
    deals.delete_selected()
    with pytest.raises(KeyError):
        window.session.store.get("deals", "kabil-mt-weld")
    window.undo_action.trigger()
    assert offtake(window, "kabil-mt-weld") == pytest.approx(0.05)


def test_name_column_stays_at_the_left(window):
    view = deals_tab(window)
    header = view.table.horizontalHeader()
    assert header.visualIndex(view.model.column_of("block_id")) == 0
    assert header.visualIndex(view.model.column_of("id")) == header.count() - 1
    frozen = view.table.frozen
    shown = [c for c in range(view.model.columnCount()) if not frozen.isColumnHidden(c)]
    assert shown == [view.model.column_of("block_id")] and frozen.isVisible()


PERCENT_FIELDS = [
    (kind, column.field)
    for kind, columns in COLUMNS.items()
    for column in columns
    if column.percent and column.editor == NUMBER
]


def test_every_share_column_is_checked():
    assert ("deals", "offtake_share") in PERCENT_FIELDS
    assert ("blocks", "dytb_share") in PERCENT_FIELDS


@pytest.mark.parametrize(
    ("kind", "field", "typed", "meant"),
    [(kind, field, "0.25", "25") for kind, field in PERCENT_FIELDS]
    + [("deals", "offtake_share", "1", "100"), ("deals", "offtake_share", ".5", "50")],
)
def test_a_bare_fraction_in_a_percent_cell_is_refused_with_both_readings(
    window, kind, field, typed, meant
):
    view = window.view.views[kind]
    window.view.tabs.setCurrentWidget(view)
    record = getattr(window.session.portfolio, kind)[0]
    before = getattr(record, field)
    view.select(record.id)
    edit_cell(view, record.id, field, lambda e: e.setText(typed))
    assert getattr(window.session.store.get(kind, record.id), field) == before  # nothing written
    text = view.refusal.text()
    assert view.refusal.isVisible()
    assert f"is {typed} meant as {meant} %?" in text
    assert f"type {meant} for {meant} %, or {typed}% (with the sign)" in text


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("0.25%", 0.0025, "0.25 %"),
        ("0.25 %", 0.0025, "0.25 %"),
        ("1.5", 0.015, "1.5 %"),
        ("25", 0.25, "25.0 %"),
    ],
)
def test_what_is_stored_is_what_the_cell_shows(window, typed, stored, shown):
    deals = deals_tab(window)
    edit_cell(deals, "kabil-mt-weld", "offtake_share", lambda e: e.setText(typed))
    assert offtake(window, "kabil-mt-weld") == pytest.approx(stored)
    assert deals.source_index("kabil-mt-weld", "offtake_share").data() == shown
    assert not deals.refusal.isVisible()


def test_reopening_a_fine_share_keeps_it(window):
    """The editor shows 0.25 %, not 0.2 %: confirming it unchanged does not round it."""
    deals = deals_tab(window)
    edit_cell(deals, "kabil-mt-weld", "offtake_share", lambda e: e.setText("0.25%"))
    seen = {}
    edit_cell(deals, "kabil-mt-weld", "offtake_share", lambda e: seen.setdefault("t", e.text()))
    assert seen["t"] == "0.25 %"
    assert offtake(window, "kabil-mt-weld") == pytest.approx(0.0025)

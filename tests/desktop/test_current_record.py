"""One current record: the block highlighted in Blocks is the block every panel shows and the
what-if edits; a deal chosen in Deals makes its block current everywhere (issue: Blocks kept
Nolans highlighted while the panels were on Longonjo)."""

from PySide6.QtCore import Qt

from desktop import operations


def click_row(window, kind: str, record_id: str, qtbot) -> None:
    """Open the tab and click the record's name, as the user does."""
    view = window.view.views[kind]
    window.view.tabs.setCurrentWidget(view)
    index = view.source_index(record_id, view.model.columns[view.name_column].field)
    view.table.scrollTo(index)
    frozen = view.table.frozen  # the name column the user sees and clicks
    qtbot.mouseClick(
        frozen.viewport(), Qt.MouseButton.LeftButton, pos=frozen.visualRect(index).center()
    )


def highlighted(window, kind: str) -> list[str]:
    view = window.view.views[kind]
    rows = view.table.selectionModel().selectedRows()
    return [view.model.record(view.proxy.mapToSource(r).row()).id for r in rows]


def shown_block(window) -> str:
    """The block's name as the detail panel and the what-if panel say it."""
    view = window.view
    assert view.what_if.block_id == view.detail.block_id
    return view.detail.toPlainText().splitlines()[0]


def test_choosing_a_deal_highlights_its_block(window, qtbot):
    click_row(window, "blocks", "nolans", qtbot)
    assert highlighted(window, "blocks") == ["nolans"]
    click_row(window, "deals", "kabil-longonjo", qtbot)
    window.view.tabs.setCurrentWidget(window.view.views["blocks"])
    assert highlighted(window, "blocks") == ["longonjo"]
    assert highlighted(window, "deals") == ["kabil-longonjo"]
    assert shown_block(window) == "Longonjo"
    assert "Longonjo" in window.view.what_if.title.text()


def test_choosing_another_block_drops_the_deal_of_the_old_one(window, qtbot):
    click_row(window, "deals", "kabil-longonjo", qtbot)
    click_row(window, "blocks", "nolans", qtbot)
    assert highlighted(window, "deals") == []  # no deal of Longonjo left highlighted
    assert shown_block(window) == "Nolans"
    window.view.views["deals"].add_record()  # a new deal goes on the current block
    assert window.session.store.get("deals", "new-deal").block_id == "nolans"
    assert highlighted(window, "blocks") == ["nolans"]
    assert highlighted(window, "deals") == ["new-deal"]


def test_choosing_the_deals_own_block_keeps_the_deal(window, qtbot):
    click_row(window, "deals", "kabil-longonjo", qtbot)
    click_row(window, "blocks", "longonjo", qtbot)
    assert highlighted(window, "deals") == ["kabil-longonjo"]
    assert window.view.deal_id == "kabil-longonjo"


def test_the_block_highlight_follows_a_deal_moved_to_another_block(window, qtbot):
    click_row(window, "deals", "kabil-penco", qtbot)
    operations.set_record_fields(window.session, "deals", "kabil-penco", block_id="nolans")
    assert highlighted(window, "blocks") == ["nolans"]
    assert shown_block(window) == "Nolans"
    window.undo_action.trigger()
    assert highlighted(window, "blocks") == ["penco"]
    assert shown_block(window).startswith("Penco")


def test_the_highlight_survives_an_added_record_and_goes_with_a_removed_one(window, qtbot):
    click_row(window, "blocks", "nolans", qtbot)
    firms = window.view.views["firms"]
    firms.add_record()  # another table's reset: Blocks keeps its highlight
    assert highlighted(window, "blocks") == ["nolans"]
    blocks = window.view.views["blocks"]
    window.view.tabs.setCurrentWidget(blocks)
    blocks.add_record()
    assert highlighted(window, "blocks") == ["new-block"]
    assert shown_block(window) == "New block"
    window.undo_action.trigger()  # the new block goes: nothing is highlighted, nothing shown
    assert highlighted(window, "blocks") == []
    assert shown_block(window).startswith("Select a block")
    assert window.view.what_if.block_id == ""


def test_a_map_or_tornado_choice_is_highlighted_in_blocks(window):
    window.view.views["deals"].select("kabil-longonjo")
    window.view.map.blockClicked.emit("nolans")
    assert highlighted(window, "blocks") == ["nolans"]
    assert highlighted(window, "deals") == []
    assert shown_block(window) == "Nolans"


def test_keyboard_moves_in_deals_move_the_block_highlight(window, qtbot):
    deals = window.view.views["deals"]
    click_row(window, "deals", "kabil-longonjo", qtbot)
    deals.table.setFocus()
    qtbot.keyClick(deals.table, Qt.Key.Key_Down)
    now = deals.selected_id()
    assert now not in ("", "kabil-longonjo")
    block = window.session.store.get("deals", now).block_id
    assert highlighted(window, "blocks") == [block]
    assert window.view.what_if.block_id == block


def test_clicking_a_cell_of_another_deal_keeps_that_cell(window, qtbot):
    deals = window.view.views["deals"]
    click_row(window, "deals", "kabil-mt-weld", qtbot)
    index = deals.source_index("kabil-longonjo", "offtake_share")
    deals.table.scrollTo(index)
    where = deals.table.visualRect(index).center()
    qtbot.mouseClick(deals.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert deals.table.currentIndex() == index  # not moved to the row's name
    assert highlighted(window, "blocks") == ["longonjo"]

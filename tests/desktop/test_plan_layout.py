"""The Plan tab at laptop sizes: Run and Cancel in view without scrolling; its list of deals
reads by name (the id in the tooltip), naming the firm only where two deals share a block."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop import operations


def _show_plan(window, width, height):
    window.resize(width, height)
    window.view.tabs.setCurrentWidget(window.plan_view)
    QApplication.processEvents()
    return window.plan_view


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720)])
def test_run_and_cancel_are_in_view(window, width, height):
    view = _show_plan(window, width, height)
    for button in (view.run_button, view.cancel_button):
        shown = button.visibleRegion().boundingRect()
        assert shown.size() == button.size(), button.text()  # whole, not scrolled away


def _deal_rows(view) -> dict[str, tuple[str, str]]:
    """deal id -> (text, tooltip) of its row in the must/rule-out list."""
    rows = {}
    for r in range(view.choices.rowCount()):
        if view.choices.item(r, 1).text() == "deal":
            item = view.choices.item(r, 0)
            rows[item.data(Qt.ItemDataRole.UserRole)] = (item.text(), item.toolTip())
    return rows


def test_deals_read_by_name_with_the_id_in_the_tooltip(window):
    view = _show_plan(window, 1366, 768)
    rows = _deal_rows(view)
    assert rows["kabil-mt-weld"] == ("Mt Weld", "deal id: kabil-mt-weld")
    assert not any(deal_id in text for deal_id, (text, _tip) in rows.items())


def test_two_deals_for_one_block_name_their_firms(window):
    session = window.session
    kabil = session.store.get("deals", "kabil-mt-weld").model_dump()
    operations.add_record(session, "deals", {**kabil, "id": "irel-mt-weld", "firm_id": "irel"})
    view = _show_plan(window, 1366, 768)
    rows = _deal_rows(view)
    firm = {f.id: f.name for f in session.portfolio.firms}
    assert rows["kabil-mt-weld"][0] == f"Mt Weld ({firm['kabil']})"
    assert rows["irel-mt-weld"][0] == f"Mt Weld ({firm['irel']})"
    assert rows["kabil-serra-verde"][0] == session.portfolio.block("serra-verde").name

"""Edit > China Import Share Path: percent in and out within the declared range, presets from the
sourced values, per-year shares; OK is one undo step the Demand chart, the status bar and the
projection's hover follow."""

import numpy as np
import pyqtgraph as pg
import pytest

from desktop.charts.demand_chart import CHINA, DemandView
from desktop.china_share_dialog import ChinaShareDialog
from desktop.evidence_dock import EvidenceDock
from model.evidence import values_of


def _open(window) -> ChinaShareDialog:
    actions = [a for m in window.menuBar().actions() if m.menu() for a in m.menu().actions()]
    action = next(a for a in actions if a.text().replace("&", "") == "China Import Share Path…")
    action.trigger()
    assert isinstance(window.dialog, ChinaShareDialog)
    return window.dialog


def _bars(demand_view) -> tuple[np.ndarray, np.ndarray]:
    """(imports, of which China) as the chart draws them."""
    bars = [i for i in demand_view.chart.plot.items if isinstance(i, pg.BarGraphItem)]
    china = next(b for b in bars if pg.mkBrush(b.opts["brush"]).color() == CHINA)
    imports = next(b for b in bars if b is not china)
    return (np.asarray(imports.opts["height"], float), np.asarray(china.opts["height"], float))


def test_the_dialog_shows_percent_the_declared_range_and_sourced_presets(window):
    session = window.session
    dialog = _open(window)
    assert dialog.default.value() == pytest.approx(100 * session.portfolio.demand.china_share)
    assert dialog.default.suffix() == " %"
    assert (dialog.default.minimum(), dialog.default.maximum()) == (0, 100)
    sourced = values_of(session.portfolio, "demand", "india", "china_share")
    presets = [dialog.presets.itemText(i) for i in range(1, dialog.presets.count())]
    assert len(presets) == len(sourced)
    assert any(p.startswith("84 %") for p in presets) and any(p.startswith("93 %") for p in presets)
    dialog.reject()


def test_a_preset_and_a_year_of_its_own_are_one_undoable_edit(window):
    session = window.session
    demand_view = window.findChild(DemandView)
    window.view.tabs.setCurrentWidget(demand_view)
    before = session.portfolio
    drawn_before = _bars(demand_view)
    dialog = _open(window)
    index = next(
        i for i in range(dialog.presets.count()) if dialog.presets.itemText(i).startswith("84 %")
    )
    dialog.presets.activated.emit(index)
    assert dialog.default.value() == pytest.approx(84)
    dialog.add_year(2030, 0.5)
    transactions = []
    session.store.subscribe(transactions.append)
    dialog.accept()

    assert len(transactions) == 1  # the share and the marks in one transaction
    demand = session.portfolio.demand
    assert demand.china_share == 0.84 and demand.china_share_path == {2030: 0.5}
    assert session.undo_stack.count() == 1
    chosen = [e for e in values_of(session.portfolio, "demand", "india", "china_share") if e.chosen]
    assert [e.value for e in chosen] == [0.84]  # the preset's value is now the one in use
    imports, china = _bars(demand_view)
    years = demand_view.chart.balance.years
    share = np.where(years == 2030, 0.5, 0.84)
    np.testing.assert_allclose(china, imports * share)
    k = int(np.searchsorted(years, session.target_year))
    status = window.status_label.text()
    assert f"China {china[k]:,.0f} t" in status and f"imports {imports[k]:,.0f} t" in status
    assert f"(China {china[k]:,.0f} t)" in window.view.projection_chart.hover_text(2030)

    window.undo_action.trigger()
    assert session.portfolio == before == session.store.load_portfolio()
    for drawn, expected in zip(_bars(demand_view), drawn_before, strict=True):
        np.testing.assert_allclose(drawn, expected)
    window.redo_action.trigger()
    assert session.portfolio.demand.china_share_path == {2030: 0.5}


def _china_rows(window) -> dict[str, tuple[str, str]]:
    """Value -> (in use, source) of the China share figure's rows in the register."""
    dock = window.findChild(EvidenceDock)
    if not dock.isVisible():
        dock.toggleViewAction().trigger()
    dock.register.field_combo.setCurrentText("China's share of magnet imports")
    model = dock.register.table.model()
    return {
        model.index(r, 2).data(): (model.index(r, 4).data(), model.index(r, 5).data())
        for r in range(model.rowCount())
    }


def test_a_typed_share_that_is_no_sourced_value_marks_none_and_the_register_says_so(window):
    session = window.session
    dialog = _open(window)
    dialog.default.setValue(70)
    dialog.accept()
    assert session.portfolio.demand.china_share == pytest.approx(0.7)
    figure = values_of(session.portfolio, "demand", "india", "china_share")
    assert not any(e.chosen for e in figure)
    rows = _china_rows(window)
    assert rows["70 %"][0] == "✓ in use" and rows["70 %"][1].startswith("Typed by hand")
    assert rows["93 %"][0] == ""
    window.undo_action.trigger()  # one step: the share and the mark
    figure = values_of(session.portfolio, "demand", "india", "china_share")
    assert [e.value for e in figure if e.chosen] == [0.93]
    assert session.portfolio.demand.china_share == 0.93
    assert _china_rows(window)["93 %"][0] == "✓ in use" and "70 %" not in _china_rows(window)


def test_a_typed_share_equal_to_a_sourced_one_takes_its_mark(window):
    session = window.session
    dialog = _open(window)
    dialog.default.setValue(84)
    dialog.accept()
    figure = values_of(session.portfolio, "demand", "india", "china_share")
    assert [e.value for e in figure if e.chosen] == [0.84]
    rows = _china_rows(window)
    assert rows["84 %"][0] == "✓ in use" and rows["93 %"][0] == ""


def test_cancel_changes_nothing(window):
    session = window.session
    dialog = _open(window)
    dialog.default.setValue(10)
    dialog.add_year(2031, 0.2)
    dialog.reject()
    assert session.undo_stack.count() == 0
    assert session.portfolio.demand == session.store.demand()
    assert session.portfolio.demand.china_share != pytest.approx(0.1)


def test_the_register_says_when_some_years_have_a_share_of_their_own(window):
    session = window.session
    dialog = _open(window)
    index = next(
        i for i in range(dialog.presets.count()) if dialog.presets.itemText(i).startswith("93 %")
    )
    dialog.presets.activated.emit(index)
    dialog.add_year(2031, 0.5)
    dialog.add_year(2032, 0.6)
    dialog.accept()
    assert session.portfolio.demand.china_share == 0.93
    dock = window.findChild(EvidenceDock)
    dock.toggleViewAction().trigger()
    dock.register.field_combo.setCurrentText("China's share of magnet imports")
    model = dock.register.table.model()
    shown = {model.index(r, 2).data(): model.index(r, 4).data() for r in range(model.rowCount())}
    assert shown["93 %"] == "✓ in use; 2 years differ"

"""View > Evidence register: every sourced value in a table, a figure's values together and the
one in use marked; using another is one undoable edit the charts follow; a double-click selects
the record; a source's link opens only when clicked."""

import numpy as np
import pyqtgraph as pg

from desktop import evidence_view
from desktop.charts.demand_chart import CHINA, DemandView
from desktop.evidence_dock import SHORTCUT, EvidenceDock
from model.evidence import values_of
from tests.desktop.plotted import plotted


def _register(window):
    dock = window.findChild(EvidenceDock)
    action = dock.toggleViewAction()
    assert action.shortcut().toString() == SHORTCUT
    action.trigger()
    assert dock.isVisible()
    return dock.register


def _shown(register) -> list[list[str]]:
    model = register.table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _column(name: str) -> int:
    return evidence_view.COLUMNS.index(name)


def _row_of(register, record: str, field: str, value: str) -> int:
    rows = _shown(register)
    return next(
        k
        for k, r in enumerate(rows)
        if r[_column("Record")] == record
        and r[_column("Field")] == field
        and r[_column("Value")] == value
    )


def test_every_sourced_value_is_listed_and_a_figure_s_values_sit_together(window):
    register = _register(window)
    portfolio = register.session.portfolio
    rows = _shown(register)
    assert len(rows) == len(portfolio.evidence)
    irel = [
        r
        for r in rows
        if r[_column("Record")] == "IREL domestic NdPr oxide" and "Nameplate" in r[1]
    ]
    assert [r[_column("Value")] for r in irel] == ["400", "500", "1,500"]  # the one in use first
    assert [r[_column("In use")] for r in irel] == ["✓ in use", "", ""]
    start = rows.index(irel[0])
    assert rows[start : start + 3] == irel  # next to each other
    assert irel[0][_column("Unit")] == "t NdPr oxide/yr"
    china = [r for r in rows if r[_column("Field")] == "China's share of magnet imports"]
    assert {r[_column("Value")] for r in china} >= {"93 %", "84 %", "90 %"}  # shares as percent
    assert all(r[_column("Record")] == "India demand" for r in china)
    urls = {e.url for e in portfolio.evidence if e.url}
    assert urls == {r[_column("URL")] for r in rows if r[_column("URL")]}


def test_filters_by_record_field_and_conflicts(window):
    register = _register(window)
    register.record_combo.setCurrentText("Mt Weld")
    rows = _shown(register)
    mt_weld = values_of(register.session.portfolio, "blocks", "mt-weld", "nameplate_tpa")
    assert len(rows) == len(mt_weld) and {r[_column("Record")] for r in rows} == {"Mt Weld"}
    register.record_combo.setCurrentText("(all)")
    register.field_combo.setCurrentText("China's share of magnet imports")
    assert {r[_column("Field")] for r in _shown(register)} == {"China's share of magnet imports"}
    register.field_combo.setCurrentText("(all)")
    everything = len(_shown(register))
    register.conflicts.setChecked(True)
    rows = _shown(register)
    assert 0 < len(rows) < everything
    figures = [(r[0], r[1]) for r in rows]
    assert all(figures.count(f) > 1 for f in figures)  # single-value figures are hidden
    assert "with sources that differ" in register.count.text()


def test_using_another_value_moves_every_chart_and_undoes(window):
    register = _register(window)
    session = register.session
    chart = window.view.projection_chart
    before = plotted(chart)["Magnets"].copy()
    row = _row_of(register, "IREL domestic NdPr oxide", "Nameplate (t/yr)", "1,500")
    register.table.selectRow(row)
    assert register.use_button.isEnabled()
    register.use_button.click()
    assert session.portfolio.block("irel-domestic").nameplate_tpa == 1500
    row = _row_of(register, "IREL domestic NdPr oxide", "Nameplate (t/yr)", "1,500")
    assert _shown(register)[row][_column("In use")] == "✓ in use"
    assert not register.use_button.isEnabled()  # the selection follows: it is in use now
    assert plotted(chart)["Magnets"].sum() > before.sum()
    assert session.undo_stack.count() == 1
    window.undo_action.trigger()
    row = _row_of(register, "IREL domestic NdPr oxide", "Nameplate (t/yr)", "400")
    assert _shown(register)[row][_column("In use")] == "✓ in use"
    np.testing.assert_allclose(plotted(chart)["Magnets"], before)


def _china_bar(demand_view) -> np.ndarray:
    bars = [i for i in demand_view.chart.plot.items if isinstance(i, pg.BarGraphItem)]
    china = next(b for b in bars if pg.mkBrush(b.opts["brush"]).color() == CHINA)
    return np.asarray(china.opts["height"], float)


def _imports_bar(demand_view) -> np.ndarray:
    bars = [i for i in demand_view.chart.plot.items if isinstance(i, pg.BarGraphItem)]
    imports = next(b for b in bars if pg.mkBrush(b.opts["brush"]).color() != CHINA)
    return np.asarray(imports.opts["height"], float)


def test_using_a_share_redraws_the_demand_chart(window):
    register = _register(window)
    demand_view = window.findChild(DemandView)
    window.view.tabs.setCurrentWidget(demand_view)
    row = _row_of(register, "India demand", "China's share of magnet imports", "84 %")
    register.table.selectRow(row)
    register.use_button.click()
    np.testing.assert_allclose(_china_bar(demand_view), _imports_bar(demand_view) * 0.84)
    window.undo_action.trigger()
    share = register.session.portfolio.demand.china_share
    assert share != 0.84
    np.testing.assert_allclose(_china_bar(demand_view), _imports_bar(demand_view) * share)


def test_double_click_selects_the_record(window, qtbot):
    register = _register(window)
    row = _row_of(register, "Mt Weld", "Nameplate (t/yr)", "12,000")
    index = register.table.model().index(row, _column("Source"))
    register.table.doubleClicked.emit(index)
    view = window.view
    assert view.tabs.currentWidget() is view.views["blocks"]
    assert view.detail.block_id == "mt-weld"
    row = _row_of(register, "India demand", "China's share of magnet imports", "93 %")
    register.table.doubleClicked.emit(register.table.model().index(row, 0))
    assert view.tabs.currentWidget() is window.findChild(DemandView)


def test_a_link_opens_only_when_its_cell_is_clicked(window, monkeypatch):
    opened = []
    monkeypatch.setattr(evidence_view, "open_link", opened.append)
    register = _register(window)
    assert opened == []  # showing the register fetches nothing
    row = _row_of(register, "Mt Weld", "Nameplate (t/yr)", "12,000")
    model = register.table.model()
    register.table.clicked.emit(model.index(row, _column("Source")))
    assert opened == []
    register.table.clicked.emit(model.index(row, _column("URL")))
    url = model.index(row, _column("URL")).data()
    assert opened == [url] and url.startswith("https://")
    register.table.selectRow(row)
    register.link_button.click()
    assert opened == [url, url]


def test_only_web_links_are_handed_to_the_browser(monkeypatch):
    handed = []
    monkeypatch.setattr(
        evidence_view.QDesktopServices, "openUrl", lambda url: handed.append(url) or True
    )
    assert not evidence_view.open_link("file:///etc/passwd")
    assert evidence_view.open_link("https://example.org/a")
    assert [u.toString() for u in handed] == ["https://example.org/a"]


def test_the_register_follows_the_open_portfolio(window, tmp_path):
    from model.store import Store

    register = _register(window)
    assert register.model.rowCount() > 0
    empty = tmp_path / "empty.repm"
    Store.open(empty).close()
    assert window.open_portfolio(empty)
    dock = window.findChild(EvidenceDock)
    assert dock.register is not register and dock.register.model.rowCount() == 0
    window._close_session()
    assert dock.register is None
    assert "No portfolio" in dock.widget().text()


def test_a_choice_made_while_the_register_is_closed_shows_when_it_opens(window):
    from desktop import operations

    register = _register(window)
    dock = window.findChild(EvidenceDock)
    dock.toggleViewAction().trigger()
    assert not dock.isVisible()
    session = register.session
    other = next(
        e
        for e in values_of(session.portfolio, "blocks", "mt-weld", "nameplate_tpa")
        if not e.chosen
    )
    operations.choose_evidence(session, other.id)  # e.g. from the detail panel
    dock.toggleViewAction().trigger()
    value = f"{int(other.value):,}"
    row = _row_of(register, "Mt Weld", "Nameplate (t/yr)", value)
    assert _shown(register)[row][_column("In use")] == "✓ in use"

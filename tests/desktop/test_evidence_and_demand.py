"""Choosing another sourced value is one undoable edit that moves the projection; the demand
chart shows demand against domestic output with the import gap and China's part."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop import operations
from desktop.charts.demand_chart import DemandView
from desktop.charts.projection_chart import ProjectionChart
from desktop.session import PortfolioSession
from model import project
from model.demand import PRESETS, demand_balance
from model.evidence import values_of


@pytest.fixture
def session(qapp, portfolio_path):
    s = PortfolioSession.open(portfolio_path)
    yield s
    s.close()


def test_choosing_a_sourced_value_moves_the_projection_and_undoes(session):
    before = session.portfolio
    magnets = session.projection.magnets.copy()
    values = values_of(before, "blocks", "irel-domestic", "nameplate_tpa")
    other = max(values, key=lambda e: e.value)
    assert not other.chosen
    operations.choose_evidence(session, other.id)
    assert session.portfolio.block("irel-domestic").nameplate_tpa == other.value
    marks = {e.id: e.chosen for e in values_of(session.portfolio, *_figure(other))}
    assert marks[other.id] == 1 and sum(marks.values()) == 1
    assert session.projection.magnets.sum() > magnets.sum()
    np.testing.assert_allclose(session.projection.magnets, project(session.portfolio).magnets)
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.portfolio == before == session.store.load_portfolio()
    np.testing.assert_allclose(session.projection.magnets, magnets)
    session.undo_stack.redo()
    assert session.portfolio.block("irel-domestic").nameplate_tpa == other.value


def test_choosing_a_demand_figure_and_undo(session):
    before = session.portfolio
    primus = next(e for e in values_of(before, "demand", "india", "horizon_t") if e.value == 7150)
    operations.choose_evidence(session, primus.id)
    assert session.portfolio.demand.horizon_t == 7150
    assert session.store.load_portfolio() == session.portfolio
    session.undo_stack.undo()
    assert session.portfolio == before


def test_demand_chart_draws_the_gap_and_a_preset_is_undoable(window):
    demand_view = window.findChild(DemandView)
    session = demand_view.session
    expected = demand_balance(session.projection, session.portfolio.demand)
    series = demand_view.chart.series
    np.testing.assert_allclose(series["Demand"], expected.demand)
    np.testing.assert_allclose(series["Imports"], expected.imports)
    np.testing.assert_allclose(series["of which from China"], expected.china_imports)
    assert str(session.target_year) in demand_view.summary.text()
    hover = window.findChild(ProjectionChart).hover_text(2030)
    i = expected.year_index(2030)
    assert f"Demand: {expected.demand[i]:,.0f} t; imports {expected.imports[i]:,.0f} t" in hover
    index = demand_view.presets.findData("primus-7150")
    demand_view.presets.activated.emit(index)
    assert session.portfolio.demand.horizon_t == PRESETS["primus-7150"].horizon_t
    i = int(np.searchsorted(session.projection.years, 2030))
    assert demand_view.chart.series["Demand"][i] == pytest.approx(7150)
    session.undo_stack.undo()
    assert demand_view.chart.series["Demand"][i] == pytest.approx(expected.demand[i])


def _figure(e):
    return e.record_kind, e.record_id, e.field_name


def test_scenarios_side_by_side_show_demand_and_imports(window):
    from desktop.analysis.comparison_view import ComparisonView

    view = window.findChild(ComparisonView)
    view.set_ticked({"Base", "Committed deals only"})
    view.refresh()
    view.quantity.setCurrentIndex(view.quantity.count() - 1)  # the table's Imports tab
    assert view.quantity.tabText(view.quantity.currentIndex()).startswith("Imports")
    model = view.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Demand (t)" in headers and "Base" in headers
    base = headers.index("Base")
    assert "Imports under 'Base'" in model.headerData(base, Qt.Orientation.Horizontal, 3)
    session = view.session
    expected = demand_balance(session.projection, session.portfolio.demand)
    row = 5  # 2030 with the default horizon from 2025
    demand = model.index(row, headers.index("Demand (t)")).data(Qt.ItemDataRole.UserRole)
    assert demand == pytest.approx(expected.demand[row])
    imports = model.index(row, base).data(Qt.ItemDataRole.UserRole)
    assert imports == pytest.approx(expected.imports[row])


def test_an_assumption_with_sourced_values_is_chosen_and_undone(session):
    from model.store import Edit

    current = session.portfolio.assumptions.ndpr_in_magnet
    rows = [
        ("ev-a1", current, 1, "Official calibration"),
        ("ev-a2", current * 1.1, 0, "Engineering composition"),
    ]
    session.store.apply(
        [
            Edit(
                "add",
                "evidence",
                i,
                {
                    "id": i,
                    "record_kind": "assumptions",
                    "record_id": "assumptions",
                    "field_name": "ndpr_in_magnet",
                    "value": v,
                    "unit": "t NdPr metal / t magnet",
                    "source": src,
                    "as_of": "2025",
                    "chosen": c,
                },
            )
            for i, v, c, src in rows
        ]
    )
    before = session.portfolio
    magnets = session.projection.magnets.sum()
    operations.choose_evidence(session, "ev-a2")
    assert session.portfolio.assumptions.ndpr_in_magnet == pytest.approx(current * 1.1)
    assert session.projection.magnets.sum() < magnets  # more NdPr per magnet: fewer magnets
    session.undo_stack.undo()
    assert session.portfolio == before
    assert session.projection.magnets.sum() == pytest.approx(magnets)


def test_demand_sources_are_shown_and_one_can_be_used(window):
    from PySide6.QtCore import QUrl

    demand_view = window.findChild(DemandView)
    session = demand_view.session
    text = demand_view.sources.toPlainText()
    assert "53,700" in text and "ferrite" in text  # all permanent magnets, shown apart
    assert "0.84" in text and "0.93" in text  # China's share: the brief and the press
    share = next(
        e for e in values_of(session.portfolio, "demand", "india", "china_share") if e.value == 0.84
    )
    demand_view.sources.anchorClicked.emit(QUrl(f"choose:{share.id}"))
    assert session.portfolio.demand.china_share == 0.84
    found = demand_view.chart.balance
    np.testing.assert_allclose(found.china_imports, found.imports * 0.84)
    session.undo_stack.undo()
    assert session.portfolio.demand.china_share != 0.84

"""A sourced value in another unit or quantity than its figure's own (all permanent magnets,
rare-earth magnet imports) is context: greyed in the register with the reason, 'Use this value'
disabled, no 'use this' link on the Demand tab, and the model refuses it."""

import pytest
from PySide6.QtCore import Qt

from desktop import operations
from desktop.charts.demand_chart import DemandView
from desktop.evidence_dock import EvidenceDock
from desktop.evidence_view import COLUMNS, QUIET
from model.demand import UNIT
from model.store import InvalidEdit

FIELD = "Demand in the base year (t)"


def _register(window):
    dock = window.findChild(EvidenceDock)
    dock.toggleViewAction().trigger()
    return dock.register


def _row(register, value: str) -> int:
    model = register.table.model()
    return next(
        r
        for r in range(model.rowCount())
        if model.index(r, COLUMNS.index("Field")).data() == FIELD
        and model.index(r, COLUMNS.index("Value")).data() == value
    )


@pytest.mark.parametrize("value", ["53,700", "460", "700"])
def test_another_quantity_cannot_be_chosen_as_base_year_demand(window, value):
    register = _register(window)
    session = register.session
    base = session.portfolio.demand.base_t
    row = _row(register, value)
    register.table.selectRow(row)
    model = register.table.model()
    assert not register.use_button.isEnabled()
    assert "another quantity" in register.use_button.toolTip()
    assert model.index(row, 2).data(Qt.ItemDataRole.ForegroundRole) == QUIET
    assert "Cannot be used" in model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, COLUMNS.index("Unit")).data() != UNIT
    e = register.selected().evidence
    with pytest.raises(InvalidEdit, match="another quantity"):
        operations.choose_evidence(session, e.id)
    assert session.portfolio.demand.base_t == base
    assert session.undo_stack.count() == 0


def test_a_value_in_the_figure_s_own_unit_can_still_be_chosen(window):
    register = _register(window)
    register.table.selectRow(_row(register, "4,010"))
    assert register.use_button.isEnabled()
    register.use_button.click()
    assert register.session.portfolio.demand.base_t == 4010


def test_demand_tab_offers_no_import_figure_and_reconciles_imports(window):
    demand_view = window.findChild(DemandView)
    window.view.tabs.setCurrentWidget(demand_view)
    text = demand_view.sources.toPlainText()
    html = demand_view.sources.toHtml()
    portfolio = demand_view.session.portfolio
    usable = [e for e in portfolio.evidence if e.record_kind == "demand" and not e.chosen]
    for e in usable:
        linked = f"choose:{e.id}" in html
        assert linked == (e.unit == UNIT or e.field_name not in ("base_t", "horizon_t")), e
    assert "Imports here are computed: demand minus domestic output" in text
    assert "Cannot be used" in text

"""A value typed by hand in the tables or the what-if moves the register's 'in use' mark (one
undo step with the edit): to the sourced value it equals, else to a 'Typed by hand' row; the
detail panel says the same."""

from desktop.evidence_dock import EvidenceDock
from desktop.evidence_view import COLUMNS
from model.evidence import values_of
from tests.desktop.helpers import edit_cell

IREL = "IREL domestic NdPr oxide"
USE, VALUE, SOURCE = (COLUMNS.index(c) for c in ("In use", "Value", "Source"))


def _irel_rows(window) -> list[tuple[str, str, str]]:
    """(value, in use, source) of IREL's nameplate rows as the register shows them."""
    dock = window.findChild(EvidenceDock)
    if not dock.isVisible():
        dock.toggleViewAction().trigger()
    register = dock.register
    register.record_combo.setCurrentText(IREL)
    model = register.table.model()
    rows = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    return [(r[VALUE], r[USE], r[SOURCE]) for r in rows if "Nameplate" in r[1]]


def _type_nameplate(window, value: int) -> None:
    blocks = window.view.views["blocks"]
    edit_cell(blocks, "irel-domestic", "nameplate_tpa", lambda e: e.setValue(value))


def _chosen(window) -> list[float]:
    figure = values_of(window.session.portfolio, "blocks", "irel-domestic", "nameplate_tpa")
    return [e.value for e in figure if e.chosen]


def test_a_typed_nameplate_equal_to_a_sourced_value_takes_the_mark(window):
    assert [(v, u) for v, u, _ in _irel_rows(window)][0] == ("400", "✓ in use")
    steps = window.session.undo_stack.count()
    _type_nameplate(window, 1500)
    assert window.session.undo_stack.count() == steps + 1
    assert _chosen(window) == [1500]
    rows = _irel_rows(window)
    assert rows[0][:2] == ("1,500", "✓ in use")
    assert [u for v, u, _ in rows if v != "1,500"] == ["", ""]
    window.undo_action.trigger()  # the value and the mark in one step
    assert window.session.portfolio.block("irel-domestic").nameplate_tpa == 400
    assert _chosen(window) == [400]
    assert _irel_rows(window)[0][:2] == ("400", "✓ in use")


def test_a_typed_nameplate_that_is_no_sourced_value_shows_as_typed_by_hand(window):
    _type_nameplate(window, 1234)
    assert _chosen(window) == []
    rows = _irel_rows(window)
    assert rows[0][0] == "1,234" and rows[0][1] == "✓ in use"
    assert rows[0][2].startswith("Typed by hand")
    assert sorted(v for v, u, _ in rows[1:]) == ["1,500", "400", "500"]
    assert all(u == "" for _, u, _ in rows[1:])  # no sourced value is marked in use
    count = window.findChild(EvidenceDock).register.count.text()
    assert count.startswith("3 sourced values of 1 figures")  # the typed row is not one
    window.view.views["blocks"].select("irel-domestic")
    detail = window.view.detail.toPlainText()
    assert "1,234 t NdPr oxide/yr: typed by hand" in detail
    assert "in use\t400" not in detail and "in use 400" not in detail
    window.undo_action.trigger()
    assert _chosen(window) == [400]
    assert not any(s.startswith("Typed by hand") for _, _, s in _irel_rows(window))


def test_using_a_sourced_value_after_typing_one_puts_the_mark_back(window):
    from desktop import operations

    _type_nameplate(window, 1234)
    other = next(
        e
        for e in values_of(window.session.portfolio, "blocks", "irel-domestic", "nameplate_tpa")
        if e.value == 500
    )
    operations.choose_evidence(window.session, other.id)
    assert _chosen(window) == [500]
    assert _irel_rows(window)[0][:2] == ("500", "✓ in use")


def test_a_what_if_nameplate_applied_moves_the_mark_in_the_same_step(window):
    window.view.views["blocks"].select("irel-domestic")
    panel = window.view.what_if
    steps = window.session.undo_stack.count()
    panel.nameplate.spin.setValue(500)
    panel.apply()
    assert window.session.undo_stack.count() == steps + 1
    assert _chosen(window) == [500]
    window.undo_action.trigger()
    assert _chosen(window) == [400]


def test_a_demand_base_typed_in_the_demand_dialog_moves_the_mark(window):
    from desktop import operations

    session = window.session
    demand = session.portfolio.demand
    operations.set_demand(session, demand.model_copy(update={"base_t": 4010.0}))
    base = values_of(session.portfolio, "demand", "india", "base_t")
    assert [e.value for e in base if e.chosen] == [4010]
    operations.set_demand(session, session.portfolio.demand.model_copy(update={"base_t": 700.0}))
    base = values_of(session.portfolio, "demand", "india", "base_t")
    assert not any(e.chosen for e in base)  # 700 t of imports is not demand: typed by hand
    window.view.tabs.setCurrentWidget(window.view.demand)
    assert "700 t sintered NdFeB (rare-earth) magnets/yr: typed by hand" in (
        window.view.demand.sources.toPlainText()
    )
    window.undo_action.trigger()
    window.undo_action.trigger()
    base = values_of(session.portfolio, "demand", "india", "base_t")
    assert [e.value for e in base if e.chosen] == [4000] and session.portfolio.demand.base_t == 4000


def test_an_assumption_typed_in_the_assumptions_dialog_moves_the_mark(window):
    from desktop import operations
    from model.store import Edit

    session = window.session
    current = session.portfolio.assumptions.ndpr_in_magnet
    rows = [("ev-a1", current, 1), ("ev-a2", round(current * 1.1, 4), 0)]
    session.store.apply(
        [
            Edit("add", "evidence", i, {
                "id": i, "record_kind": "assumptions", "record_id": "assumptions",
                "field_name": "ndpr_in_magnet", "value": v, "unit": "t NdPr / t magnet",
                "source": "A composition", "as_of": "2025", "chosen": c,
            })
            for i, v, c in rows
        ]
    )  # fmt: skip
    steps = session.undo_stack.count()
    typed = session.portfolio.assumptions.model_copy(update={"ndpr_in_magnet": rows[1][1]})
    operations.set_assumptions(session, typed)
    assert session.undo_stack.count() == steps + 1
    marks = {e.id: e.chosen for e in session.portfolio.evidence if e.id.startswith("ev-a")}
    assert marks == {"ev-a1": 0, "ev-a2": 1}
    window.undo_action.trigger()
    marks = {e.id: e.chosen for e in session.portfolio.evidence if e.id.startswith("ev-a")}
    assert marks == {"ev-a1": 1, "ev-a2": 0}
    assert session.portfolio.assumptions.ndpr_in_magnet == current

"""Deleting a record takes its sourced values along and undo brings them back; choosing a demand
or assumption value is one transaction and one undo step."""

import pytest

from desktop import operations
from desktop.session import PortfolioSession
from model.evidence import values_of


@pytest.fixture
def session(qapp, portfolio_path):
    s = PortfolioSession.open(portfolio_path)
    yield s
    s.close()


def sourced(portfolio, kind, record_id):
    return sorted(
        (e for e in portfolio.evidence if (e.record_kind, e.record_id) == (kind, record_id)),
        key=lambda e: e.id,
    )


def count_transactions(session):
    seen = []
    session.store.subscribe(seen.append)
    return seen


def test_deleting_a_block_removes_its_sourced_values_and_undo_restores_them(session):
    before = sourced(session.portfolio, "blocks", "mt-weld")
    assert len(before) >= 3
    operations.delete_record(session, "blocks", "mt-weld")
    assert sourced(session.portfolio, "blocks", "mt-weld") == []
    assert sourced(session.store.load_portfolio(), "blocks", "mt-weld") == []
    session.undo_stack.undo()
    assert sourced(session.portfolio, "blocks", "mt-weld") == before
    assert sourced(session.store.load_portfolio(), "blocks", "mt-weld") == before
    assert session.portfolio.block("mt-weld").nameplate_tpa == 10500
    session.undo_stack.redo()
    assert sourced(session.store.load_portfolio(), "blocks", "mt-weld") == []


def test_choosing_a_demand_value_is_one_transaction_and_one_undo_step(session):
    before = session.portfolio
    primus = next(e for e in values_of(before, "demand", "india", "horizon_t") if e.value == 7150)
    seen = count_transactions(session)
    operations.choose_evidence(session, primus.id)
    assert len(seen) == 1  # the figure and the marks together
    assert session.portfolio.demand.horizon_t == 7150
    marks = {e.id: e.chosen for e in values_of(session.portfolio, "demand", "india", "horizon_t")}
    assert marks[primus.id] == 1 and sum(marks.values()) == 1
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert len(seen) == 2  # undo is one transaction too
    assert session.portfolio == before == session.store.load_portfolio()


def test_choosing_an_assumption_value_is_one_transaction(session):
    from model.store import Edit

    current = session.portfolio.assumptions.ndpr_in_magnet
    rows = [("ev-a1", current, 1), ("ev-a2", current * 1.1, 0)]
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
                    "source": "A composition",
                    "as_of": "2025",
                    "chosen": c,
                },
            )
            for i, v, c in rows
        ]
    )
    before = session.portfolio
    seen = count_transactions(session)
    operations.choose_evidence(session, "ev-a2")
    assert len(seen) == 1
    assert session.portfolio.assumptions.ndpr_in_magnet == pytest.approx(current * 1.1)
    session.undo_stack.undo()
    assert len(seen) == 2
    assert session.portfolio == before

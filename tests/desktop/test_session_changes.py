"""Edits flow by what changed: the session patches only the changed records, recomputes only when
a number can move, and its portfolio and projection always equal a fresh load of the file."""

import numpy as np
import pytest

from desktop import operations
from desktop.session import PortfolioSession
from model import project
from model.record_columns import RecordColumns
from model.scenario import Scenario


@pytest.fixture
def session(qapp, portfolio_path):
    s = PortfolioSession.open(portfolio_path)
    yield s
    s.close()


class Spy:
    """Counts each of the session's signals."""

    def __init__(self, session: PortfolioSession):
        self.counts = {"portfolio": 0, "projection": 0, "view": 0}
        session.portfolioChanged.connect(lambda _c: self._hit("portfolio"))
        session.projectionChanged.connect(lambda: self._hit("projection"))
        session.viewSettingsChanged.connect(lambda: self._hit("view"))

    def _hit(self, name: str) -> None:
        self.counts[name] += 1


def assert_matches_the_file(s: PortfolioSession) -> None:
    fresh = s.store.load_portfolio()
    assert s.portfolio == fresh
    built = RecordColumns.build(fresh.blocks, fresh.deals, fresh.plants)
    for name in ("nameplate", "block_first", "offtake", "deal_block", "plant_capacity"):
        np.testing.assert_array_equal(getattr(s.columns, name), getattr(built, name))
    assert s.columns.countries == built.countries
    expected = project(fresh, scenario=s.scenario(), mode=s.mode, start=s.start, end=s.end)
    np.testing.assert_allclose(s.projection.magnets, expected.magnets)
    assert s.projection.inputs.incomplete == expected.inputs.incomplete
    assert s.projection.inputs.incomplete_blocks == expected.inputs.incomplete_blocks


def test_a_nameplate_edit_patches_one_row_and_reprojects(session):
    spy = Spy(session)
    before = session.columns
    block = next(b for b in session.portfolio.blocks if b.nameplate_tpa)
    operations.set_record_fields(session, "blocks", block.id, nameplate_tpa=block.nameplate_tpa * 2)
    assert spy.counts == {"portfolio": 1, "projection": 1, "view": 0}
    old, new = before.nameplate, session.columns.nameplate
    changed = np.flatnonzero((old != new) & ~(np.isnan(old) & np.isnan(new)))
    assert [session.portfolio.blocks[i].id for i in changed] == [block.id]
    assert session.revision == 1
    assert_matches_the_file(session)


def test_a_firm_notes_edit_moves_no_number(session):
    spy = Spy(session)
    projection, revision = session.projection, session.revision
    firm = session.portfolio.firms[0]
    operations.set_record_fields(session, "firms", firm.id, notes="met in Delhi")
    assert spy.counts == {"portfolio": 1, "projection": 0, "view": 0}
    assert session.projection is projection and session.revision == revision
    assert session.portfolio.firms[0].notes == "met in Delhi"
    assert_matches_the_file(session)


def test_target_year_and_stacking_are_view_settings(session):
    spy = Spy(session)
    projection = session.projection
    session.set_target_year(2033)
    session.set_group_by("block")
    assert spy.counts == {"portfolio": 0, "projection": 0, "view": 2}
    assert session.projection is projection


def test_every_kind_of_edit_and_its_undo_keeps_the_session_true(session):
    p = session.portfolio
    block, deal, plant = p.blocks[0], p.deals[0], p.plants[0]
    operations.set_record_fields(session, "blocks", block.id, country="BRA", name="Renamed")
    assert_matches_the_file(session)
    operations.set_record_fields(session, "plants", plant.id, capacity_tpa=plant.capacity_tpa + 5)
    assert_matches_the_file(session)
    new = block.model_dump() | {"id": "new-block", "name": "New block", "nameplate_tpa": None}
    operations.add_record(session, "blocks", new)
    assert_matches_the_file(session)
    assert "new-block" in session.projection.inputs.incomplete_blocks
    assert "New block lacks: nameplate" in session.projection.inputs.incomplete
    operations.delete_record(session, "blocks", deal.block_id)  # takes its deals along
    assert_matches_the_file(session)
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
        assert_matches_the_file(session)
    for kind in ("blocks", "firms", "deals", "plants"):  # an undone delete comes back last
        by_id = sorted(getattr(session.portfolio, kind), key=lambda r: r.id)
        assert by_id == sorted(getattr(p, kind), key=lambda r: r.id)
    while session.undo_stack.canRedo():
        session.undo_stack.redo()
        assert_matches_the_file(session)


def test_editing_the_projected_scenario_reprojects_another_does_not(session):
    session.store.put_scenario(Scenario(name="A", delay_years=1))
    session.store.put_scenario(Scenario(name="B"))
    session.set_scenario("A")
    spy = Spy(session)
    operations.put_scenario(session, Scenario(name="B", delay_years=3), replacing="B")
    assert spy.counts["projection"] == 0
    operations.put_scenario(session, Scenario(name="A", delay_years=2), replacing="A")
    assert spy.counts["projection"] == 1
    assert_matches_the_file(session)


def test_each_undo_step_is_one_transaction(session):
    for name in ("S1", "S2", "S3"):
        session.store.put_scenario(Scenario(name=name))
    order = [x.name for x in session.store.scenarios()]
    transactions = []
    session.store.subscribe(transactions.append)
    operations.delete_scenario(session, "S1")
    session.undo_stack.undo()
    assert len(transactions) == 2  # the delete, and its undo
    assert [x.name for x in session.store.scenarios()] == order
    assert_matches_the_file(session)


def test_a_dytb_share_edit_reprojects_the_dytb_route(session):
    """The Dy+Tb share feeds equation 8 (its row reads it), so an edit of it is an edit that moves
    numbers: the session's fields that move numbers are traced from the rows, not listed."""
    spy = Spy(session)
    with_deal = {d.block_id for d in session.portfolio.deals if d.status.value != "rejected"}
    block = next(b for b in session.portfolio.blocks if b.id in with_deal and b.nameplate_tpa)
    before = session.projection.dytb_supply.copy()
    operations.set_record_fields(session, "blocks", block.id, dytb_share=0.05)
    assert spy.counts["projection"] == 1
    assert not np.array_equal(session.projection.dytb_supply, before)
    assert_matches_the_file(session)

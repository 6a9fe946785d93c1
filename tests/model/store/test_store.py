"""The Store API: records, validation in Python and in the database, notifications."""

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings

from model.demo import demo_portfolio
from model.scenario import Scenario, Target
from model.store import Change, InvalidEdit, Store
from tests.builders import block, deal, portfolios_st


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "p.repm") as s:
        s.replace_portfolio(demo_portfolio())
        yield s


def test_demo_round_trip_is_lossless(store):
    assert store.load_portfolio() == demo_portfolio()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(portfolios_st())
def test_generated_portfolios_round_trip(tmp_path_factory, p):
    path = tmp_path_factory.mktemp("rt") / "p.repm"
    with Store.open(path) as s:
        s.replace_portfolio(p)
    with Store.open(path) as s:
        assert s.load_portfolio() == p


def test_add_update_delete_announce_changes(store):
    seen: list[Change] = []
    batches: list[list[Change]] = []
    unsubscribe = store.subscribe(lambda changes: (batches.append(changes), seen.extend(changes)))
    store.add("blocks", block("new", name="New block", first_year=2030))
    store.update("blocks", "new", nameplate_tpa=250.0)
    store.add("deals", deal("new", firm_id="kabil", status="mou", offtake_share=0.3))
    store.delete("blocks", "new", cascade=True)
    assert [(c.table, c.action) for c in seen] == [
        ("blocks", "add"),
        ("blocks", "update"),
        ("deals", "add"),
        ("deals", "delete"),
        ("blocks", "delete"),
    ]
    assert [len(b) for b in batches] == [1, 1, 1, 2]  # the cascade is one transaction
    unsubscribe()
    store.update("blocks", "nolans", first_year=2030)
    assert len(seen) == 5
    assert store.get("blocks", "nolans").first_year == 2030


def test_invalid_edits_are_refused_with_the_field_named(store):
    before = store.load_portfolio()
    with pytest.raises(InvalidEdit, match=r"block 'nolans' \(Nolans\), NdPr share: 1.5 is above 1"):
        store.update("blocks", "nolans", ndpr_share=1.5)
    with pytest.raises(
        InvalidEdit,
        match=r"block 'nolans' \(Nolans\): .* add up to 105.0 % \(kabil-nolans 20.0 %, second 85.0 %\)",
    ):
        store.add("deals", deal("nolans", id="second", firm_id="kabil", offtake_share=0.85))
    with pytest.raises(InvalidEdit, match=r"deal 'third', firm: 'ghost' is not a firm id"):
        store.add("deals", deal("nolans", id="third", firm_id="ghost", offtake_share=0.1))
    with pytest.raises(InvalidEdit, match=r"name: 'Nolans' is already used by block 'nolans'"):
        store.add("blocks", block("nolans-2", name="Nolans"))
    with pytest.raises(InvalidEdit, match=r"block 'nolans' \(.*\), id: 'nolans' is already used"):
        store.add("blocks", block("nolans", name="Other"))
    with pytest.raises(InvalidEdit, match=r"has 1 deals: delete those first"):
        store.delete("blocks", "nolans")
    with pytest.raises(InvalidEdit, match=r"ids cannot be changed"):
        store.update("blocks", "nolans", id="renamed")
    with pytest.raises(KeyError, match="no block with id 'ghost'"):
        store.update("blocks", "ghost", name="x")
    assert store.load_portfolio() == before


def test_rejected_deals_do_not_count_toward_offtake(store):
    store.add(
        "deals", deal("nolans", id="old", firm_id="kabil", status="rejected", offtake_share=1.0)
    )
    assert store.get("deals", "old").status == "rejected"


def test_database_constraints_guard_even_without_python_checks(store):
    """Another tool writing straight to the file still cannot store what the model refuses."""
    db = sqlite3.connect(store.path)
    db.execute("PRAGMA foreign_keys=ON")
    cases = [
        "UPDATE blocks SET ndpr_share = 2 WHERE id = 'nolans'",
        "UPDATE blocks SET stage = 'dreaming' WHERE id = 'nolans'",
        "UPDATE deals SET offtake_share = 0.9 WHERE id = 'kabil-nolans'",  # sum rule is 1 each
        "INSERT INTO deals (id, block_id, firm_id, status, offtake_share) "
        "VALUES ('x', 'nolans', 'kabil', 'mou', 0.85)",
        "INSERT INTO deals (id, block_id, firm_id, status, offtake_share) "
        "VALUES ('y', 'ghost', 'kabil', 'mou', 0.1)",
        "UPDATE plants SET capacity_tpa = -1",
        "UPDATE firms SET roles = 'not json'",
        "INSERT INTO firms (id, name, kind) VALUES ('z', 'IREL (India) Limited', 'psu')",
    ]
    refused = 0
    for sql in cases:
        try:
            db.execute(sql)
        except sqlite3.IntegrityError:
            refused += 1
    db.rollback()
    db.close()
    # The single nolans deal at 0.9 alone is legal; every other statement must be refused.
    assert refused == len(cases) - 1


def test_scenarios_assumptions_target_and_name(store):
    store.put_scenario(Scenario(name="China cut", delay_years=1))
    store.put_scenario(Scenario(name="China supply cut", delay_years=2), replacing="China cut")
    assert [s.name for s in store.scenarios()][-1] == "China supply cut"
    a = store.assumptions().with_overrides(
        {"ndpr_in_magnet": 0.3075, "sources": {"ndpr_in_magnet": "engineering preset"}}
    )
    store.set_assumptions(a)
    assert store.assumptions().ndpr_in_magnet == 0.3075
    assert store.assumptions().source_of("ndpr_in_magnet") == "engineering preset"
    store.set_target(Target(default_tpa=5000.0, path={2026: 0.0}))
    assert store.target().at(2026) == 0.0 and store.target().at(2030) == 5000.0
    store.set_name("Negotiation copy")
    assert store.load_portfolio().name == "Negotiation copy"
    with pytest.raises(InvalidEdit):
        store.set_name("  ")


def test_allocation_rule_and_exchange_rate_are_stored_and_checked(store, tmp_path):
    assert store.assumptions().separation_allocation == "merit_order"
    a = store.assumptions().with_overrides(
        {
            "separation_allocation": "pro_rata",
            "inr_per_usd": 90.5,
            "sources": {"inr_per_usd": "RBI reference rate, as of 2026-01-02"},
        }
    )
    store.set_assumptions(a)
    again = store.assumptions()
    assert again.separation_allocation == "pro_rata" and again.inr_per_usd == 90.5
    assert again.source_of("inr_per_usd") == "RBI reference rate, as of 2026-01-02"
    db = sqlite3.connect(store.path)
    for sql in (
        "UPDATE assumptions SET text_value = 'greedy' WHERE name = 'separation_allocation'",
        "UPDATE assumptions SET value = 0.5 WHERE name = 'inr_per_usd'",
        "UPDATE assumptions SET text_value = 'x' WHERE name = 'oxide_to_metal'",
    ):
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(sql)
    db.close()


def test_failed_replace_changes_nothing(store, tmp_path):
    before = store.load_portfolio()
    broken = demo_portfolio().model_copy(deep=True)
    # Bypass pydantic (as a buggy caller might) with a deal whose block is missing.
    broken.deals.append(broken.deals[0].model_copy(update={"id": "zz", "block_id": "ghost"}))
    with pytest.raises(InvalidEdit):
        store.replace_portfolio(broken)
    assert store.load_portfolio() == before


def test_apply_is_all_or_nothing(store):
    from model.store import Edit

    before = store.load_portfolio()
    edits = [
        Edit("update", "blocks", "nolans", {"first_year": 2030}),
        Edit("update", "deals", "kabil-nolans", {"offtake_share": 0.5}),
        Edit("update", "deals", "kabil-longonjo", {"offtake_share": 7.0}),  # invalid
    ]
    with pytest.raises(InvalidEdit, match="deal 'kabil-longonjo', offtake share: 7 is above 1"):
        store.apply(edits)
    assert store.load_portfolio() == before
    changes = store.apply(edits[:2])
    assert [(c.table, c.ids) for c in changes] == [
        ("blocks", ("nolans",)),
        ("deals", ("kabil-nolans",)),
    ]
    assert store.get("deals", "kabil-nolans").offtake_share == 0.5


def test_deleting_a_firm_detaches_its_plants_only_with_cascade(store):
    owned = [p.id for p in store.list("plants") if p.firm_id == "scheme-beneficiaries"]
    others = {p.id: p.firm_id for p in store.list("plants") if p.id not in owned}
    with pytest.raises(InvalidEdit, match=f"has {len(owned)} plants: delete those first"):
        store.delete("firms", "scheme-beneficiaries")
    store.delete("firms", "scheme-beneficiaries", cascade=True)
    plants = {p.id: p.firm_id for p in store.list("plants")}
    assert all(plants[plant_id] is None for plant_id in owned)
    assert {k: v for k, v in plants.items() if k not in owned} == others


def test_scenario_names_unique_and_references_checked(store):
    from model.scenario import BlockOverride

    with pytest.raises(InvalidEdit, match="scenario 'Base', name: 'Base' is already used"):
        store.put_scenario(Scenario(name="Base"))
    with pytest.raises(
        InvalidEdit, match="scenario 'X', block overrides: 'ghost' is not a block id"
    ):
        store.put_scenario(
            Scenario(name="X", block_overrides={"ghost": BlockOverride(nameplate_tpa=1)})
        )
    store.put_scenario(Scenario(name="Base", delay_years=1), replacing="Base")  # same name: fine
    assert store.scenarios()[0].delay_years == 1


def test_confidential_fields_are_stored_and_checked(store):
    assert store.confidential_fields() == [
        "blocks.acquisition_cost_musd",
        "deals.cost_musd",
        "deals.notes",
    ]
    store.set_confidential_fields(["deals.notes", "firms.notes"])
    assert store.load_portfolio().confidential_fields == ["deals.notes", "firms.notes"]
    with pytest.raises(
        InvalidEdit, match="'deals.offtake_share' is not a field that can be left out"
    ):
        store.set_confidential_fields(["deals.offtake_share"])

"""A record's sourced values go with it; choosing a demand or assumption value is one transaction;
the rules refuse a sourced value of a record that is not there (naming the row)."""

import contextlib
import sqlite3

import pytest

from model.demo import demo_portfolio
from model.interchange import InvalidPortfolio, portfolio_from_dict, portfolio_to_dict
from model.migrations import HEAD
from model.store import Edit, InvalidEdit, Store
from model.store.opening import APPLICATION_ID


def evidence_row(eid, kind, record_id, field, value, chosen=0):
    return {
        "id": eid,
        "record_kind": kind,
        "record_id": record_id,
        "field_name": field,
        "value": value,
        "unit": "t",
        "source": "A report",
        "as_of": "2025",
        "chosen": chosen,
    }


@pytest.fixture()
def demo_store(tmp_path):
    with Store.open(tmp_path / "demo.repm") as store:
        store.replace_portfolio(demo_portfolio())
        yield store


def sourced_of(store, kind, record_id):
    return [e for e in store.list("evidence") if (e.record_kind, e.record_id) == (kind, record_id)]


def test_deleting_a_block_deletes_its_sourced_values_in_the_same_transaction(demo_store):
    assert len(sourced_of(demo_store, "blocks", "mt-weld")) >= 3
    seen = []
    demo_store.subscribe(seen.append)
    demo_store.delete("blocks", "mt-weld", cascade=True)
    assert sourced_of(demo_store, "blocks", "mt-weld") == []
    assert len(seen) == 1  # one transaction, announced once
    tables = {c.table: c for c in seen[0]}
    assert tables["evidence"].action == "delete" and len(tables["evidence"].ids) >= 3
    # the portfolio as stored is valid (no orphans) and the others' values are kept
    portfolio = demo_store.load_portfolio()
    assert sourced_of(demo_store, "blocks", "irel-domestic")
    assert all(e.record_id != "mt-weld" for e in portfolio.evidence)


def test_a_refused_delete_keeps_the_sourced_values(demo_store):
    before = demo_store.list("evidence")
    with pytest.raises(InvalidEdit, match="has 1 deals"):
        demo_store.delete("blocks", "mt-weld")  # deals on it, no cascade
    assert demo_store.list("evidence") == before


def test_deleting_a_plant_deletes_its_sourced_values(demo_store):
    assert sourced_of(demo_store, "plants", "irel-separation-expansion")
    demo_store.delete("plants", "irel-separation-expansion")
    assert sourced_of(demo_store, "plants", "irel-separation-expansion") == []


def test_a_sourced_value_of_a_missing_record_is_refused_by_the_store(demo_store):
    with pytest.raises(InvalidEdit, match="no block 'nowhere'"):
        demo_store.add("evidence", evidence_row("ev-x", "blocks", "nowhere", "nameplate_tpa", 1))
    with pytest.raises(InvalidEdit, match="no figure 'colour'"):
        demo_store.add("evidence", evidence_row("ev-y", "blocks", "mt-weld", "colour", 1))
    with pytest.raises(InvalidEdit, match="'deals' is not one of"):
        demo_store.add("evidence", evidence_row("ev-z", "deals", "x", "offtake_share", 1))


def test_an_import_with_an_orphan_sourced_value_is_refused_naming_the_row():
    data = portfolio_to_dict(demo_portfolio())
    data["evidence"].append(evidence_row("ev-orphan", "blocks", "gone", "nameplate_tpa", 5))
    with pytest.raises(InvalidPortfolio) as refused:
        portfolio_from_dict(data)
    assert (
        "sourced value 'ev-orphan', record: a sourced value of block 'gone' nameplate, but there "
        "is no block 'gone'"
    ) in refused.value.problems


def test_choosing_a_demand_value_is_one_transaction(demo_store):
    primus = next(
        e
        for e in demo_store.list("evidence")
        if (e.record_kind, e.field_name, e.value) == ("demand", "horizon_t", 7150)
    )
    in_use = next(
        e
        for e in demo_store.list("evidence")
        if (e.record_kind, e.field_name, e.chosen) == ("demand", "horizon_t", 1)
    )
    seen = []
    demo_store.subscribe(seen.append)
    demo_store.apply(
        [
            Edit("update", "demand", "india", {"horizon_t": 7150.0}),
            Edit("update", "evidence", primus.id, {"chosen": 1}),
            Edit("update", "evidence", in_use.id, {"chosen": 0}),
        ]
    )
    assert len(seen) == 1
    assert demo_store.demand().horizon_t == 7150
    assert demo_store.get("evidence", primus.id).chosen == 1


def test_a_refused_figure_update_changes_nothing(demo_store):
    before = demo_store.demand(), demo_store.assumptions(), demo_store.list("evidence")
    some = before[2][0]
    with pytest.raises(InvalidEdit, match="demand.china_share"):
        demo_store.apply(
            [
                Edit("update", "evidence", some.id, {"note": "changed"}),
                Edit("update", "demand", "india", {"china_share": 1.5}),
            ]
        )
    with pytest.raises(InvalidEdit, match="assumptions.ndpr_in_magnet"):
        demo_store.apply([Edit("update", "assumptions", "", {"ndpr_in_magnet": -1.0})])
    assert (demo_store.demand(), demo_store.assumptions(), demo_store.list("evidence")) == before


def test_an_assumption_is_updated_inside_a_transaction(demo_store):
    seen = []
    demo_store.subscribe(seen.append)
    demo_store.apply([Edit("update", "assumptions", "", {"ndpr_in_magnet": 0.3})])
    assert demo_store.assumptions().ndpr_in_magnet == 0.3
    assert seen[0][0].table == "assumptions" and seen[0][0].fields == ("ndpr_in_magnet",)


def test_a_file_with_orphan_sourced_values_is_cleaned_when_migrated(tmp_path):
    """A file at 0006 holding a value of a block deleted before deletes took them along."""
    from alembic import command
    from sqlalchemy import create_engine

    from model.store.opening import alembic_config

    path = tmp_path / "v6.repm"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        command.upgrade(alembic_config(conn), "0006")
        conn.exec_driver_sql(
            "INSERT INTO blocks (id, name, country, stage, product) "
            "VALUES ('b', 'Kept block', 'AUS', 'feasibility', 'mixed')"
        )
        for eid, record in (("ev-kept", "b"), ("ev-orphan", "gone")):
            conn.exec_driver_sql(
                "INSERT INTO evidence (id, record_kind, record_id, field_name, value, source, "
                f"as_of, chosen) VALUES ('{eid}', 'blocks', '{record}', 'nameplate_tpa', 10, "
                "'A report', '2025', 0)"
            )
    engine.dispose()
    with Store.open(path) as store:
        assert store.backups(), "a backup of the 0006 file comes first"
        assert [e.id for e in store.list("evidence")] == ["ev-kept"]
    with contextlib.closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)


def test_repm_validate_names_the_orphan_row(capsys, tmp_path):
    import json

    from tests.cli_runner import run

    data = portfolio_to_dict(demo_portfolio())
    data["evidence"][2]["record_id"] = "gone"
    bad = tmp_path / "orphan.json"
    bad.write_text(json.dumps(data))
    before = bad.read_bytes()
    code, out, err = run(capsys, "validate", str(bad))
    assert code == 2
    named = f"sourced value '{data['evidence'][2]['id']}', record"
    assert f"{named}: a sourced value of block 'gone'" in out + err
    assert bad.read_bytes() == before

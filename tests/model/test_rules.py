"""One set of portfolio rules: `repm validate` and `repm import` refuse the same files with the same
lines, every store write checks them in its own transaction (the database's constraints never have
to), a delete never strands a scenario, and a file breaking them opens as a StoreError."""

import json
import math
import sqlite3

import pytest

from model import fields as f
from model import rules
from model.assumptions import SCALARS, Assumptions
from model.demo import demo_portfolio
from model.domain import KINDS
from model.field_words import label
from model.interchange import portfolio_to_dict
from model.scenario import Scenario
from model.store import DamagedFile, InvalidEdit, Store, StoreError
from tests.builders import block, deal
from tests.cli_runner import run

DB_REFUSAL = "refused by the portfolio file"  # what a CHECK or trigger firing looks like


def _dup_block_name(data):
    data["blocks"][1]["name"] = data["blocks"][0]["name"]


def _dup_firm_name(data):
    data["firms"][1]["name"] = data["firms"][0]["name"]


def _negative_target(data):
    data["target"]["path"] = {"2030": -5}


def _nan_target(data):
    data["target"]["path"] = {"2030": math.nan}


def _year_out_of_range(data):
    data["target"]["path"] = {"1800": 100}


def _lone_surrogate(data):
    data["blocks"][0]["notes"] = "bad \ud800 text"


def _unknown_override(data):
    data["scenarios"][0]["assumption_overrides"] = {"separation_recovery_x": 0.9}


def _override_out_of_range(data):
    data["scenarios"][0]["assumption_overrides"] = {"separation_recovery": 7}


DEMO = demo_portfolio()  # the ids the messages name
BAD_FILES = {
    "duplicate block names": (
        _dup_block_name,
        f"block '{DEMO.blocks[1].id}' ({DEMO.blocks[0].name}), name: '{DEMO.blocks[0].name}' is "
        f"already used by block '{DEMO.blocks[0].id}'",
    ),
    "duplicate firm names": (
        _dup_firm_name,
        f"firm '{DEMO.firms[1].id}' ({DEMO.firms[0].name}), name: '{DEMO.firms[0].name}' is "
        f"already used by firm '{DEMO.firms[0].id}'",
    ),
    "negative target": (_negative_target, "target.path.2030: -5 is below 0"),
    "NaN target": (_nan_target, "target.path.2030:"),
    "target year out of range": (_year_out_of_range, "target.path.1800"),
    "lone surrogate": (
        _lone_surrogate,
        f"block '{DEMO.blocks[0].id}' ({DEMO.blocks[0].name}), notes: contains an invalid character",
    ),
    "unknown override": (_unknown_override, "separation_recovery_x: not an assumption"),
    "override out of range": (_override_out_of_range, "separation_recovery: 7 is above 1"),
}


def _write(tmp_path, mutate) -> str:
    data = portfolio_to_dict(demo_portfolio())
    mutate(data)
    path = tmp_path / "in.json"
    # ensure_ascii keeps a lone surrogate as the \ud800 escape a broken file would hold
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_validate_and_import_refuse_the_same_file_with_the_same_lines(capsys, tmp_path, case):
    mutate, expected = BAD_FILES[case]
    path = _write(tmp_path, mutate)
    code_v, _, err_v = run(capsys, "validate", path)
    db = tmp_path / "p.repm"
    code_i, _, err_i = run(capsys, "import", path, "--db", db)
    assert code_v == code_i == 2
    assert expected in err_v
    assert err_v == err_i  # the same lines (one line when there is one problem)
    assert DB_REFUSAL not in err_i


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "p.repm") as s:
        s.replace_portfolio(demo_portfolio())
        s.put_scenario(
            Scenario(
                name="Nolans late",
                block_delays={"nolans": 2},
                deal_overrides={"kabil-mt-weld": {"offtake_share": 0.2}},
            )
        )
        yield s


@pytest.mark.parametrize(
    "kind, record_id, cascade, named",
    [
        ("blocks", "nolans", True, "block 'nolans'"),
        ("deals", "kabil-mt-weld", False, "deal 'kabil-mt-weld'"),
        ("blocks", "mt-weld", True, "deal 'kabil-mt-weld'"),  # its deal goes with it
        ("firms", "kabil", True, "deal 'kabil-mt-weld'"),
    ],
)
def test_deleting_what_a_scenario_names_is_refused_with_the_scenario(
    store, kind, record_id, cascade, named
):
    before = store.path.read_bytes()
    with pytest.raises(InvalidEdit) as err:
        store.delete(kind, record_id, cascade=cascade)
    assert f"{named} is named by scenario 'Nolans late'" in str(err.value)
    assert store.path.read_bytes() == before
    assert store.load_portfolio().scenario("Nolans late").block_delays == {"nolans": 2}


def test_a_record_no_scenario_names_is_still_deleted(store):
    store.delete("blocks", "yangibana", cascade=True)
    assert all(b.id != "yangibana" for b in store.load_portfolio().blocks)


@pytest.mark.parametrize(
    "overrides, expected",
    [
        ({"separation_recovery": 7}, "separation_recovery: 7 is above 1"),
        ({"no_such_thing": 1}, "no_such_thing: not an assumption"),
        ({"p_deal": {"mou": -0.5}}, "p_deal.mou: -0.5 is below 0"),
    ],
)
def test_scenarios_with_bad_assumption_overrides_are_refused(store, overrides, expected):
    with pytest.raises(ValueError, match=expected):
        store.put_scenario(Scenario(name="Bad", assumption_overrides=overrides))
    demo = [s.name for s in demo_portfolio().scenarios]
    assert [s.name for s in store.scenarios()] == [*demo, "Nolans late"]


@pytest.mark.parametrize(
    "edit",
    [
        lambda s: s.update("blocks", "nolans", ndpr_share=1.5),
        lambda s: s.update("blocks", "nolans", name="Mt Weld"),
        lambda s: s.update("blocks", "nolans", ramp_years=0),
        lambda s: s.update("blocks", "nolans", nameplate_tpa=math.nan),
        lambda s: s.update("blocks", "nolans", notes="x\ud800"),
        lambda s: s.update("deals", "kabil-nolans", offtake_share=1.0, block_id="mt-weld"),
        lambda s: s.add("deals", deal("nolans", id="d2", firm_id="ghost", offtake_share=0.1)),
        lambda s: s.add("blocks", block("nolans", name="Another")),
        lambda s: s.update("plants", s.list("plants")[0].id, firm_id="ghost"),
    ],
)
def test_every_refusal_comes_from_the_rules_not_the_database(store, edit):
    with pytest.raises(InvalidEdit) as err:
        edit(store)
    assert DB_REFUSAL not in str(err.value)


def test_a_file_breaking_the_rules_opens_as_a_store_error(store):
    with sqlite3.connect(store.path) as db:  # another tool writes what the app never would
        body = Scenario(name="Tool-made").model_dump()
        body["assumption_overrides"] = {"separation_recovery": 7}
        db.execute("INSERT INTO scenarios (name, body) VALUES (?, ?)", ("x", json.dumps(body)))
    with pytest.raises(DamagedFile, match="breaks its rules.*separation_recovery: 7 is above 1"):
        store.load_portfolio()
    assert issubclass(DamagedFile, StoreError)


def _bad_values(info) -> list:
    """Values just outside a declared number's range, and ones no number field takes."""
    low, high = f.bounds(info)
    values = [math.nan, math.inf, "many", True]
    values += [] if low is None else [low - 1]
    values += [] if high is None else [high + 1]
    return values + ([] if f.optional(info) else [None])


NUMBER_FIELDS = [
    (kind, name, value)
    for kind, k in KINDS.items()
    for name, info in k.fields.items()
    if f.meta(info).fmt in (f.NUMBER, f.PERCENT, f.INTEGER, f.YEAR)
    for value in _bad_values(info)
]


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory):
    """One file for the many refusals below (a refused edit changes nothing)."""
    with Store.open(tmp_path_factory.mktemp("shared") / "p.repm") as s:
        s.replace_portfolio(demo_portfolio())
        yield s


@pytest.mark.parametrize("kind, field, value", NUMBER_FIELDS)
def test_no_declared_number_reaches_the_database_out_of_range(shared_store, kind, field, value):
    store = shared_store
    record_id = store.list(kind)[0].id
    try:
        store.update(kind, record_id, **{field: value})
    except InvalidEdit as exc:
        said = str(exc)  # the record by kind and id, the field by its declared label
        assert DB_REFUSAL not in said and said.startswith(f"{KINDS[kind].singular} '{record_id}'")
        assert f", {label(kind, field)}: " in said
    else:  # accepted only as the same number (True reads as 1 in pydantic's lax mode)
        assert value is True and getattr(store.get(kind, record_id), field) == 1


def test_the_file_accepts_every_declared_assumption_at_its_bounds(shared_store):
    for name, spec in SCALARS.items():
        low = spec.low + 1e-6 if spec.low_open else spec.low
        for value in (low, spec.high):
            shared_store.set_assumptions(Assumptions(**{name: value}))  # no CHECK may fire
            assert getattr(shared_store.assumptions(), name) == value


OTHER_CHANGES = [
    ("blocks", "nolans", {"name": "Mt Weld"}),
    ("blocks", "nolans", {"name": "Nolans North"}),
    ("blocks", "nolans", {"country": "Atlantis"}),
    ("blocks", "nolans", {"country": "australia"}),
    ("blocks", "nolans", {"notes": "x\ud800"}),
    ("firms", "nmdc", {"roles": ["mining", "smelting"]}),
    ("firms", "nmdc", {"roles": ["mining", "trading"]}),
    ("deals", "kabil-nolans", {"offtake_share": 0.99}),
    ("deals", "kabil-nolans", {"offtake_share": 1.0, "block_id": "mt-weld"}),
    ("deals", "kabil-nolans", {"block_id": "ghost"}),
    ("deals", "kabil-mt-weld", {"status": "rejected"}),
]


@pytest.mark.parametrize(
    "kind, record_id, changes",
    [(kind, None, {field: value}) for kind, field, value in NUMBER_FIELDS] + OTHER_CHANGES,
)
def test_the_editors_question_is_answered_as_the_store_answers_it(
    shared_store, kind, record_id, changes
):
    """`change_problems` (what the desktop's editors ask) refuses exactly what a store write
    refuses, and accepts as the store would store it."""
    store = shared_store
    record_id = record_id or store.list(kind)[0].id
    before = store.get(kind, record_id)
    record, problems = rules.change_problems(store.load_portfolio(), kind, record_id, changes)
    try:
        stored = store.update(kind, record_id, **changes)
    except InvalidEdit:
        assert record is None and problems and all(problems)
        return
    assert problems == [] and record == stored
    restore = {name: getattr(before, name) for name in changes}
    store.update(kind, record_id, **restore)  # the next case starts from the demo

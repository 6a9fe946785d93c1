"""Imports and exports that lose nothing: redacted files keep the portfolio's confidential
values, a refused import leaves no file behind, an export never overwrites a portfolio."""

import json

import pytest

from model.api import load_portfolio
from model.demo import demo_portfolio
from model.interchange import portfolio_to_dict
from model.store import Store
from tests.cli_runner import run


@pytest.fixture
def db(tmp_path):
    """The demo in a portfolio file, with a confidential cost and note to lose."""
    path = tmp_path / "p.repm"
    with Store.open(path) as store:
        store.replace_portfolio(demo_portfolio())
        store.update("blocks", "nolans", acquisition_cost_musd=125.0)
        store.update("deals", "kabil-nolans", notes="walk away above USD 130m")
    return path


@pytest.mark.parametrize("name", ["red.json", "red.xlsx"])
def test_redacted_export_reimported_with_replace_keeps_confidential_values(capsys, db, name):
    before = load_portfolio(db)
    assert run(capsys, "export", db, "--to", db.parent / name)[0] == 0
    code, out, err = run(capsys, "import", db.parent / name, "--db", db, "--replace")
    assert (code, err) == (0, "")
    assert load_portfolio(db) == before  # notes and costs kept, nothing else changed
    assert "kept the portfolio's" in out and "deals.notes" in out
    assert "blocks.acquisition_cost_musd of 1 record" in out


def test_redacted_csv_round_trip_keeps_notes(capsys, db):
    before = load_portfolio(db)
    assert run(capsys, "export", db, "--to", db.parent / "deals.csv", "--kind", "deals")[0] == 0
    assert "notes" not in (db.parent / "deals.csv").read_text().splitlines()[0]
    code, out, _ = run(capsys, "import", db.parent / "deals.csv", "--db", db, "--kind", "deals")
    assert code == 0 and "deals.notes" in out
    assert load_portfolio(db) == before


def test_a_record_new_in_a_redacted_file_gets_the_fields_empty(capsys, db, tmp_path):
    data = portfolio_to_dict(load_portfolio(db), include_confidential=False)
    new = dict(data["deals"][1], id="kabil-new", offtake_share=0.0)
    data["deals"].append(new)
    path = tmp_path / "red.json"
    path.write_text(json.dumps(data))
    code, out, _ = run(capsys, "import", path, "--db", db, "--replace")
    assert code == 0 and "1 record new in the file" in out
    after = load_portfolio(db)
    assert next(d for d in after.deals if d.id == "kabil-new").notes == ""
    assert next(d for d in after.deals if d.id == "kabil-nolans").notes.startswith("walk away")


def test_a_value_typed_into_a_redacted_field_is_used(capsys, db, tmp_path):
    data = portfolio_to_dict(load_portfolio(db), include_confidential=False)
    deal = next(d for d in data["deals"] if d["id"] == "kabil-nolans")
    deal["notes"] = "new instructions"
    (tmp_path / "red.json").write_text(json.dumps(data))
    assert run(capsys, "import", tmp_path / "red.json", "--db", db, "--replace")[0] == 0
    assert next(d for d in load_portfolio(db).deals if d.id == "kabil-nolans").notes == (
        "new instructions"
    )


def test_redacted_fields_must_name_fields_that_can_be_left_out(capsys, tmp_path):
    data = portfolio_to_dict(demo_portfolio())
    data["redacted_fields"] = ["deals.offtake_share"]
    (tmp_path / "x.json").write_text(json.dumps(data))
    code, _, err = run(capsys, "validate", tmp_path / "x.json")
    assert code == 2
    assert "redacted_fields: 'deals.offtake_share' is not a field an export can leave out" in err


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("bad.csv", "id,name\nx,\n", "blocks"),
        ("bad.json", '{"format": "repm-portfolio", "version": 1, "blocks": [{"id": 1}]}', None),
        ("bad.xlsx", "not a workbook", None),
    ],
)
def test_a_refused_import_creates_no_file(capsys, tmp_path, name, content, kind):
    source = tmp_path / name
    source.write_text(content)
    target = tmp_path / "sub" / "new.repm"
    args = ["import", source, "--db", target] + (["--kind", kind] if kind else [])
    code, _, err = run(capsys, *args)
    assert code == 2 and err
    assert not target.exists() and not target.parent.exists()


def test_an_accepted_import_into_a_new_file_leaves_only_that_file(capsys, tmp_path):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(portfolio_to_dict(demo_portfolio())))
    target = tmp_path / "new" / "p.repm"
    assert run(capsys, "import", source, "--db", target)[0] == 0
    assert sorted(p.name for p in target.parent.iterdir()) == ["p.repm"]
    assert load_portfolio(target) == demo_portfolio()
    assert run(capsys, "check", target)[0] == 0


def test_export_never_overwrites_a_portfolio_file(capsys, db, tmp_path):
    other = tmp_path / "other.repm"
    with Store.open(other):
        pass
    sqlite_named_json = tmp_path / "looks.json"
    sqlite_named_json.write_bytes(other.read_bytes())
    for target in (db, other, sqlite_named_json, tmp_path / "fresh.repm"):
        before = target.read_bytes() if target.exists() else None
        code, _, err = run(capsys, "export", db, "--to", target, "--force")
        assert code == 2 and "is a portfolio file" in err, target
        assert (target.read_bytes() if target.exists() else None) == before


def test_export_over_an_existing_file_needs_force(capsys, db, tmp_path):
    target = tmp_path / "out.json"
    target.write_text("keep me")
    code, _, err = run(capsys, "export", db, "--to", target)
    assert code == 2 and "out.json exists; pass --force" in err
    assert target.read_text() == "keep me"
    assert run(capsys, "export", db, "--to", target, "--force")[0] == 0
    assert json.loads(target.read_text())["format"] == "repm-portfolio"


def test_rank_shows_acquisition_costs_only_when_included(capsys, db):
    code, out, _ = run(capsys, "rank", "--db", db, "--draws", "20", "--format", "csv")
    assert code == 0
    assert "cost_musd" not in out and ",125.0," not in out
    code, out, _ = run(capsys, "rank", "--db", db, "--draws", "20", "--format", "json")
    assert all("cost_musd" not in d for d in json.loads(out)["deals"])
    code, out, _ = run(
        capsys, "rank", "--db", db, "--draws", "20", "--format", "csv", "--include-confidential"
    )
    header, *rows = out.splitlines()
    assert header.endswith("cost_musd,total_t_per_musd")
    assert any(row.split(",")[0] == "kabil-nolans" and ",125.0," in row for row in rows)


def test_rank_shows_costs_when_they_are_not_confidential(capsys, db):
    with Store.open(db) as store:
        store.set_confidential_fields(["deals.notes"])
    code, out, _ = run(capsys, "rank", "--db", db, "--draws", "20", "--format", "csv")
    assert code == 0 and out.splitlines()[0].endswith("cost_musd,total_t_per_musd")


def test_an_import_failing_while_writing_leaves_no_file(capsys, tmp_path, monkeypatch):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(portfolio_to_dict(demo_portfolio())))

    def fail(self, portfolio):
        raise OSError("no space left on device")

    monkeypatch.setattr(Store, "replace_portfolio", fail)
    code, _, err = run(capsys, "import", source, "--db", tmp_path / "new.repm")
    assert code == 2 and "no space left" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]

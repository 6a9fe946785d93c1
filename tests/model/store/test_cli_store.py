"""repm import/export/check/backup/backups/restore and project --db."""

import json

from model.api import load_portfolio
from model.demo import demo_portfolio
from model.interchange import portfolio_to_dict
from model.store import Store, ensure_default_portfolio
from model.store.locations import default_portfolio_path
from model.tabular import read_xlsx
from tests.cli_runner import run


def demo_json(tmp_path, mutate=None):
    data = portfolio_to_dict(demo_portfolio())
    if mutate:
        mutate(data)
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data))
    return path


def test_import_export_round_trip(capsys, tmp_path):
    db, out = tmp_path / "p.repm", tmp_path / "out.json"
    assert run(capsys, "import", demo_json(tmp_path), "--db", db)[0] == 0
    assert run(capsys, "export", db, "--to", out, "--include-confidential")[0] == 0
    assert json.loads(out.read_text()) == json.loads((tmp_path / "in.json").read_text())
    assert load_portfolio(out) == demo_portfolio()
    assert load_portfolio(db) == demo_portfolio()  # the API reads store files too


def test_failed_import_changes_nothing_and_lists_every_bad_record(capsys, tmp_path):
    db = tmp_path / "p.repm"
    run(capsys, "import", demo_json(tmp_path), "--db", db)
    with Store.open(db) as store:
        store.update("blocks", "nolans", first_year=2031)
    before = load_portfolio(db)

    def break_it(data):
        data["deals"][2]["offtake_share"] = 1.4
        data["blocks"][5]["ndpr_share"] = -0.1
        data["plants"][1]["status"] = "imagined"

    code, out, err = run(capsys, "import", demo_json(tmp_path, break_it), "--db", db, "--replace")
    assert code == 2 and out == ""
    demo = demo_portfolio()
    assert f"deals[2] (id {demo.deals[2].id}).offtake_share: 1.4 is above 1" in err
    assert f"blocks[5] (id {demo.blocks[5].id}).ndpr_share: -0.1 is below 0" in err
    assert f'plants[1] (id {demo.plants[1].id}).status: "imagined" is not one of' in err
    assert load_portfolio(db) == before


def test_import_refuses_to_overwrite_without_replace(capsys, tmp_path):
    db = tmp_path / "p.repm"
    run(capsys, "import", demo_json(tmp_path), "--db", db)
    code, _, err = run(capsys, "import", demo_json(tmp_path), "--db", db)
    assert code == 2 and "pass --replace" in err
    assert run(capsys, "import", demo_json(tmp_path), "--db", db, "--replace")[0] == 0


def test_project_db_matches_project_portfolio(capsys, tmp_path):
    db = tmp_path / "p.repm"
    run(capsys, "import", demo_json(tmp_path), "--db", db)
    _, from_db, _ = run(capsys, "project", "--db", db, "--format", "json")
    _, from_json, _ = run(
        capsys, "project", "--portfolio", tmp_path / "in.json", "--format", "json"
    )
    assert json.loads(from_db) == json.loads(from_json)


def test_check_backup_restore(capsys, tmp_path):
    db = tmp_path / "p.repm"
    run(capsys, "import", demo_json(tmp_path), "--db", db)
    code, out, _ = run(capsys, "check", db)
    assert code == 0 and "ok" in out
    code, out, _ = run(capsys, "backup", db)
    assert code == 0
    backup = out.strip().removeprefix("backup written: ")
    code, out, _ = run(capsys, "backups", db)
    assert backup in out
    # Damage the portfolio; check says so and names the backup; restore brings it back.
    data = db.read_bytes()
    db.write_bytes(data[:5000])
    code, _, err = run(capsys, "check", db)
    assert code == 2 and "damaged" in err
    code, out, _ = run(capsys, "restore", backup, "--to", db)
    assert code == 0 and ".unreadable" in out  # the damaged bytes were kept aside
    assert load_portfolio(db) == demo_portfolio()


def test_restore_refuses_a_bad_backup(capsys, tmp_path):
    db = tmp_path / "p.repm"
    run(capsys, "import", demo_json(tmp_path), "--db", db)
    bogus = tmp_path / "bogus.repm"
    bogus.write_text("nope")
    before = db.read_bytes()
    code, _, err = run(capsys, "restore", bogus, "--to", db)
    assert code == 2 and "not a portfolio file" in err
    assert db.read_bytes() == before


def test_first_run_creates_the_demo_in_the_data_dir(isolated_data_dir):
    path = ensure_default_portfolio()
    assert path == default_portfolio_path() and path.parent == isolated_data_dir
    assert load_portfolio(path) == demo_portfolio()
    with Store.open(path) as store:
        store.update("blocks", "nolans", first_year=2030)
    assert ensure_default_portfolio() == path  # never overwritten once it exists
    assert load_portfolio(path).block("nolans").first_year == 2030


def test_exports_leave_confidential_fields_out_unless_asked(capsys, tmp_path):
    db = tmp_path / "p.repm"
    run(capsys, "import", demo_json(tmp_path), "--db", db)
    with Store.open(db) as store:
        store.update("blocks", "nolans", acquisition_cost_musd=125.0)
    for name in ("redacted.json", "redacted.xlsx"):
        code, out, _ = run(capsys, "export", db, "--to", tmp_path / name)
        assert (
            code == 0
            and "left out: blocks.acquisition_cost_musd, deals.cost_musd, deals.notes" in out
        )
        exported = (
            load_portfolio(tmp_path / name)
            if name.endswith(".json")
            else read_xlsx(tmp_path / name)
        )
        assert all(d.notes == "" for d in exported.deals)
        assert all(b.acquisition_cost_musd is None for b in exported.blocks)
        assert exported.block("nolans").notes  # not confidential: kept
    assert json.loads((tmp_path / "redacted.json").read_text())["redacted_fields"] == [
        "blocks.acquisition_cost_musd",
        "deals.cost_musd",
        "deals.notes",
    ]
    run(capsys, "export", db, "--to", tmp_path / "full.xlsx", "--include-confidential")
    assert read_xlsx(tmp_path / "full.xlsx").block("nolans").acquisition_cost_musd == 125.0


def test_import_xlsx_and_csv(capsys, tmp_path):
    db = tmp_path / "p.repm"
    run(capsys, "import", demo_json(tmp_path), "--db", db)
    run(capsys, "export", db, "--to", tmp_path / "full.xlsx", "--include-confidential")
    fresh = tmp_path / "fresh.repm"
    assert run(capsys, "import", tmp_path / "full.xlsx", "--db", fresh)[0] == 0
    assert load_portfolio(fresh) == demo_portfolio()
    csv_file = tmp_path / "plants.csv"
    csv_file.write_text(
        "id,name,stage,capacity_tpa (t/yr),status,first_year (year)\n"
        "sep-1,Separation line,separation,2000,planned,2029\n"
    )
    assert run(capsys, "import", csv_file, "--db", fresh)[0] == 0  # its name says plants
    assert load_portfolio(fresh).plants[-1].id == "sep-1"
    before = load_portfolio(fresh)
    csv_file.write_text("id,name,stage,capacity_tpa (t/yr),status\nbad,Bad,separation,-3,planned\n")
    code, _, err = run(capsys, "import", csv_file, "--db", fresh, "--kind", "plants")
    assert code == 2 and "plants.csv line 2 (id bad), column capacity_tpa: -3 is below 0" in err
    assert load_portfolio(fresh) == before


def test_restore_over_a_file_that_is_not_a_portfolio_needs_force(capsys, tmp_path):
    db = tmp_path / "p.repm"
    run(capsys, "import", demo_json(tmp_path), "--db", db)
    backup = run(capsys, "backup", db)[1].strip().removeprefix("backup written: ")
    other = tmp_path / "notes.txt"
    other.write_text("minutes of the meeting")
    code, _, err = run(capsys, "restore", backup, "--to", other)
    assert code == 2 and "pass --force to replace it anyway" in err
    assert other.read_text() == "minutes of the meeting"
    code, out, _ = run(capsys, "restore", backup, "--to", other, "--force")
    assert code == 0 and ".unreadable" in out  # its bytes were kept aside
    assert load_portfolio(other) == demo_portfolio()

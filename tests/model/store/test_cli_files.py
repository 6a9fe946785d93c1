"""The command line on odd folder names, unwritable backup folders, broken indexes and shared
machines (issue 11: items 3, 7, 15 and the full check)."""

import json
import os
import stat

import pytest

from model.store import Store
from model.store.locations import data_dir
from tests.cli_runner import run
from tests.damage import break_an_index


def test_every_store_command_works_in_a_folder_named_like_a_url(capsys, tmp_path):
    folder = tmp_path / "Portfolio #2 (50% draft)"
    folder.mkdir()
    demo, db, out = folder / "demo?.json", folder / "plan #1 100%41.repm", folder / "out.json"
    assert run(capsys, "demo", "--out", demo)[0] == 0
    assert run(capsys, "import", demo, "--db", db)[0] == 0
    code, text, _ = run(capsys, "project", "--db", db, "--format", "json")
    assert code == 0 and json.loads(text)["years"]
    assert run(capsys, "export", db, "--to", out, "--include-confidential")[0] == 0
    assert json.loads(out.read_text()) == json.loads(demo.read_text())
    assert run(capsys, "check", db)[0] == 0
    code, text, _ = run(capsys, "backup", db)
    assert code == 0
    backup = text.split(": ", 1)[1].strip()
    code, text, _ = run(capsys, "backups", db)
    assert code == 0 and backup in text
    assert run(capsys, "restore", backup, "--to", db)[0] == 0
    assert sorted(os.listdir(folder)) == sorted([demo.name, db.name, out.name])


def test_a_read_only_command_works_when_no_backup_folder_can_be_made(capsys, tmp_path):
    db = tmp_path / "p.repm"
    demo = tmp_path / "demo.json"
    run(capsys, "demo", "--out", demo)
    assert run(capsys, "import", demo, "--db", db)[0] == 0
    with Store.open(db) as store:
        store.update("blocks", "nolans", first_year=2031)  # changed since its last backup
    backups = data_dir() / "backups"
    for old in sorted(backups.rglob("*"), reverse=True):
        old.rmdir() if old.is_dir() else old.unlink()
    backups.rmdir()
    backups.write_text("in the way")  # no backup folder can be made here, even by root
    code, text, err = run(capsys, "project", "--db", db)
    assert code == 0 and "2030" in text and err == ""
    code, text, err = run(capsys, "import", demo, "--db", db, "--replace")
    assert code == 0 and "imported" in text
    assert err.startswith(f"warning: {db}: no backup made in ")


def test_check_finds_a_broken_index_in_one_line(capsys, portfolio_path):
    assert run(capsys, "check", portfolio_path)[0] == 0
    break_an_index(portfolio_path)
    before = portfolio_path.read_bytes()
    code, _, err = run(capsys, "check", portfolio_path)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "is damaged: the full check found" in err and "deals_by_block" in err
    assert portfolio_path.read_bytes() == before


def test_check_works_while_the_file_is_open_for_writing(capsys, portfolio_path):
    with Store.open(portfolio_path):
        code, text, _ = run(capsys, "check", portfolio_path)
    assert code == 0 and "ok" in text


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_exports_are_owner_only(capsys, portfolio_path, tmp_path, suffix):
    old = os.umask(0o022)
    try:
        out = tmp_path / f"export{suffix}"
        assert run(capsys, "export", portfolio_path, "--to", out)[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

"""A damaged portfolio is called damaged (with its backups), a file that is plainly something
else is not a portfolio; and refusing a WAL-mode file leaves its folder as it was: no -wal or
-shm made by the open (the tester's mid.repm-shm and empty mid.repm-wal)."""

import contextlib
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from model.store import DamagedFile, NotAPortfolio, Store, StoreError
from model.store.checking import check_file
from tests.cli_runner import run
from tests.damage import snapshot


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def in_wal_mode(path: Path) -> bool:
    return path.read_bytes()[18:20] == b"\x02\x02"  # read and write versions 2: WAL


def overwrite(path: Path, offset: int, content: bytes) -> None:
    data = bytearray(path.read_bytes())
    data[offset : offset + len(content)] = content
    path.write_bytes(bytes(data))


def header_damage(path: Path) -> None:
    overwrite(path, 0, os.urandom(4096))


def mid_file_damage(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'blocks'").fetchone()[0]
    overwrite(path, (root - 1) * page_size, b"\x0f")  # not a valid b-tree page type


def refused_content(path: Path) -> None:
    """A record the rules refuse, written as another program would, keeping the file in WAL."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA ignore_check_constraints=ON")
        db.execute("UPDATE blocks SET first_year = 1200 WHERE id = 'nolans'")
        db.commit()


@pytest.fixture
def wal_portfolio(portfolio_path) -> Path:
    with Store.open(portfolio_path) as store:  # a backup exists from this second open on
        store.update("blocks", "nolans", first_year=2031)
    assert in_wal_mode(portfolio_path)
    assert snapshot(portfolio_path.parent).keys() == {portfolio_path.name}
    return portfolio_path


def opens(path: Path, capsys) -> list[tuple[str, str]]:
    """(how, message) of every way of opening `path`: each must refuse it."""
    said = []
    for how, attempt in [
        ("Store.open", lambda: Store.open(path)),
        ("Store.open read-only", lambda: Store.open(path, read_only=True)),
        ("check_file", lambda: check_file(path)),
    ]:
        with pytest.raises(StoreError) as err:
            attempt()
        said.append((how, str(err.value)))
    for argv in (["project", "--db", path], ["check", path]):
        code, _, err = run(capsys, *argv)
        assert code == 2, argv
        said.append((argv[0], err.strip()))
    return said


@pytest.mark.parametrize("damage", [header_damage, mid_file_damage, refused_content])
def test_a_refused_wal_file_and_its_folder_are_left_as_they_were(damage, wal_portfolio, capsys):
    damage(wal_portfolio)
    digest, folder = sha256(wal_portfolio), snapshot(wal_portfolio.parent)
    for how, message in opens(wal_portfolio, capsys):
        assert sha256(wal_portfolio) == digest, how
        assert snapshot(wal_portfolio.parent) == folder, how  # no -wal, -shm or -lock left
        assert "\n" not in message, how
        if damage is not refused_content:
            assert "is damaged" in message and "repm restore" in message, how


def test_an_overwritten_start_is_damage_not_another_kind_of_file(wal_portfolio):
    header_damage(wal_portfolio)
    with pytest.raises(DamagedFile) as err:
        Store.open(wal_portfolio)
    assert "is damaged (its start is not an SQLite header" in str(err.value)
    assert err.value.backups and err.value.backups[0].exists()


def test_random_bytes_not_named_repm_are_not_a_portfolio(tmp_path):
    path = tmp_path / "download.bin"
    path.write_bytes(b"\x00\x9f" + os.urandom(8000))
    with pytest.raises(NotAPortfolio, match="is not a portfolio file \\(not an SQLite database\\)"):
        Store.open(path)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 20, "it is a PDF document"),
        (b"PK\x03\x04" + bytes(range(256)) * 20, "it is a ZIP archive or an Excel/Word file"),
        ("Minutes of the meeting, 3 März\n".encode() * 200, "it holds text"),
    ],
)
def test_something_else_named_repm_is_not_a_portfolio(tmp_path, content, words):
    path = tmp_path / "renamed.repm"
    path.write_bytes(content)
    with pytest.raises(NotAPortfolio) as err:
        Store.open(path)
    assert f"is not a portfolio file ({words}, not an SQLite database)" in str(err.value)
    assert path.read_bytes() == content


def test_a_healthy_file_still_opens_and_its_edits_persist(wal_portfolio, capsys):
    folder = snapshot(wal_portfolio.parent)
    assert check_file(wal_portfolio) == []
    assert run(capsys, "check", wal_portfolio)[0] == 0
    assert snapshot(wal_portfolio.parent) == folder
    with Store.open(wal_portfolio) as store:
        store.update("blocks", "nolans", first_year=2033)
    with Store.open(wal_portfolio, read_only=True) as store:
        assert store.get("blocks", "nolans").first_year == 2033
    assert check_file(wal_portfolio) == []


def test_a_check_while_open_for_writing_sees_the_uncheckpointed_edits(wal_portfolio):
    with Store.open(wal_portfolio) as writer:
        writer.update("blocks", "nolans", first_year=2034)
        assert Path(f"{wal_portfolio}-wal").stat().st_size  # the edit is in the -wal only
        assert check_file(wal_portfolio) == []
        with Store.open(wal_portfolio, read_only=True) as reader:
            assert reader.get("blocks", "nolans").first_year == 2034

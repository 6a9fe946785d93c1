"""Any file the store refuses is refused read-only: one line saying what is wrong, and the file,
a stale -wal beside it and the backups folder exactly as they were (issue 11, items 4 and 5)."""

import contextlib
import shutil
import sqlite3

import pytest

from model.store import InvalidContent, NotAPortfolio, Store, StoreError
from model.store.locations import data_dir
from tests.damage import VARIANTS, snapshot


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_a_refused_file_is_left_exactly_as_it_was(variant, portfolio_path):
    VARIANTS[variant](portfolio_path)
    folder, backups = snapshot(portfolio_path.parent), snapshot(data_dir() / "backups")
    with pytest.raises(StoreError) as err:
        Store.open(portfolio_path)
    message = str(err.value)
    assert "\n" not in message and message.startswith(str(portfolio_path))
    assert snapshot(portfolio_path.parent) == folder  # no WAL switch, no -wal, no lock left
    assert snapshot(data_dir() / "backups") == backups  # no backup, no .partial
    with pytest.raises(StoreError):  # read-only opening refuses it too (but a read-only file)
        if variant == "a read-only file":
            raise StoreError(portfolio_path, "skip")
        Store.open(portfolio_path, read_only=True)
    assert snapshot(portfolio_path.parent) == folder


@pytest.mark.parametrize(
    ("variant", "words"),
    [
        ("a record failing validation", "in blocks: block 'nolans' first_year: 1200 is below"),
        ("text in a number column", "in blocks: block 'nolans' nameplate_tpa"),
        ("a sourced value failing validation", "in evidence: sourced value '"),
        ("invalid JSON in a text column", "in firms: invalid JSON"),
        ("invalid UTF-8", "in blocks: text that is not valid UTF-8"),
        ("a scenario that is not valid", "in scenarios: "),
        ("a deal on a missing block", "in the links between records: "),
        ("an assumption out of range", "in assumptions: oxide_to_metal"),
    ],
)
def test_content_the_rules_refuse_is_named(variant, words, portfolio_path):
    VARIANTS[variant](portfolio_path)
    with pytest.raises(InvalidContent) as err:
        Store.open(portfolio_path)
    assert words in str(err.value)


def test_tables_without_a_schema_version_are_never_migrated(portfolio_path):
    VARIANTS["no schema version"](portfolio_path)
    before = portfolio_path.read_bytes()
    with pytest.raises(NotAPortfolio, match="no REPM schema version"):
        Store.open(portfolio_path)
    assert portfolio_path.read_bytes() == before


def test_a_stale_wal_beside_a_refused_file_is_left_alone(tmp_path, portfolio_path):
    """A crash left committed pages in the -wal; the file is refused for what they hold."""
    copy = tmp_path / "crashed.repm"
    with contextlib.closing(sqlite3.connect(portfolio_path)) as db:
        db.execute("PRAGMA wal_autocheckpoint=0")
        db.execute("PRAGMA ignore_check_constraints=ON")
        db.execute("UPDATE blocks SET first_year = 1200 WHERE id = 'nolans'")
        db.commit()
        shutil.copy(portfolio_path, copy)  # the state a crash leaves: main file + its -wal
        shutil.copy(f"{portfolio_path}-wal", f"{copy}-wal")
    before = {p: p.read_bytes() for p in (copy, tmp_path / "crashed.repm-wal")}
    assert before[tmp_path / "crashed.repm-wal"], "the -wal holds the committed change"
    with pytest.raises(InvalidContent, match="first_year"):
        Store.open(copy)
    assert {p: p.read_bytes() for p in before} == before

"""Portfolios, backups, their folders and exports are readable by their owner only: they hold
confidential negotiating positions (issue 11, item 15)."""

import os
import stat

import pytest

from model.files import private_output
from model.store import Store, ensure_default_portfolio
from model.store.backups import set_aside
from model.store.locations import data_dir
from model.store.lock import lock_path
from model.store.recovery import restore

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def usual_umask():
    old = os.umask(0o022)  # what most desktops use: files 0644 unless made private
    yield
    os.umask(old)


def test_a_new_portfolio_its_folders_and_companions_are_owner_only(tmp_path):
    path = tmp_path / "new folder" / "inner" / "plan.repm"
    with Store.open(path) as store:
        store.set_name("Plan")
        assert mode(path) == 0o600
        assert mode(path.parent) == 0o700 and mode(path.parent.parent) == 0o700
        for companion in (f"{path}-wal", f"{path}-shm", lock_path(path)):
            assert mode(companion) == 0o600, companion


def test_backups_their_folders_and_set_aside_copies_are_owner_only(portfolio_path):
    with Store.open(portfolio_path) as store:
        store.update("blocks", "nolans", first_year=2031)
        backup = store.backup()
    assert mode(backup) == 0o600
    for folder in (backup.parent, backup.parent.parent, data_dir()):
        assert mode(folder) == 0o700, folder
    assert all(mode(p) == 0o600 for p in backup.parent.iterdir())  # the signature too
    os.chmod(portfolio_path, 0o644)  # a file from elsewhere...
    assert mode(set_aside(portfolio_path)) == 0o600  # ...set aside privately
    restore(backup, portfolio_path)
    assert mode(portfolio_path) == 0o600


def test_the_default_data_folder_is_owner_only(isolated_data_dir):
    os.rmdir(isolated_data_dir)
    path = ensure_default_portfolio()
    assert mode(path) == 0o600 and mode(data_dir()) == 0o700


def test_an_export_replaces_its_target_whole_and_owner_only(tmp_path):
    target = tmp_path / "brief.xlsx"
    target.write_text("old")
    os.chmod(target, 0o644)
    with private_output(target) as tmp:
        tmp.write_text("new")
        assert target.read_text() == "old"  # nobody sees half a file
    assert target.read_text() == "new" and mode(target) == 0o600
    with pytest.raises(RuntimeError), private_output(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("the writer failed")
    assert target.read_text() == "new" and sorted(os.listdir(tmp_path)) == ["brief.xlsx"]

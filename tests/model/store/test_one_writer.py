"""One writer per portfolio file: a second writer is refused at once, naming the holder; the lock
dies with its process; readers are never blocked; an edit writes only what it changes."""

import os
import re
import signal
import subprocess
import sys
import textwrap

import pytest

from model.store import EditNotSaved, InUse, Store
from model.store.lock import lock_path
from tests.cli_runner import run

HOLDER = textwrap.dedent(
    """
    import sys
    from model.store import Store
    store = Store.open(sys.argv[1])
    print("holding", flush=True)
    sys.stdin.readline()
    """
)


@pytest.fixture
def held_elsewhere(portfolio_path):
    """Another process holding the portfolio open for writing; yields that process."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(portfolio_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    assert proc.stdout.readline().strip() == "holding"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def test_a_second_writer_in_the_same_process_is_refused_naming_the_first(portfolio_path):
    with Store.open(portfolio_path) as first:
        with pytest.raises(InUse) as err:
            Store.open(portfolio_path)
        assert re.search(
            rf"open in another window \(pid {os.getpid()}, since \d\d:\d\d\)", str(err.value)
        )
        first.update("blocks", "nolans", first_year=2031)  # the first writer is unharmed
    with Store.open(portfolio_path) as again:  # closed: the lock is free
        assert again.get("blocks", "nolans").first_year == 2031
    assert not lock_path(portfolio_path).exists()


def test_another_process_holding_the_file_refuses_writers_at_once(
    capsys, tmp_path, portfolio_path, held_elsewhere
):
    before = portfolio_path.read_bytes()
    with pytest.raises(InUse, match=rf"\(pid {held_elsewhere.pid}, since \d\d:\d\d\)"):
        Store.open(portfolio_path)
    demo = tmp_path / "demo.json"
    assert run(capsys, "demo", "--out", demo)[0] == 0
    code, _, err = run(capsys, "import", demo, "--db", portfolio_path, "--replace")
    assert code == 2
    assert f"open in another window (pid {held_elsewhere.pid}" in err
    assert len(err.strip().splitlines()) == 1
    with Store.open(portfolio_path, read_only=True) as reader:  # readers are never blocked
        assert reader.get("blocks", "nolans").name
    assert portfolio_path.read_bytes() == before


def test_restore_over_a_held_file_is_refused(capsys, portfolio_path, held_elsewhere):
    with Store.open(portfolio_path, read_only=True) as reader:
        backups = reader.backups()
    assert backups, "the fixture's reopen made a backup"
    code, _, err = run(capsys, "restore", backups[0], "--to", portfolio_path)
    assert code == 2 and "open in another window" in err


def test_the_lock_dies_with_its_process(portfolio_path, held_elsewhere):
    held_elsewhere.send_signal(signal.SIGKILL)
    held_elsewhere.wait()
    assert lock_path(portfolio_path).exists()  # left behind by the killed process...
    with Store.open(portfolio_path) as store:  # ...and no obstacle
        store.update("blocks", "nolans", first_year=2032)


def test_a_read_only_store_refuses_every_edit_and_writes_nothing(portfolio_path):
    before = portfolio_path.read_bytes()
    with Store.open(portfolio_path, read_only=True) as store:
        with pytest.raises(EditNotSaved, match="open read-only"):
            store.update("blocks", "nolans", first_year=2031)
        assert store.load_portfolio().blocks
    assert portfolio_path.read_bytes() == before


def test_an_update_writes_only_the_fields_it_changes(portfolio_path):
    import sqlite3

    from sqlalchemy import event

    with Store.open(portfolio_path) as store:
        statements = []
        event.listen(
            store.engine,
            "before_cursor_execute",
            lambda _c, _cur, sql, *_: statements.append(sql),
        )
        store.update("blocks", "nolans", first_year=2031, notes=store.get("blocks", "nolans").notes)
        updates = [s for s in statements if s.startswith("UPDATE blocks")]
        assert updates == ["UPDATE blocks SET first_year = ? WHERE id = ?"]
        # a program ignoring the lock changes another field; the next edit keeps it
        with sqlite3.connect(portfolio_path) as other:
            other.execute("UPDATE blocks SET notes = 'written elsewhere' WHERE id = 'nolans'")
        store.update("blocks", "nolans", first_year=2032)
        assert store.get("blocks", "nolans").notes == "written elsewhere"


def test_an_edit_checks_and_writes_in_one_transaction(monkeypatch, portfolio_path):
    """Another program writing while an edit is being checked is either kept out (the edit's
    transaction holds the write lock from its first read) or kept: never silently overwritten."""
    import sqlite3

    from model.store import store as store_module

    told_locked = []
    validated = store_module._validated

    def meanwhile(kind, data):
        with sqlite3.connect(portfolio_path, timeout=0) as other:
            try:
                other.execute("UPDATE blocks SET name = 'Renamed elsewhere' WHERE id = 'nolans'")
            except sqlite3.OperationalError as exc:
                told_locked.append(str(exc))
        return validated(kind, data)

    with Store.open(portfolio_path) as store:
        monkeypatch.setattr(store_module, "_validated", meanwhile)
        store.update("blocks", "nolans", first_year=2031)
        monkeypatch.undo()
        block = store.get("blocks", "nolans")
    assert block.first_year == 2031
    assert told_locked == ["database is locked"] or block.name == "Renamed elsewhere"


class FakeMsvcrt:
    """Windows' byte-range locks, simulated per (file, offset), to run the Windows branch here."""

    LK_NBLCK, LK_UNLCK = 2, 0

    def __init__(self):
        self.held: dict[tuple[int, int], int] = {}

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        assert nbytes == 1
        key = (os.fstat(fd).st_ino, os.lseek(fd, 0, os.SEEK_CUR))
        if mode == self.LK_UNLCK:
            assert self.held.pop(key) == fd
        elif key in self.held:
            raise PermissionError(13, "Permission denied")
        else:
            self.held[key] = fd


def test_the_windows_branch_of_the_lock(monkeypatch, portfolio_path):
    from model.store import lock

    fake = FakeMsvcrt()
    monkeypatch.setattr(lock, "WINDOWS", True)
    monkeypatch.setattr(lock, "msvcrt", fake, raising=False)
    first = lock.WriterLock.acquire(portfolio_path)
    assert list(fake.held) == [(lock_path(portfolio_path).stat().st_ino, lock.WINDOWS_LOCK_OFFSET)]
    with pytest.raises(InUse, match=rf"open in another window \(pid {os.getpid()}, since "):
        lock.WriterLock.acquire(portfolio_path)  # the details stay readable beside the lock
    first.release()
    assert fake.held == {}
    lock.WriterLock.acquire(portfolio_path).release()

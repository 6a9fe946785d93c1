"""A process killed (SIGKILL) in the middle of a stream of edits loses no committed edit."""

import signal
import subprocess
import sys
import textwrap

from model.demo import demo_portfolio
from model.store import Store

WRITER = textwrap.dedent(
    """
    import sys
    from model.store import Store
    store = Store.open(sys.argv[1])
    n = 0
    while True:
        n += 1
        store.update("blocks", "nolans", notes=f"edit {n}")
        print(n, flush=True)  # printed only after the commit returned
    """
)


def test_sigkill_mid_stream_keeps_every_committed_edit(tmp_path):
    path = tmp_path / "p.repm"
    with Store.open(path) as store:
        store.replace_portfolio(demo_portfolio())
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    committed = 0
    for line in writer.stdout:
        committed = int(line)
        if committed >= 60:
            break
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert writer.returncode == -signal.SIGKILL
    with Store.open(path) as store:
        assert store.integrity_problems() == []
        last = int(store.get("blocks", "nolans").notes.removeprefix("edit "))
    # Every edit reported committed is there; at most the one in flight may also have landed.
    assert last >= committed

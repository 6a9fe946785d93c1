"""Window state and the last file survive a restart (QSettings)."""

from desktop.app import build_window


def test_last_file_and_splitters_are_remembered(qtbot, portfolio_path, settings):
    win = build_window(portfolio_path, settings)
    qtbot.addWidget(win)
    first_run = win.view.left.sizes()
    win.view.left.setSizes([300, 300])
    chosen = win.view.left.sizes()  # as near to that as the views' minimum heights allow
    win.close()
    assert settings.value("recentFiles")[0] == str(portfolio_path)
    again = build_window(None, settings)
    qtbot.addWidget(again)
    assert again.session.path == portfolio_path
    sizes = again.view.left.sizes()
    assert all(abs(a - b) <= 2 for a, b in zip(sizes, chosen, strict=True))
    assert chosen != first_run
    again.close()

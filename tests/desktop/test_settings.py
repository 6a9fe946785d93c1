"""Window state and the last file survive a restart (QSettings)."""

from desktop.app import build_window


def test_last_file_and_splitters_are_remembered(qtbot, portfolio_path, settings):
    win = build_window(portfolio_path, settings)
    qtbot.addWidget(win)
    win.view.left.setSizes([300, 300])
    win.close()
    assert settings.value("recentFiles")[0] == str(portfolio_path)
    again = build_window(None, settings)
    qtbot.addWidget(again)
    assert again.session.path == portfolio_path
    sizes = again.view.left.sizes()
    assert abs(sizes[0] - sizes[1]) <= 2
    again.close()

"""The selected block's details show under the views that follow the selection; under the
Plan and the other whole-portfolio views they are hidden and the view gets their height, and
the user's divider between tables and details is kept and remembered all the same."""

import pytest
from PySide6.QtWidgets import QApplication

from desktop.app import build_window


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720)])
def test_plan_gets_the_details_height(window, width, height):
    window.resize(width, height)
    view = window.view
    view.views["blocks"].select("mt-weld")
    view.tabs.setCurrentWidget(view.views["blocks"])
    QApplication.processEvents()
    assert view.detail.isVisible()
    tabs_height = view.tabs.height()
    detail_height = view.detail_box.height()
    assert detail_height > 100

    view.tabs.setCurrentWidget(window.plan_view)
    QApplication.processEvents()
    assert not view.detail.isVisible()
    assert view.tabs.height() >= tabs_height + detail_height  # its room went to the plan

    view.tabs.setCurrentWidget(view.comparison)
    QApplication.processEvents()
    assert not view.detail.isVisible()
    view.tabs.setCurrentWidget(view.map)  # follows the selection: details shown
    QApplication.processEvents()
    assert view.detail.isVisible() and view.tabs.height() == tabs_height


def test_the_users_divider_survives_the_plan_tab_and_a_restart(qtbot, portfolio_path, settings):
    win = build_window(portfolio_path, settings)
    qtbot.addWidget(win)
    win.show()
    win.view.left.setSizes([300, 300])
    chosen = win.view.left.sizes()
    win.view.tabs.setCurrentWidget(win.plan_view)
    QApplication.processEvents()
    win.view.tabs.setCurrentWidget(win.view.views["deals"])
    QApplication.processEvents()
    assert win.view.left.sizes() == chosen
    win.view.tabs.setCurrentWidget(win.plan_view)
    win.close()  # closed on the Plan tab, the details hidden

    again = build_window(None, settings)
    qtbot.addWidget(again)
    again.show()
    assert again.view.tabs.currentWidget() is again.plan_view
    assert not again.view.detail.isVisible()
    again.view.tabs.setCurrentWidget(again.view.views["blocks"])
    QApplication.processEvents()
    assert all(abs(a - b) <= 2 for a, b in zip(again.view.left.sizes(), chosen, strict=True))
    again.close()

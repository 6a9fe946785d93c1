"""The window on the laptop screens officials have: at 1366x768 and 1280x720 (and those less a
title bar and task bar) the projection chart and the what-if sliders stay readable with every
view open, and each analysis view has room of its own."""

import pytest
from PySide6.QtWidgets import QApplication

from desktop.portfolio_view import CHART_MIN_HEIGHT

SCREENS = [(1366, 768), (1280, 720), (1366, 768 - 70), (1280, 720 - 70)]
SLIDER_MIN_WIDTH = 180
PLOT_MIN_HEIGHT = 170  # the bars' own area, inside the axes, title and legend


def views(window):
    v = window.view
    return [v.capacity_chart, v.map, v.comparison, v.tornado, v.concentration, v.ranking]


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_chart_and_sliders_keep_their_size_with_each_view_open(window, qtbot, width, height):
    # Everything drawn in full: the Monte Carlo band (its legend entries), a what-if (the
    # ghost line's entry) and each analysis view's finished result.
    qtbot.waitUntil(lambda: window.view.uncertainty.result is not None, timeout=60000)
    window.view.views["blocks"].select("mt-weld")
    window.view.what_if.offtake.spin.setValue(25)
    window.resize(width, height)
    for view in [window.view.views["blocks"], *views(window)]:
        window.view.tabs.setCurrentWidget(view)
        if view is window.view.ranking:
            qtbot.waitUntil(lambda: bool(window.view.ranking.values), timeout=60000)
        if view is window.view.tornado:
            qtbot.waitUntil(lambda: not window.view.tornado.runner.busy, timeout=60000)
        QApplication.processEvents()
        assert window.width() <= width and window.height() <= height  # it fits the screen
        chart = window.view.projection_chart
        assert chart.isVisible() and chart.height() >= CHART_MIN_HEIGHT, view.objectName()
        drawn = chart.ci.mapRectToScene(chart.ci.boundingRect())
        assert drawn.width() <= chart.viewport().width() + 1  # no legend or axis cut off
        assert drawn.height() <= chart.viewport().height() + 1
        assert chart.plot.vb.sceneBoundingRect().height() >= PLOT_MIN_HEIGHT  # bars readable
        panel = window.view.what_if
        for control in (panel.offtake, panel.first_year, panel.nameplate, panel.delay):
            assert control.slider.isVisible() and control.slider.width() >= SLIDER_MIN_WIDTH
        assert view.isVisible() and view.width() >= 420 and view.height() >= 300


def test_tab_and_selection_are_remembered(qtbot, portfolio_path, settings):
    from desktop.app import build_window

    win = build_window(portfolio_path, settings)
    qtbot.addWidget(win)
    win.view.tabs.setCurrentWidget(win.view.concentration)
    win.view.views["blocks"].select("nolans")
    win.close()
    again = build_window(None, settings)
    qtbot.addWidget(again)
    assert again.view.tabs.currentWidget() is again.view.concentration
    assert again.view.detail.block_id == "nolans" and again.view.what_if.block_id == "nolans"
    again.close()

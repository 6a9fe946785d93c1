"""The Demand tab on a laptop screen: its sourced values readable beside the chart (not two
lines), the divider remembered; and while a what-if is under way it says so, with the figures
without the what-if (those of the status bar) beside its own, so two import figures on screen
are never mistaken for one another. Reset or Apply: one figure again, the same as the bar's."""

import pytest
from PySide6.QtWidgets import QApplication

from desktop.app import build_window
from desktop.charts.demand_chart import BEFORE, CHART_MIN_HEIGHT
from model.demand import demand_balance

SCREENS = [(1366, 768), (1280, 720)]
SOURCE_LINES = 6  # the note and a sourced value or two, without scrolling at once


def legend_names(chart) -> list[str]:
    return [label.text for _sample, label in chart.legend.items]


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_sources_pane_and_chart_both_readable(window, width, height):
    view = window.view
    window.resize(width, height)
    view.tabs.setCurrentWidget(view.demand)
    view.views["blocks"].select("mt-weld")
    view.what_if.offtake.spin.setValue(25)  # the summary at its longest, the ghost line drawn
    QApplication.processEvents()
    sources = view.demand.sources
    assert sources.viewport().height() >= SOURCE_LINES * sources.fontMetrics().lineSpacing()
    chart = view.demand.chart
    assert chart.height() >= CHART_MIN_HEIGHT
    inside = chart.mapToScene(chart.viewport().rect()).boundingRect().adjusted(-1, -1, 1, 1)
    for item in (chart.legend, chart.plot.getAxis("bottom")):
        assert inside.contains(item.sceneBoundingRect()), item
    assert chart.plot.vb.sceneBoundingRect().height() >= 90  # the bars themselves


def test_the_divider_is_remembered(qtbot, portfolio_path, settings):
    win = build_window(portfolio_path, settings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.view.tabs.setCurrentWidget(win.view.demand)
    QApplication.processEvents()
    total = sum(win.view.demand.split.sizes())
    first = win.view.demand.split.sizes()[1]
    win.view.demand.split.setSizes([total - 100, 100])  # the sources made smaller
    moved = win.view.demand.split.sizes()[1]
    assert first - moved > 40
    win.close()
    again = build_window(None, settings)
    qtbot.addWidget(again)
    again.show()
    QApplication.processEvents()
    assert again.view.tabs.currentWidget() is again.view.demand
    assert abs(again.view.demand.split.sizes()[1] - moved) <= 16  # (the window's frame aside)
    again.close()


def status_imports(window) -> str:
    """'imports 5,572 t (China 5,182 t)' as the status bar gives it."""
    text = window.status_label.text()
    return text[text.index("imports ") :].split(" ·")[0]


def test_a_what_if_is_marked_and_the_mark_goes_with_it(window):
    view, session = window.view, window.session
    demand = view.demand
    year = session.target_year
    committed = demand_balance(session.projection, session.portfolio.demand)
    k = committed.year_index(year)
    as_committed = (
        f"imports {committed.imports[k]:,.0f} t (China {committed.china_imports[k]:,.0f} t)"
    )
    view.tabs.setCurrentWidget(demand)
    assert "What-if" not in demand.summary.text() and BEFORE not in legend_names(demand.chart)
    assert as_committed in demand.summary.text() and status_imports(window) == as_committed

    view.views["blocks"].select("mt-weld")
    view.what_if.offtake.spin.setValue(25)
    preview = demand_balance(view.what_if.preview, session.portfolio.demand)
    with_it = f"imports {preview.imports[k]:,.0f} t (China {preview.china_imports[k]:,.0f} t)"
    assert with_it != as_committed  # the what-if moves the import figure
    text = demand.summary.text()
    assert text.startswith("<b>What-if (not applied)</b>")
    line_with, line_without = text.split("<br>")
    assert with_it in line_with
    assert "Before the what-if, as in the status bar" in line_without
    assert as_committed in line_without and status_imports(window) == as_committed
    assert demand.summary.styleSheet()  # set apart from the usual line
    assert BEFORE in legend_names(demand.chart)
    assert list(demand.chart.series[BEFORE]) == list(committed.domestic)

    view.what_if.reset()
    assert "What-if" not in demand.summary.text() and not demand.summary.styleSheet()
    assert BEFORE not in legend_names(demand.chart) and BEFORE not in demand.chart.series
    assert as_committed in demand.summary.text()

    view.what_if.offtake.spin.setValue(25)
    view.what_if.apply()  # now the portfolio's own figure: one figure, the bar's
    assert "What-if" not in demand.summary.text()
    assert with_it in demand.summary.text() and status_imports(window) == with_it

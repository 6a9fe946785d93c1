"""Colours and hover boxes that do not change under the user: a country keeps its colour when
the ranking of countries changes, a scenario keeps its colour whatever is shown beside it, and
the chart's hover box stays while the mouse stays."""

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from desktop import operations
from desktop.style import scenario_colours


def bar_colour(chart, label: str) -> str:
    return chart._items[label].opts["brush"].color().name()


def test_a_country_keeps_its_colour_when_it_overtakes_another(window):
    chart = window.view.projection_chart
    india, australia = bar_colour(chart, "India"), bar_colour(chart, "Australia")
    order = [label for label, _ in window.view.groups(window.session.projection)]
    assert order.index("Australia") > order.index("India")  # India stacks first today
    operations.set_record_fields(window.session, "blocks", "mt-weld", nameplate_tpa=90000.0)
    operations.set_record_fields(window.session, "deals", "kabil-mt-weld", offtake_share=0.9)
    by_country = window.session.projection.by_country()
    assert by_country["AUS"].sum() > by_country["IND"].sum()  # now Australia is larger
    again = [label for label, _ in window.view.groups(window.session.projection)]
    assert again == order  # and the stacks keep their places (test_stack_order.py)
    assert bar_colour(chart, "India") == india and bar_colour(chart, "Australia") == australia


def test_a_scenario_keeps_its_colour_whatever_is_shown_beside_it(window):
    view = window.view
    view.tabs.setCurrentWidget(view.comparison)
    comparison = view.comparison

    def pen_of(name):
        items = [i for i in comparison.chart.plot.listDataItems() if i.name() == name]
        return items[0].opts["pen"].color().name()

    comparison.set_ticked({"Base", "All deals slip 2 years", "Committed deals only"})
    first = pen_of("All deals slip 2 years")
    comparison.set_ticked({"All deals slip 2 years", "Committed deals only"})
    assert pen_of("All deals slip 2 years") == first
    shown = scenario_colours(window.session.portfolio)["All deals slip 2 years"]
    assert QColor(first).name() == QColor(shown).name()


def test_hover_box_stays_while_the_mouse_stays(window, qtbot):
    chart = window.view.projection_chart
    chart.show_hover(2030, QPoint(200, 150))
    assert chart.hover_box.isVisible() and "<b>2030</b>" in chart.hover_box.text()
    qtbot.wait(1500)  # a tooltip would be gone or going; the box is not
    QApplication.processEvents()
    assert chart.hover_box.isVisible()
    QApplication.sendEvent(chart, QEvent(QEvent.Type.Leave))
    assert not chart.hover_box.isVisible()


def test_hover_says_no_target_instead_of_a_chance(window, qtbot):
    session = window.session
    target = session.portfolio.target.model_copy(update={"path": {2026: 0.0}})
    operations.replace_portfolio(
        session, session.portfolio.model_copy(update={"target": target}), "zero target"
    )
    qtbot.waitUntil(lambda: window.view.uncertainty.result is not None, timeout=30000)
    assert "no target" in window.view.projection_chart.hover_text(2026)
    assert "P(target)" in window.view.projection_chart.hover_text(2030)

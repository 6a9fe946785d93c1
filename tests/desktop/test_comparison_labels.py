"""The comparison chart names every line at 1280x720 and 1366x768: the scenarios in the list
beside it (each name whole, with its line's colour), target and demand at their lines' ends."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from desktop.style import scenario_colours
from model.demand import balance


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1366, 768)])
def test_target_and_demand_are_named_inside_the_plot(window, width, height):
    window.resize(width, height)
    view = window.view
    view.tabs.setCurrentWidget(view.comparison)
    QApplication.processEvents()
    comparison = view.comparison
    s = window.session
    years = comparison.comparison.years
    demand = balance(s.portfolio.demand, years, comparison.comparison.target).demand
    labels = comparison.line_labels
    assert {name: label.toPlainText() for name, label in labels.items()} == {
        "Target": "Target",
        "Demand (India)": "Demand (India)",
    }
    assert labels["Demand (India)"].pos().y() == pytest.approx(demand[-1])
    assert labels["Target"].pos().y() == pytest.approx(s.projection.target[-1])
    area = comparison.chart.plot.vb.sceneBoundingRect()
    for label in labels.values():
        assert area.contains(label.sceneBoundingRect()), label.toPlainText()


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1366, 768)])
def test_every_scenario_name_shows_whole_with_its_colour(window, width, height):
    window.resize(width, height)
    view = window.view
    view.tabs.setCurrentWidget(view.comparison)
    QApplication.processEvents()
    listing = view.comparison.list
    colours = scenario_colours(window.session.portfolio)
    viewport = listing.viewport().rect()
    metrics = listing.fontMetrics()
    names = [listing.item(i).data(Qt.ItemDataRole.UserRole) for i in range(listing.count())]
    assert "Half high-temperature grades" in names
    for i, name in enumerate(names):
        item = listing.item(i)
        rect = listing.visualItemRect(item)
        text_width = rect.width() - listing.iconSize().width() - 30  # check box and swatch
        needed = metrics.boundingRect(
            QRect(0, 0, text_width, 1000), Qt.TextFlag.TextWordWrap, item.text()
        )
        assert rect.right() <= viewport.right() and needed.height() <= rect.height(), name
        assert name in item.text()
        if item.checkState() == Qt.CheckState.Checked:
            swatch = item.icon().pixmap(14, 14).toImage().pixelColor(7, 7)
            assert swatch.name() == colours[name].lower()

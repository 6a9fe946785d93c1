"""The share-by-country chart at 1280x720 and 1366x768 (and those less a task bar): the legend,
the years and the share labels 0 to 100 all drawn inside the chart; the countries beyond the
largest few in one 'Other' stack that names them."""

import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from desktop.analysis.concentration_view import SHOWN_COUNTRIES
from model.concentration import concentration
from model.countries import country_name

SCREENS = [(1280, 720), (1366, 768), (1280, 720 - 70), (1366, 768 - 70)]


def drawn_labels(axis) -> list[str]:
    """The tick labels the axis paints at its present size."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in texts]


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_legend_years_and_shares_fit_in_the_chart(window, width, height):
    view = window.view
    window.resize(width, height)
    view.tabs.setCurrentWidget(view.concentration)
    QApplication.processEvents()
    chart = view.concentration.chart
    inside = chart.mapToScene(chart.viewport().rect()).boundingRect().adjusted(-1, -1, 1, 1)
    for item in (chart.legend, chart.plot.getAxis("bottom"), chart.plot.getAxis("left")):
        assert inside.contains(item.sceneBoundingRect()), (width, height, item)
    assert chart.plot.vb.sceneBoundingRect().height() >= 80  # the bars themselves readable
    years = view.concentration.result.years
    assert drawn_labels(chart.plot.getAxis("bottom")) == [str(y) for y in years if y % 5 == 0]
    assert drawn_labels(chart.plot.getAxis("left")) == ["0", "25", "50", "75", "100"]


def test_the_largest_countries_are_named_and_the_rest_is_other(window):
    view = window.view
    view.tabs.setCurrentWidget(view.concentration)
    QApplication.processEvents()
    shares = concentration(window.session.projection).shares
    supplying = sorted((c for c, v in shares.items() if v.any()), key=lambda c: -shares[c].sum())
    assert len(supplying) > SHOWN_COUNTRIES  # the demo has more countries than the legend
    legend = [label.text for _sample, label in view.concentration.chart.legend.items]
    rest = supplying[SHOWN_COUNTRIES:]
    assert legend == [country_name(c) for c in supplying[:SHOWN_COUNTRIES]] + [
        f"Other ({len(rest)})"
    ]
    other = view.concentration.chart.legend.items[-1][0].item
    assert other.toolTip() == ", ".join(sorted(country_name(c) for c in rest))

"""The share-by-country chart at 1280x720 and 1366x768 (and those less a task bar): the legend,
the years and the share labels 0 to 100 all drawn inside the chart; the countries beyond the
largest few in one 'Other' stack that names them."""

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from desktop.analysis.concentration_view import CHART_MIN_HEIGHT, SHOWN_COUNTRIES
from model.concentration import concentration
from model.countries import country_name

SCREENS = [(1280, 720), (1366, 768), (1280, 720 - 70), (1366, 768 - 70)]


def drawn_labels(axis) -> list[tuple[str, QRectF]]:
    """The tick labels the axis paints at its present size, with where (in the scene)."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(text, axis.mapRectToScene(rect)) for rect, _flags, text in texts]


@pytest.mark.parametrize(
    ("width", "height", "floor"), [(*s, False) for s in SCREENS] + [(1280, 720, True)]
)
def test_legend_years_and_shares_fit_in_the_chart(window, width, height, floor):
    view = window.view
    window.resize(width, height)
    view.tabs.setCurrentWidget(view.concentration)
    QApplication.processEvents()
    if floor:  # the divider dragged up as far as it goes
        view.concentration.split.setSizes([0, 1000])
        QApplication.processEvents()
        assert view.concentration.chart.height() == CHART_MIN_HEIGHT
    chart = view.concentration.chart
    inside = chart.mapToScene(chart.viewport().rect()).boundingRect().adjusted(-1, -1, 1, 1)
    assert inside.contains(chart.legend.sceneBoundingRect())
    assert chart.plot.vb.sceneBoundingRect().height() >= 60  # the bars themselves readable
    years = view.concentration.result.years
    bottom, left = (
        drawn_labels(chart.plot.getAxis("bottom")),
        drawn_labels(chart.plot.getAxis("left")),
    )
    assert [text for text, _rect in bottom] == [str(y) for y in years if y % 5 == 0]
    assert [text for text, _rect in left] == ["0", "25", "50", "75", "100"]
    for text, rect in bottom + left:
        assert inside.contains(rect), (width, height, text)


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

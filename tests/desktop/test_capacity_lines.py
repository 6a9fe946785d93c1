"""Capacity chart: stages with the same capacity do not hide each other. A line over another is
dashed in its own slot of the dash pattern, the legend says which line it equals, and the magnets
produced lie under the stage lines."""

import numpy as np
from PySide6.QtCore import Qt

from desktop import operations
from desktop.charts.coincident import line_styles
from tests.desktop.plotted import plotted


def pen_of(chart, name):
    return next(i for i in chart.plot.items if getattr(i, "name", lambda: "")() == name).opts["pen"]


def test_equal_stages_are_dashed_and_named_in_the_legend(window):
    chart = window.view.capacity_chart
    window.view.tabs.setCurrentWidget(chart)
    lines = plotted(chart)
    feed, oxide = lines["Mine feed (pre-separation)"], lines["Oxide after separation"]
    metal, magnet = lines["Metal capacity"], lines["Magnet capacity"]
    assert np.allclose(feed, oxide) and np.allclose(metal, magnet)  # the demo's case
    assert not np.allclose(feed, metal)
    legend = chart.legend_text()
    assert legend["Oxide after separation"] == "Oxide after separation (= mine feed)"
    assert legend["Magnet capacity"] == "Magnet capacity (= metal capacity)"
    assert legend["Mine feed (pre-separation)"] == "Mine feed (pre-separation)"
    assert legend["Metal capacity"] == "Metal capacity"
    # The line drawn first is solid; the one over it dashed, so the one under shows between
    for under, over in (
        ("Mine feed (pre-separation)", "Oxide after separation"),
        ("Metal capacity", "Magnet capacity"),
    ):
        assert pen_of(chart, under).style() == Qt.PenStyle.SolidLine
        assert pen_of(chart, over).style() == Qt.PenStyle.CustomDashLine
        gaps = pen_of(chart, over).dashPattern()
        assert gaps[1] >= gaps[0]  # at least as much gap as dash: half the colour is the other
    produced = next(
        i for i in chart.plot.items if getattr(i, "name", lambda: "")() == "Magnets produced"
    )
    assert all(
        produced.zValue() < pen_item.zValue()
        for pen_item in chart.plot.items
        if getattr(pen_item, "name", lambda: "")() in legend and pen_item is not produced
    )


def test_a_stage_that_parts_from_the_other_loses_its_note_and_dashes(window):
    """More metal capacity (a plant's nameplate raised): metal and magnet no longer coincide."""
    chart = window.view.capacity_chart
    plant = next(p for p in window.session.portfolio.plants if p.stage == "metal")
    operations.set_record_fields(
        window.session, "plants", plant.id, capacity_tpa=plant.capacity_tpa * 3
    )
    lines = plotted(chart)
    assert not np.isclose(lines["Metal capacity"], lines["Magnet capacity"])[
        lines["Metal capacity"] > 0
    ].any()
    assert chart.legend_text()["Magnet capacity"] == "Magnet capacity"
    assert pen_of(chart, "Magnet capacity").style() == Qt.PenStyle.SolidLine
    window.undo_action.trigger()


def test_three_lines_sharing_a_stretch_each_get_a_slot():
    a = np.array([1.0, 2.0, 3.0])
    styles = line_styles({"x": a, "y": a.copy(), "z": np.array([1.0, 5.0, 6.0])})
    assert styles["x"] == (0, 3, "") and styles["y"] == (1, 3, "x")
    assert styles["z"] == (2, 3, "")  # meets x and y in the first year only: no note
    apart = line_styles({"x": a, "y": a + 10})
    assert apart == {"x": (0, 1, ""), "y": (0, 1, "")}


def test_a_what_if_shows_the_magnets_before_it_as_the_projection_chart_does(window):
    chart = window.view.capacity_chart
    window.view.tabs.setCurrentWidget(chart)
    committed = window.session.projection.magnets.copy()
    assert "Before what-if" not in chart.legend_text()
    window.view.views["blocks"].select("mt-weld")
    window.view.what_if.offtake.spin.setValue(25)
    preview = window.view.what_if.preview
    assert not np.allclose(preview.magnets, committed)  # the what-if moves the magnets
    assert np.allclose(plotted(chart)["Magnets produced"], preview.magnets)
    assert chart.legend_text()["Before what-if"] == "Before what-if"
    assert np.allclose(plotted(chart)["Before what-if"], committed)
    assert np.allclose(chart.series["Before what-if"], committed)
    window.view.what_if.reset()
    assert "Before what-if" not in chart.legend_text() and "Before what-if" not in plotted(chart)

"""While a what-if is pending, every pane that still shows the saved portfolio says so in the
same words, and every pane that follows the what-if keeps its own mark; after Reset or Apply no
pane speaks of a what-if. The line before the what-if is never hidden under the P50."""

import pyqtgraph as pg
import pytest

from desktop.saved_note import SAVED_NOTE
from tests.desktop.plotted import plotted

BEFORE = "Before what-if"


def saved_panes(view) -> dict:
    """The panes that keep the saved portfolio, by name."""
    return {
        "detail": view.detail,
        "concentration": view.concentration,
        "ranking": view.ranking,
        "map": view.map,
        "sensitivity": view.tornado,
        "scenarios": view.comparison,
        "P(target)": view.p_target,
    }


def shown_note(view, name: str) -> str:
    """The note the user sees with that pane ('' when none): a visible, non-empty label."""
    note = view.saved_notes[saved_panes(view)[name]]
    return note.text() if note.isVisibleTo(view) else ""


def start_what_if(view) -> None:
    view.views["blocks"].select("mt-weld")
    view.what_if.offtake.spin.setValue(25)
    assert view.what_if.preview is not None


def marks_of_the_following_panes(view) -> dict[str, bool]:
    return {
        "projection": BEFORE in plotted(view.projection_chart),
        "capacity": BEFORE in view.capacity_chart.legend_text(),
        "demand": view.demand.summary.text().startswith("<b>What-if (not applied)</b>"),
    }


def test_a_pending_what_if_is_named_in_every_pane(window):
    view = window.view
    for name in saved_panes(view):
        assert shown_note(view, name) == "", name  # nothing pending yet
    start_what_if(view)
    for name, pane in saved_panes(view).items():
        if view.tabs.indexOf(pane) >= 0:  # a tab of its own: its note is seen when it is open
            view.tabs.setCurrentWidget(pane)
        assert SAVED_NOTE.lower() in shown_note(view, name).lower(), name
    assert all(marks_of_the_following_panes(view).values())


@pytest.mark.parametrize("ending", ["reset", "apply"])
def test_reset_or_apply_takes_every_note_away(window, ending):
    view = window.view
    start_what_if(view)
    getattr(view.what_if, f"{ending}_button").click()
    assert view.what_if.preview is None
    for name in saved_panes(view):
        assert shown_note(view, name) == "", name
    assert not any(marks_of_the_following_panes(view).values())


def test_the_line_before_the_what_if_stands_out_from_the_p50(window, qtbot):
    view = window.view
    qtbot.waitUntil(lambda: view.uncertainty.result is not None, timeout=20_000)
    start_what_if(view)
    lines = {
        item.name(): item.opts["pen"]
        for item in view.projection_chart.plot.items
        if isinstance(item, pg.PlotDataItem) and item.name()
    }
    ghost = pg.mkPen(lines[BEFORE])
    p50 = pg.mkPen(next(pen for name, pen in lines.items() if name.startswith("P50")))
    assert ghost.color().name() != p50.color().name()
    assert ghost.style() != p50.style()
    # Wider than the P50 drawn over it, so it shows on both sides where the two coincide.
    assert ghost.widthF() > p50.widthF()


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720)])
def test_the_status_bar_says_its_figures_are_the_saved_portfolios(window, width, height):
    window.resize(width, height)
    view = window.view
    note = window.status_saved
    assert not note.isVisible()
    before = window.status_label.text()
    start_what_if(view)
    assert note.isVisible() and note.text() == "Saved portfolio:"
    assert window.status_label.text() == before  # the saved figures, as the Demand tab says
    assert note.geometry().right() < window.status_label.geometry().left()  # read before them
    summary = window.status_label
    assert summary.width() >= summary.sizeHint().width()  # not cut to make room for the note
    assert summary.geometry().right() <= window.statusBar().width()
    view.what_if.reset()
    assert not note.isVisible()

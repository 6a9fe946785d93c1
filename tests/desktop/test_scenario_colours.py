"""Each scenario has a colour no other has (they were hashed from the name and two could match),
stored with it so it is the same in the next session, and a copy gets one of its own."""

from PySide6.QtGui import QColor

from desktop.app import build_window
from model.scenario import Scenario


def comparison_of(window):
    view = window.view
    view.tabs.setCurrentWidget(view.comparison)
    return view.comparison


def names(comparison) -> list[str]:
    return [comparison.list.item(i).data(256) for i in range(comparison.list.count())]


def copy(window, name: str) -> str:
    comparison = comparison_of(window)
    comparison.list.setCurrentRow(names(comparison).index(name))
    comparison.copy_selected()
    comparison.dialog.try_accept()
    return window.session.store.scenarios()[-1].name


def pens(comparison) -> dict[str, str]:
    """Each scenario's line colour in the chart, as drawn."""
    items = comparison.chart.plot.listDataItems()
    return {
        i.name(): i.opts["pen"].color().name()
        for i in items
        if i.name() not in ("Target", "Demand")
    }


def swatches(comparison) -> dict[str, str]:
    """The colour of each ticked scenario's swatch in the list (the chart's legend)."""
    out = {}
    for i in range(comparison.list.count()):
        item = comparison.list.item(i)
        image = item.icon().pixmap(14, 14).toImage()
        colour = QColor(image.pixel(7, 7))
        if colour.alpha():
            out[item.data(256)] = colour.name()
    return out


def test_every_scenario_shown_has_its_own_colour(window):
    made = [copy(window, "Base") for _ in range(8)]  # more scenarios than built-in colours
    comparison = comparison_of(window)
    comparison.set_ticked(set(names(comparison)))
    drawn = pens(comparison)
    assert set(made) <= set(drawn) and len(drawn) == len(names(comparison))
    assert len(set(drawn.values())) == len(drawn)  # no two alike
    assert swatches(comparison) == drawn


def test_a_copy_gets_a_colour_of_its_own_and_keeps_it_next_session(
    qtbot, window, portfolio_path, settings
):
    made = copy(window, "China supply cut")
    comparison = comparison_of(window)
    comparison.set_ticked({"China supply cut", made})
    before = pens(comparison)
    assert before[made] != before["China supply cut"]
    stored = next(s for s in window.session.store.scenarios() if s.name == made)
    assert QColor(stored.colour).name() == before[made]  # kept with the scenario
    window.close()
    again = build_window(portfolio_path, settings)
    qtbot.addWidget(again)
    comparison = comparison_of(again)
    comparison.set_ticked({"China supply cut", made})
    assert pens(comparison) == before
    again.close()


def test_editing_keeps_the_colour_and_an_older_scenario_gets_one_stored(window):
    """A scenario from an older file has no colour: shown in a free one, which its first edit
    stores; a rename keeps it."""
    store = window.session.store
    store.put_scenario(Scenario(name="From an older file", delay_years=1))
    comparison = comparison_of(window)
    comparison.set_ticked({"Base", "From an older file"})
    shown = pens(comparison)["From an older file"]
    assert shown != pens(comparison)["Base"]
    comparison.list.setCurrentRow(names(comparison).index("From an older file"))
    comparison.edit_selected()
    comparison.dialog.name.setText("Renamed")
    comparison.dialog.try_accept()
    assert QColor(store.scenarios()[-1].colour).name() == shown
    comparison.set_ticked({"Base", "Renamed"})
    assert pens(comparison)["Renamed"] == shown

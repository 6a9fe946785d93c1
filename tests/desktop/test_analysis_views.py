"""Scenario comparison, tornado, concentration and ranking: what they show, and the selection
linked with the portfolio tables."""

import numpy as np
import pytest

from model import rules
from model.concentration import concentration
from model.ranking import rank_deals
from model.scenarios import compare
from model.sensitivity import sensitivity


def show_tab(view, widget):
    view.analysis.setCurrentWidget(widget)


def test_scenario_comparison_matches_the_model(window):
    view = window.view
    show_tab(view, view.comparison)
    names = view.comparison.ticked()
    assert set(names) == {
        "Base",
        "China supply cut",
        "All deals slip 2 years",
        "Committed deals only",
        "Half high-temperature grades",
    }
    expected = compare(window.session.portfolio, names)
    for name in names:
        np.testing.assert_allclose(view.comparison.comparison.magnets[name], expected.magnets[name])
    assert view.comparison.model.rowCount() == 16
    view.comparison.set_ticked({"Base"})
    assert view.comparison.comparison is None  # one scenario is nothing to compare


def test_copy_a_builtin_edit_it_and_undo(window, qtbot):
    view = window.view
    show_tab(view, view.comparison)
    comparison = view.comparison
    row = [comparison.list.item(i).data(256) for i in range(comparison.list.count())].index(
        "China supply cut"
    )
    comparison.list.setCurrentRow(row)
    comparison.copy_selected()
    dialog = comparison.dialog
    dialog.disruptions.setText("CHN 2026; AUS 2031")
    dialog.delay.setValue(1)
    dialog.try_accept()
    stored = window.session.store.scenarios()[-1]
    assert stored.name == "China supply cut (copy)"
    assert [(d.country, d.from_year) for d in stored.disruptions] == [("CHN", 2026), ("AUS", 2031)]
    assert stored.delay_years == 1
    window.undo_action.trigger()
    assert "China supply cut (copy)" not in [s.name for s in window.session.store.scenarios()]


def test_scenario_dialog_refuses_bad_input(window):
    view = window.view
    show_tab(view, view.comparison)
    view.comparison.list.setCurrentRow(0)
    view.comparison.edit_selected()
    dialog = view.comparison.dialog
    dialog.disruptions.setText("China soon")
    dialog.try_accept()
    assert dialog.isVisible() and "'China soon' is not 'ISO YEAR'" in dialog.error.text()
    dialog.disruptions.setText("")
    dialog.name.setText("")
    dialog.try_accept()
    assert "name: must not be empty" in dialog.error.text()


def test_a_scenario_name_already_used_is_refused_in_the_rules_words_and_the_dialog_stays(window):
    view = window.view
    show_tab(view, view.comparison)
    store = window.session.store
    before = store.scenarios()
    taken = before[0].name
    view.comparison.list.setCurrentRow(0)
    view.comparison.copy_selected()
    dialog = view.comparison.dialog
    dialog.delay.setValue(2)
    dialog.name.setText(taken)
    dialog.try_accept()
    attempted = store.scenarios()[0].model_copy(update={"name": taken})
    expected = rules.scenario_problems(attempted, rules.MemoryFacts(window.session.portfolio))
    assert expected and dialog.error.text() == "; ".join(expected)
    assert dialog.isVisible() and dialog.delay.value() == 2  # the edits are still there
    assert store.scenarios() == before  # nothing written
    dialog.name.setText(f"{taken} (later)")
    dialog.try_accept()
    assert store.scenarios()[-1].name == f"{taken} (later)"


def test_tornado_matches_the_model_and_links_selection(window, qtbot):
    view = window.view
    show_tab(view, view.tornado)
    qtbot.waitUntil(lambda: bool(view.tornado.bars), timeout=20_000)
    expected = sensitivity(window.session.portfolio, 2030)[:12]
    assert [b.key for b in view.tornado.bars] == [b.key for b in expected]
    view.views["blocks"].select("mt-weld")
    assert view.tornado.highlighted() == [
        b.key for b in expected if b.key.startswith("block:mt-weld:")
    ]
    shown = list(reversed(view.tornado.bars))
    row = next(i for i, b in enumerate(shown) if b.key.startswith("block:irel-domestic:"))
    view.tornado.click_bar(row)
    assert view.views["blocks"].selected_id() == "irel-domestic"


def test_concentration_heading_and_country_link(window):
    view = window.view
    show_tab(view, view.concentration)
    c = concentration(window.session.projection)
    assert f"HHI {c.hhi[5]:,.0f}" in view.concentration.heading.text()
    view.views["blocks"].select("mt-weld")
    assert view.concentration.selected_rows() == ["AUS"]
    assert view.concentration.model.rowCount() == len(
        {b.country for b in window.session.portfolio.blocks}
    )


def test_ranking_matches_the_model_and_links_both_ways(window, qtbot):
    view = window.view
    show_tab(view, view.ranking)
    qtbot.waitUntil(lambda: bool(view.ranking.values), timeout=30_000)
    expected = rank_deals(window.session.portfolio, 2030)  # the default draws and seed, as the tab
    assert [v.deal_id for v in view.ranking.values] == [v.deal_id for v in expected]
    assert view.ranking.values[0].added_year_expected_t == pytest.approx(
        expected[0].added_year_expected_t
    )
    view.views["blocks"].select("nolans")
    assert view.ranking.selected_deals() == ["kabil-nolans"]
    view.ranking.dealClicked.emit("kabil-longonjo")
    assert view.views["deals"].selected_id() == "kabil-longonjo"
    assert view.what_if.block_id == "longonjo"

"""The projection chart's stacks and legend rows keep their order while a negotiation changes
which country supplies more: during the what-if, after Apply, and after undo."""

import pyqtgraph as pg

from desktop import operations
from model.countries import country_name


def stacks(chart) -> list[str]:
    """Bar stacks bottom to top, as drawn."""
    return [i.opts["name"] for i in chart.plot.items if isinstance(i, pg.BarGraphItem)][:-1]


def legend_rows(chart) -> list[str]:
    return [label.text for _sample, label in chart.legend.items]


def total(window, code: str) -> float:
    return float(window.session.projection.by_country()[code].sum())


def test_order_is_kept_when_the_ranking_changes(window):
    chart = window.view.projection_chart
    before_stacks, before_legend = stacks(chart), legend_rows(chart)
    angola, malawi = country_name("AGO"), country_name("MWI")
    assert before_stacks.index(angola) < before_stacks.index(malawi)  # Angola supplies more
    assert total(window, "AGO") > total(window, "MWI")
    # The what-if: Malawi's deal at 80 %; then applied
    window.view.views["blocks"].select("kangankunde")
    window.view.what_if.offtake.spin.setValue(80)
    assert "Before what-if" in legend_rows(chart)
    assert stacks(chart) == before_stacks
    window.view.what_if.apply_button.click()
    assert total(window, "MWI") > total(window, "AGO")  # the ranking has changed
    assert stacks(chart) == before_stacks and legend_rows(chart) == before_legend
    window.undo_action.trigger()
    assert stacks(chart) == before_stacks and legend_rows(chart) == before_legend


def test_a_country_that_goes_and_comes_back_keeps_its_place(window):
    chart = window.view.projection_chart
    before = stacks(chart)
    malawi = country_name("MWI")
    assert malawi in before
    for deal in ("kabil-kangankunde", "kabil-songwe-hill"):
        operations.set_record_fields(window.session, "deals", deal, offtake_share=0.0)
    assert malawi not in stacks(chart)  # supplies nothing: no stack
    after = stacks(chart)
    both = [s for s in before if s in after and not s.startswith("Other")]
    assert [s for s in after if s in both] == both  # the others keep their order
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert stacks(chart) == before


def test_stacking_by_block_and_back_keeps_the_country_order(window):
    chart = window.view.projection_chart
    before = stacks(chart)
    window.view.set_group_by("block")
    assert "Mt Weld" in stacks(chart)
    window.view.set_group_by("country")
    assert stacks(chart) == before

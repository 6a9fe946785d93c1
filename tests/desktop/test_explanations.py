"""The app says, in the user's words, why a block adds nothing and what would fix it; which
statuses a mode counts; and explains figures that look contradictory."""

from desktop import operations
from model.montecarlo import monte_carlo
from tests.model.test_band_words import rare_deal_portfolio


def detail_html(window, block_id):
    window.view.views["blocks"].select(block_id)
    return window.view.detail.toHtml()


def test_missing_figure_is_named_and_links_to_its_cell(window):
    html = detail_html(window, "eneabba")
    assert "Adds nothing" in html and "missing: NdPr share" in html
    assert "cell:blocks/eneabba/ndpr_share" in html
    window.view.tabs.setCurrentWidget(window.view.map)
    window.view.go_to_cell("cell:blocks/eneabba/ndpr_share")
    blocks = window.view.views["blocks"]
    assert window.view.tabs.currentWidget() is blocks
    current = blocks.table.currentIndex()
    assert current == blocks.source_index("eneabba", "ndpr_share")


def test_block_row_tooltip_says_why(window):
    blocks = window.view.views["blocks"]
    tip = blocks.source_index("eneabba", "name").data(3)  # ToolTipRole
    assert tip.startswith("Adds nothing: missing NdPr share")
    assert not str(blocks.source_index("mt-weld", "name").data(3) or "").startswith("Adds")


def test_no_separation_capacity_says_what_would_fix_it(window):
    session = window.session
    for plant in session.portfolio.plants:
        if plant.stage.value == "separation":
            operations.set_record_fields(session, "plants", plant.id, capacity_tpa=0.0)
    html = detail_html(window, "yangibana")
    assert "its concentrate needs separation, and no separation capacity is free for it" in html
    assert "add a separation plant or buy separated oxide" in html


def test_committed_mode_says_which_statuses_count(window):
    window.mode_combo.setCurrentText("committed")
    html = detail_html(window, "mt-weld")
    assert "counts only signed or acquired deals" in html and "its deals are candidate" in html
    assert "signed or acquired" in window.mode_combo.toolTip()


def test_incomplete_records_open_from_the_status_bar(window):
    n = len(window.session.projection.inputs.incomplete)
    assert f"{n} records incomplete" in window.status_label.text()
    window.status_label.linkActivated.emit("incomplete")
    dialog = window.dialog
    assert dialog.objectName() == "incompleteDialog" and dialog.list.count() == n
    texts = [dialog.list.item(k).text() for k in range(n)]
    assert "Eneabba refinery (block): missing NdPr share" in texts
    item = dialog.list.item(texts.index("Eneabba refinery (block): missing NdPr share"))
    dialog.list.itemDoubleClicked.emit(item)
    blocks = window.view.views["blocks"]
    assert blocks.table.currentIndex() == blocks.source_index("eneabba", "ndpr_share")


def test_no_chance_shown_for_a_year_without_target(window, qtbot):
    session = window.session
    target = session.portfolio.target.model_copy(update={"path": {2027: 0.0}})
    operations.replace_portfolio(
        session, session.portfolio.model_copy(update={"target": target}), "t"
    )
    window.year_spin.setValue(2027)
    qtbot.waitUntil(lambda: window.view.uncertainty.result is not None, timeout=30000)
    assert window.view.p_target.text() == "No target set for 2027"
    window.year_spin.setValue(2030)
    assert window.view.p_target.text().startswith("P(target met in 2030) = ")


def band(window, qtbot):
    qtbot.waitUntil(lambda: window.view.uncertainty.result is not None, timeout=30000)
    return window.view.uncertainty.result


def test_expected_above_p90_in_the_demo_is_put_down_to_slips_where_shown(window, qtbot):
    """The demo's first years: the expected line (every project on schedule) is above P90
    because the draws slip, not because of a rare deal; the note, the chart's hover and the
    status bar all say so and name the figure by its mode."""
    p = window.session.projection
    mc = monte_carlo(window.session.portfolio, draws=5000, seed=1)
    above = [int(y) for k, y in enumerate(p.years) if p.magnets[k] > mc.percentile(90)[k] + 1]
    below = [int(y) for k, y in enumerate(p.years) if p.magnets[k] < mc.percentile(90)[k] - 1]
    assert above and below  # the demo has both kinds of year
    window.year_spin.setValue(above[0])
    band(window, qtbot)
    note = window.view.mc_note.text()
    assert note.startswith(f"{above[0]}: expected, on schedule (") and "is above P90" in note
    assert "with no slip the same draws average" in note and "Slips (up to" in note
    assert "carr" not in note  # no mean carried by a rare deal
    assert window.view.mc_figure.text() == "Bars: magnets, expected, on schedule."
    assert "(expected, on schedule)" in window.status_label.text()
    hover = window.view.projection_chart.hover_text(above[0])
    assert "Slips (up to" in hover and "carries the mean" not in hover
    window.year_spin.setValue(below[0])
    assert window.view.mc_note.text() == ""


FILLED = ("blocks", "firms", "deals", "plants", "assumptions", "evidence", "scenarios")


def test_a_rare_large_deal_is_named_as_the_cause_where_it_is(window, qtbot):
    session = window.session
    rare = rare_deal_portfolio()
    shown = session.portfolio.model_copy(update={k: getattr(rare, k) for k in FILLED})
    operations.replace_portfolio(session, shown, "t")
    window.year_spin.setValue(2030)
    qtbot.waitUntil(lambda: window.view.uncertainty.result is not None, timeout=30000)
    note = window.view.mc_note.text()
    assert note.startswith("2030: expected, on schedule (") and "is above P90" in note
    assert "a few draws with far more output carry the mean" in note and "Slips" not in note


def test_committed_mode_names_its_figure_and_says_the_band_is_the_same(window, qtbot):
    window.year_spin.setValue(2030)
    window.mode_combo.setCurrentText("committed")
    band(window, qtbot)
    note = window.view.mc_note.text()
    assert "expected" not in note
    assert "The band, P50 and P(target) are the same in every mode" in note
    assert window.view.mc_figure.text() == "Bars: magnets, committed."
    assert "(committed)" in window.status_label.text()
    tip = window.mode_combo.toolTip()
    assert "ignoring project-stage risk" in tip and "can exceed the expected figure" in tip
    p, mc = window.session.projection, window.view.uncertainty.result
    if p.magnets[p.year_index(2030)] < mc.percentile(10)[2030 - int(mc.years[0])]:
        assert note.startswith("2030: committed (") and "is below P10" in note


def test_ranking_explains_a_zero_p50_gain(window, qtbot):
    view = window.view
    view.tabs.setCurrentWidget(view.ranking)
    qtbot.waitUntil(lambda: bool(view.ranking.values), timeout=60000)
    zero = [v for v in view.ranking.values if v.added_year_p50_t < 0.5 < v.added_year_expected_t]
    assert zero  # the demo's 2030 has such deals
    assert "P50 gain 0" in view.ranking.heading.text()
    assert "in most draws the deal adds nothing in 2030" in view.ranking.heading.text()

"""With heavy rare earths on, the status bar and the incomplete list name the blocks whose
missing Dy+Tb share counts as zero; under a delay scenario no figure says 'on schedule'."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop import operations


def set_high_temp_share(window, share: float) -> None:
    session = window.session
    assumptions = session.portfolio.assumptions.model_copy(update={"high_temp_share": share})
    operations.set_assumptions(session, assumptions)


def test_blocks_without_a_dytb_share_are_counted_and_listed_with_the_reason(window):
    before = window.session.projection.inputs.incomplete  # "<name> lacks: <labels>"
    set_high_temp_share(window, 0.3)
    portfolio = window.session.portfolio
    with_deal = {d.block_id for d in portfolio.deals}
    lacking = [b for b in portfolio.blocks if b.id in with_deal and b.dytb_share is None]
    already = {line.split(" lacks:")[0] for line in before}
    fresh = [b for b in lacking if b.name not in already]
    assert fresh  # the demo leaves most Dy+Tb shares empty
    expected = len(before) + len(fresh)
    status = window.status_label.text()
    assert f"{expected} records incomplete" in status
    assert "a missing Dy+Tb share counts as zero Dy/Tb" in status
    window.status_label.linkActivated.emit("incomplete")
    dialog = window.dialog
    texts = [dialog.list.item(k).text() for k in range(dialog.list.count())]
    assert len(texts) == expected
    row = f"{fresh[0].name} (block): missing Dy+Tb share; its Dy/Tb counts as zero"
    assert row in texts
    words = dialog.findChild(QLabel, "incompleteNote").text()
    assert "30% of magnets high-temperature grades" in words and "equation 8" in words
    dialog.list.itemDoubleClicked.emit(dialog.list.item(texts.index(row)))
    blocks = window.view.views["blocks"]
    assert blocks.table.currentIndex() == blocks.source_index(fresh[0].id, "dytb_share")


def test_the_dytb_bottleneck_hover_says_the_whole_output_is_capped(window):
    set_high_temp_share(window, 0.3)
    p = window.session.projection
    years = [int(y) for y, stage in zip(p.years, p.bottleneck, strict=True) if stage == "dytb"]
    assert years
    hover = window.view.projection_chart.hover_text(years[0])
    assert "all output is capped" in hover and "a missing Dy+Tb share counts as zero" in hover


def test_with_no_high_temperature_share_the_list_is_as_before(window):
    set_high_temp_share(window, 0.0)
    n = len(window.session.projection.inputs.incomplete)
    assert f"{n} records incomplete" in window.status_label.text()
    assert "Dy+Tb" not in window.status_label.text()


def test_a_delay_scenario_never_says_on_schedule(window):
    assert "(expected, on schedule)" in window.status_label.text()
    window.scenario_combo.setCurrentText("All deals slip 2 years")
    status = window.status_label.text()
    assert "(expected, with the scenario's delays)" in status and "on schedule" not in status
    figure = window.view.mc_figure.text()
    assert figure.startswith("Bars: magnets, expected, with the scenario's delays.")
    year = int(window.session.projection.years[0])
    hover = window.view.projection_chart.hover_text(year)
    assert "with the scenario's delays" in hover and "on schedule" not in hover


def test_the_deal_ranking_tips_say_the_scenarios_delays(window, qtbot):
    ranking = window.view.ranking
    window.scenario_combo.setCurrentText("All deals slip 2 years")
    window.view.tabs.setCurrentWidget(ranking)
    qtbot.waitUntil(lambda: bool(ranking.values), timeout=60000)
    tips = [
        ranking.model.headerData(k, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        for k in range(ranking.model.columnCount())
    ]
    expected = [t for t in tips if t and "chance-weighted" in t]
    assert len(expected) == 2
    assert all("with the scenario's delays" in t and "on schedule" not in t for t in expected)

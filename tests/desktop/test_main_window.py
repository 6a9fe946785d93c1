"""The main window on the demo: widgets present, editing through the tables, undo, selectors."""

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox, QMessageBox, QTableView, QWidget

from desktop.app import build_window
from desktop.style import STAGE_LABELS
from model import project
from tests.desktop.helpers import edit_cell
from tests.desktop.plotted import plotted

OBJECT_NAMES = [
    ("mainWindow", None),
    ("blocksView", QTableView),
    ("firmsView", QTableView),
    ("dealsView", QTableView),
    ("plantsView", QTableView),
    ("projectionPlot", QWidget),
    ("capacityPlot", QWidget),
    ("whatIfPanel", QWidget),
    ("modeCombo", QComboBox),
    ("scenarioCombo", QComboBox),
]


def year(window, y=2030):
    return window.session.projection.year_index(y)


def test_key_widgets_have_stable_object_names(window):
    assert window.objectName() == "mainWindow"
    for name, kind in OBJECT_NAMES[1:]:
        assert window.findChild(kind, name) is not None, name


def test_first_run_opens_the_demo_from_the_data_dir(qtbot, settings, isolated_data_dir):
    win = build_window(None, settings)
    qtbot.addWidget(win)
    assert "Demo portfolio" in win.windowTitle()
    assert str(isolated_data_dir) in win.windowTitle()
    win.close()


def test_table_shows_the_portfolio(window):
    view = window.view.views["blocks"]
    model = view.table.model()
    assert model.rowCount() == len(window.session.portfolio.blocks)
    index = view.source_index("mt-weld", "country")
    assert index.data() == "Australia (AUS)"
    assert view.source_index("colossus", "nameplate_tpa").data() == "—"  # not found: empty


def india_headless(window):
    """What the model computes, headless, from what the store holds now."""
    return project(window.session.store.load_portfolio()).by_country()["IND"]


def test_editing_a_block_updates_store_and_chart_and_undo_restores_both(window):
    chart = window.view.projection_chart
    before = plotted(chart)["India"].copy()
    np.testing.assert_allclose(before, india_headless(window))
    edit_cell(
        window.view.views["blocks"], "irel-domestic", "nameplate_tpa", lambda e: e.setValue(800)
    )
    assert window.session.store.get("blocks", "irel-domestic").nameplate_tpa == 800
    after = plotted(chart)["India"]
    np.testing.assert_allclose(after, india_headless(window))
    assert after[year(window)] > before[year(window)]
    assert (
        window.view.views["blocks"].source_index("irel-domestic", "nameplate_tpa").data() == "800"
    )
    window.undo_action.trigger()
    assert window.session.store.get("blocks", "irel-domestic").nameplate_tpa == 400
    np.testing.assert_allclose(plotted(chart)["India"], before)
    window.redo_action.trigger()
    np.testing.assert_allclose(plotted(chart)["India"], after)


def test_typing_into_the_year_editor(window, qtbot):
    def type_year(editor):
        editor.selectAll()
        qtbot.keyClicks(editor, "2029")

    edit_cell(window.view.views["blocks"], "nolans", "first_year", type_year)
    assert window.session.store.get("blocks", "nolans").first_year == 2029
    assert "nolans" not in window.session.projection.inputs.incomplete_blocks


def test_country_picker_accepts_names_and_codes_and_refuses_others(window):
    view = window.view.views["blocks"]
    edit_cell(view, "penco", "country", lambda e: e.setCurrentText("argentina"))
    assert window.session.store.get("blocks", "penco").country == "ARG"
    edit_cell(view, "penco", "country", lambda e: e.setCurrentText("Atlantis"))
    assert window.session.store.get("blocks", "penco").country == "ARG"
    assert view.last_refusal.isVisible()
    assert "'Atlantis' is not an ISO 3166-1 alpha-3 country code or country name" in (
        view.last_refusal.text()
    )


def test_offtake_editor_offers_only_the_room_left_on_the_block(window):
    store = window.session.store
    store.add(
        "deals",
        dict(id="extra", block_id="nolans", firm_id="nmdc", status="mou", offtake_share=0.7),
    )
    captured = {}

    def try_too_much(editor):
        captured["tip"] = editor.toolTip()
        editor.setText("90%")

    view = window.view.views["deals"]
    window.view.tabs.setCurrentWidget(view)
    edit_cell(view, "kabil-nolans", "offtake_share", try_too_much)
    assert captured["tip"] == (
        "At most 30.0 %: other deals on block 'nolans' (Nolans) take 70.0 % of its output "
        "(extra 70.0 %)"
    )
    assert store.get("deals", "kabil-nolans").offtake_share == pytest.approx(0.2)  # not clamped
    assert view.refusal.isVisible()
    assert "90.0 % is more than the most allowed, 30.0 %" in view.refusal.text()
    assert "(extra 70.0 %); with this deal they would take 160.0 %" in view.refusal.text()


def test_optional_value_can_be_set_back_to_unknown(window):
    view = window.view.views["blocks"]
    edit_cell(view, "eneabba", "ndpr_share", lambda e: e.setText("25"))
    assert window.session.store.get("blocks", "eneabba").ndpr_share == 0.25
    edit_cell(view, "eneabba", "ndpr_share", lambda e: e.setText(""))
    assert window.session.store.get("blocks", "eneabba").ndpr_share is None


def test_mode_and_scenario_selectors_drive_the_chart(window):
    portfolio = window.session.portfolio
    window.findChild(QComboBox, "modeCombo").setCurrentText("all")
    expected = project(portfolio, mode="all").magnets
    np.testing.assert_allclose(plotted(window.view.projection_chart)["Magnets"], expected)
    scenario = window.findChild(QComboBox, "scenarioCombo")
    scenario.setCurrentText("All deals slip 2 years")
    expected = project(portfolio, scenario="All deals slip 2 years").magnets
    np.testing.assert_allclose(plotted(window.view.projection_chart)["Magnets"], expected)
    assert window.findChild(QComboBox, "modeCombo").currentText() == "expected"


def test_horizon_and_group_by(window):
    window.start_spin.setValue(2027)
    window.end_spin.setValue(2035)
    assert plotted(window.view.projection_chart)["Magnets"].size == 9
    window.group_combo.setCurrentText("block")
    assert "IREL domestic NdPr oxide" in plotted(window.view.projection_chart)


def test_add_duplicate_and_delete_with_undo(window, monkeypatch):
    store = window.session.store
    view = window.view.views["blocks"]
    view.add_record()
    assert store.get("blocks", "new-block").name == "New block"
    view.select("mt-weld")
    view.duplicate_record()
    assert (
        store.get("blocks", "mt-weld-copy").nameplate_tpa
        == store.get("blocks", "mt-weld").nameplate_tpa
    )
    view.select("nolans")
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes,
    )
    view.delete_selected()
    assert "1 deal(s): KABIL (Khanij Bidesh India Ltd) – Nolans" in asked[0]
    with pytest.raises(KeyError):
        store.get("deals", "kabil-nolans")
    window.undo_action.trigger()
    assert store.get("deals", "kabil-nolans").offtake_share == 0.2
    assert view.table.model().rowCount() == len(store.list("blocks"))


def test_hover_text_reports_the_year(window):
    text = window.view.projection_chart.hover_text(2030)
    p = window.session.projection
    i = year(window)
    assert f"Magnets, expected, on schedule: {p.magnets[i]:,.0f} t" in text
    assert f"Bottleneck: {STAGE_LABELS[p.bottleneck[i]]}" in text
    assert window.view.projection_chart.hover_text(1999) == ""


def test_bottlenecks_are_marked_per_year(window):
    marked = window.view.projection_chart.bottleneck_years
    p = window.session.projection
    for i, y in enumerate(p.years.tolist()):
        assert y in marked[p.bottleneck[i]]


def test_status_bar_and_title(window):
    assert (
        "Demo portfolio" in window.windowTitle()
        and str(window.session.path) in window.windowTitle()
    )
    assert "2030:" in window.status_label.text() and "bottleneck" in window.status_label.text()

"""The what-if and detail panels show their record as it is now, after any edit, undo, redo,
import or scenario switch; Apply writes only what the user moved and reports the real change."""

import pytest

from desktop import operations
from model.scenario import BlockOverride, Scenario


def test_panel_follows_a_table_edit_of_its_block(window):
    view = window.view
    view.views["blocks"].select("nolans")
    panel = view.what_if
    assert panel.nameplate.spin.text() == "4,440 t/yr"
    operations.set_record_fields(window.session, "blocks", "nolans", nameplate_tpa=5000.0)
    operations.set_record_fields(window.session, "blocks", "nolans", country="MWI")
    assert panel.nameplate.spin.text() == "5,000 t/yr"
    assert "Malawi" in panel.title.text()
    assert "nameplate" not in panel.touched and not panel.apply_button.isEnabled()


def test_undo_of_an_apply_shows_the_old_share_again(window):
    view = window.view
    panel = view.what_if
    view.views["blocks"].select("mt-weld")
    assert panel.offtake.spin.text() == "5.0 %"
    panel.offtake.spin.setValue(25)
    panel.apply_button.click()
    assert panel.offtake.spin.text() == "25.0 %"
    window.undo_action.trigger()
    assert panel.offtake.spin.text() == "5.0 %"
    assert not panel.apply_button.isEnabled()
    window.redo_action.trigger()
    assert panel.offtake.spin.text() == "25.0 %"


def test_applied_message_is_the_real_change(window):
    view = window.view
    panel = view.what_if
    messages = []
    panel.message.connect(messages.append)
    view.views["blocks"].select("mt-weld")
    session = window.session
    i = session.projection.year_index(2030)
    before = session.projection.magnets[i]
    panel.offtake.spin.setValue(25)
    panel.apply_button.click()
    after = session.projection.magnets[i]
    assert after - before > 1  # the demo's 2030 really moves
    assert messages[-1].startswith(f"Applied: {after - before:+,.0f} t/yr magnets in 2030")


def test_apply_leaves_a_first_year_outside_the_horizon_alone(window):
    session = window.session
    operations.set_record_fields(session, "blocks", "serra-verde", first_year=2011)
    view = window.view
    view.views["blocks"].select("serra-verde")
    panel = view.what_if
    assert panel.first_year.spin.value() == 2011  # shown as stored, not clamped to the horizon
    panel.offtake.spin.setValue(30)
    panel.apply_button.click()
    assert session.store.get("blocks", "serra-verde").first_year == 2011
    assert session.store.get("deals", "kabil-serra-verde").offtake_share == pytest.approx(0.3)


def test_unmoved_controls_follow_the_record_while_a_what_if_is_open(window):
    view = window.view
    panel = view.what_if
    view.views["blocks"].select("longonjo")
    panel.offtake.spin.setValue(50)
    operations.set_record_fields(window.session, "blocks", "longonjo", nameplate_tpa=9000.0)
    assert panel.nameplate.spin.text() == "9,000 t/yr"
    assert panel.offtake.spin.text() == "50.0 %"  # the user's move survives the edit
    panel.apply_button.click()
    store = window.session.store
    assert store.get("blocks", "longonjo").nameplate_tpa == 9000.0
    assert store.get("deals", "kabil-longonjo").offtake_share == pytest.approx(0.5)


def test_detail_follows_the_selected_deal_to_its_new_block(window):
    view = window.view
    view.tabs.setCurrentWidget(view.views["deals"])
    view.views["deals"].select("kabil-penco")
    assert view.detail.toPlainText().startswith("Penco Module")
    operations.set_record_fields(window.session, "deals", "kabil-penco", block_id="nolans")
    assert view.detail.toPlainText().startswith("Nolans")
    assert view.what_if.block_id == "nolans"
    window.undo_action.trigger()
    assert view.detail.toPlainText().startswith("Penco Module")


def test_scenario_switch_is_said_in_the_panel(window):
    view = window.view
    session = window.session
    slower = Scenario(
        name="Mt Weld later", block_overrides={"mt-weld": BlockOverride(first_year=2032)}
    )
    operations.put_scenario(session, slower)
    view.views["blocks"].select("mt-weld")
    assert "changes this block" not in view.what_if.title.text()
    window.scenario_combo.setCurrentText("Mt Weld later")
    assert "Scenario 'Mt Weld later' changes this block" in view.what_if.title.text()
    assert view.what_if.offtake.spin.text() == "5.0 %"


def test_detail_says_in_plain_words_what_a_block_lacks(window):
    view = window.view
    view.views["blocks"].select("nolans")
    operations.set_record_fields(window.session, "blocks", "nolans", first_year=None)
    operations.set_record_fields(window.session, "blocks", "nolans", stage="feasibility")
    text = view.detail.toPlainText()
    assert "missing: first year" in text
    assert "first_year" not in text and "'nolans'" not in text

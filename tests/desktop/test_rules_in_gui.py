"""The desktop refuses what the portfolio's rules refuse, with the rules' own words."""

from PySide6.QtWidgets import QMessageBox

from model.scenario import Scenario


def test_deleting_a_block_a_scenario_names_is_refused_with_its_name(window, monkeypatch):
    store = window.session.store
    store.put_scenario(Scenario(name="Nolans late", block_delays={"nolans": 2}))
    view = window.view.views["blocks"]
    view.select("nolans")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.delete_selected()
    assert "block 'nolans' is named by scenario 'Nolans late'" in view.refusal.text()
    assert view.refusal.isVisible()
    assert store.get("blocks", "nolans").name == "Nolans"
    assert store.load_portfolio().scenario("Nolans late").block_delays == {"nolans": 2}

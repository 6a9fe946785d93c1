"""The desktop refuses what the portfolio's rules refuse, with the rules' own words."""

import pytest
from PySide6.QtWidgets import QComboBox, QMessageBox

from model import rules
from model.scenario import Scenario
from tests.desktop.helpers import edit_cell


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


def _tab(window, kind):
    view = window.view.views[kind]
    window.view.tabs.setCurrentWidget(view)
    return view


def _type(text):
    """What the user does in the editor: a line edit gets text, an editable combo its text."""

    def act(editor):
        if isinstance(editor, QComboBox):
            editor.setCurrentText(text)
        else:
            editor.setText(text)

    return act


@pytest.mark.parametrize(
    ("kind", "record_id", "field", "typed", "proposed", "words"),
    [
        ("deals", "kabil-mt-weld", "offtake_share", "150%", 1.5, "more than the most allowed"),
        ("blocks", "nolans", "ndpr_share", "-3", -0.03, "less than the least allowed"),
        ("blocks", "nolans", "country", "Atlantis", "Atlantis", "not an ISO 3166-1"),
        ("firms", "nmdc", "roles", "mining, smelting", ["mining", "smelting"], "smelting"),
        ("blocks", "nolans", "name", "Mt Weld", "Mt Weld", "already used"),
        ("plants", None, "capacity_tpa", "", None, "a value is needed"),
    ],
)
def test_a_refused_cell_shows_the_rules_words_and_writes_nothing(
    window, kind, record_id, field, typed, proposed, words
):
    portfolio = window.session.portfolio
    record_id = record_id or getattr(portfolio, kind)[0].id
    before = window.session.store.get(kind, record_id)
    view = _tab(window, kind)
    view.select(record_id)
    edit_cell(view, record_id, field, _type(typed))
    _, problems = rules.change_problems(portfolio, kind, record_id, {field: proposed})
    assert problems and words in problems[0]
    assert view.refusal.isVisible() and view.refusal.text() == "; ".join(problems)
    assert window.session.store.get(kind, record_id) == before  # nothing written


def test_an_allowed_cell_is_written_as_the_rules_store_it(window):
    view = _tab(window, "blocks")
    edit_cell(view, "nolans", "country", _type("australia"))
    edit_cell(view, "nolans", "ndpr_share", _type("25%"))
    stored = window.session.store.get("blocks", "nolans")
    assert (stored.country, stored.ndpr_share) == ("AUS", pytest.approx(0.25))
    assert not view.refusal.isVisible()

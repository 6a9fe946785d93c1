"""The Plan tab's "of imports only" box beside the country share: the plan shown changes to the
one worked out on paper (tests/model/test_country_cap.py), and the result says which form of the
limit it was found under."""

import pytest
from PySide6.QtCore import Qt

from desktop.app import build_window
from model.store import Store
from tests.model.test_country_cap import _portfolio

YEAR = 2030


@pytest.fixture
def small_window(qtbot, tmp_path, settings):
    """India 600 t oxide; open deals Australia 500 t, Malawi 150 t, Brazil 120 t."""
    path = tmp_path / "small.repm"
    with Store.open(path) as store:
        store.replace_portfolio(_portfolio())
    win = build_window(path, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def _chosen(view) -> list[str]:
    return sorted(view.chosen.item(r, 0).text() for r in range(view.chosen.rowCount() - 1))


@pytest.mark.parametrize(
    ("imports_only", "chosen", "said", "shares_of_imports"),
    [
        (False, ["Aus (d-aus)", "Mwi (d-mwi)"], "60% of all supply", None),
        (True, ["Bra (d-bra)", "Mwi (d-mwi)"], "60% of imported supply", "Malawi 56%, Brazil 44%"),
    ],
)
def test_the_imports_only_box_gives_the_plan_worked_out_on_paper(
    small_window, qtbot, imports_only, chosen, said, shares_of_imports
):
    view = small_window.plan_view
    small_window.view.tabs.show_title("Plan")
    assert not view.share_imports.isEnabled()  # a form of the limit: only with the limit on
    qtbot.mouseClick(view.share_on, Qt.MouseButton.LeftButton)
    assert view.share_imports.isEnabled()
    view.share.setValue(60)
    view.deals_on.setChecked(True)
    view.max_deals.setValue(2)
    view.year.setValue(YEAR)
    if imports_only:
        qtbot.mouseClick(view.share_imports, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.runner.finished, timeout=120_000):
        qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    assert _chosen(view) == chosen
    text = view.shares.text()
    assert said in text
    assert ("Shares of imports: " + str(shares_of_imports) in text) == imports_only
    assert ("Shares of imports" in text) == imports_only
    # The rank order takes Australia then Malawi: within 60% of all supply (India 48%), but
    # Australia is 77% of imports, and the comparison says the rank order breaks the limit.
    outside = "outside the share limits set for the plan" in view.comparison.text()
    assert outside == imports_only
    assert view.save_as_scenario("Plan")  # the saved plan keeps the form it was found under
    saved = {s.name: s for s in small_window.session.portfolio.scenarios}["Plan"]
    assert said in saved.description


def test_no_plan_in_the_app_names_its_box_not_the_cli_flag(small_window, qtbot):
    """Limit 50% of all supply, at most 1 new deal: India's 600 t is over half of any plan."""
    view = small_window.plan_view
    view.share_on.setChecked(True)
    view.share.setValue(50)
    view.deals_on.setChecked(True)
    view.max_deals.setValue(1)
    view.year.setValue(YEAR)
    with qtbot.waitSignal(view.runner.finished, timeout=120_000):
        qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    said = view.status.text()
    assert "India (domestic supply) already supplies 100%" in said
    assert 'tick "of imports only" beside the country share' in said
    assert "--" not in said

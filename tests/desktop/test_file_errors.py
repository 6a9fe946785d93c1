"""Bad portfolio files: a dialog says what happened and offers the backups; nothing is modified."""

from PySide6.QtWidgets import QLabel

from desktop.app import build_window
from model.demo import demo_portfolio
from model.interchange import portfolio_to_dict
from model.store import Store


def damaged_with_backup(portfolio_path):
    with Store.open(portfolio_path) as store:
        store.update("blocks", "nolans", first_year=2031)
        store.backup()
    data = portfolio_path.read_bytes()
    portfolio_path.write_bytes(data[: len(data) // 2])
    return portfolio_path.read_bytes()


def test_corrupt_file_shows_the_error_dialog_and_is_left_untouched(qtbot, portfolio_path, settings):
    before = damaged_with_backup(portfolio_path)
    win = build_window(portfolio_path, settings)
    qtbot.addWidget(win)
    dialog = win.dialog
    assert dialog.objectName() == "storeErrorDialog" and dialog.isVisible()
    text = dialog.findChild(QLabel, "errorText").text()
    assert "damaged" in text
    assert dialog.list.count() >= 1 and dialog.restore_button.isEnabled()
    assert portfolio_path.read_bytes() == before
    assert win.session is None  # nothing half-open behind the dialog
    dialog.restore_button.click()
    assert win.session is not None
    assert win.session.store.get("blocks", "nolans").first_year == 2031
    win.close()


def test_not_a_portfolio_file(qtbot, tmp_path, settings):
    path = tmp_path / "notes.repm"
    path.write_text("minutes")
    win = build_window(path, settings)
    qtbot.addWidget(win)
    assert "not a portfolio file" in win.dialog.findChild(QLabel, "errorText").text()
    assert path.read_text() == "minutes"
    win.close()


def test_import_of_a_bad_json_changes_nothing(window, tmp_path):
    import json

    data = portfolio_to_dict(demo_portfolio())
    data["deals"][3]["offtake_share"] = 1.4
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    before = window.session.store.load_portfolio()
    window.import_json(str(bad))
    assert window.dialog.objectName() == "importRefused"
    assert (
        f"deals[3] (id {data['deals'][3]['id']}).offtake_share: 1.4 is above 1"
        in window.dialog.text()
    )
    assert window.session.store.load_portfolio() == before


def test_import_replaces_and_undo_puts_it_back(window, tmp_path):
    import json

    data = portfolio_to_dict(demo_portfolio())
    data["name"] = "Imported copy"
    data["blocks"][2]["first_year"] = 2030
    good = tmp_path / "good.json"
    good.write_text(json.dumps(data))
    window.import_json(str(good))
    assert window.session.portfolio.name == "Imported copy"
    assert "Imported copy" in window.windowTitle()
    window.undo_action.trigger()
    assert window.session.portfolio.name.startswith("Demo portfolio")

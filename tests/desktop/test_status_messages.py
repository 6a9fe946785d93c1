"""The status bar never keeps saying something an undo, redo or edit has made untrue, and a long
message is cut to its own room beside the permanent summary instead of running into it."""

from desktop import operations
from tests.desktop.test_evidence_register import _register, _row_of


def _message(window) -> str:
    return window.statusBar().currentMessage()


def test_undo_replaces_the_applied_message(window):
    panel = window.view.what_if
    window.view.views["blocks"].select("mt-weld")
    panel.offtake.spin.setValue(25)
    panel.apply_button.click()
    assert _message(window).startswith("Applied: ")
    window.undo_action.trigger()
    assert _message(window) == "Undone: What-if on Mt Weld"
    window.redo_action.trigger()
    assert _message(window) == "Redone: What-if on Mt Weld"
    operations.set_record_fields(window.session, "blocks", "mt-weld", notes="checked")
    assert _message(window) == ""  # a new edit: nothing said before is current


def test_undo_of_an_evidence_choice_drops_now_using(window):
    register = _register(window)
    register.table.selectRow(
        _row_of(register, "IREL domestic NdPr oxide", "Nameplate (t/yr)", "1,500")
    )
    register.use_button.click()
    assert _message(window).startswith("Now using 1,500")
    window.undo_action.trigger()
    assert _message(window) == (  # names and labels, not 'irel-domestic nameplate_tpa'
        "Undone: Use 1,500 t NdPr oxide/yr for IREL domestic NdPr oxide: Nameplate (t/yr)"
    )


def test_a_long_message_stays_clear_of_the_summary(window, qtbot):
    window.resize(1280, 720)
    summary = window.status_label
    assert summary.text()
    long = "Applied: -160 t/yr magnets in 2030 " + "(a long explanation) " * 20
    window.statusBar().showMessage(long, 8000)
    label = window.statusBar().message_label
    qtbot.waitUntil(lambda: label.isVisible() and summary.isVisible())
    assert label.geometry().right() < summary.geometry().left()
    assert label.text().endswith("…") and label.toolTip() == long
    assert _message(window) == long

"""Edit > Assumptions as a user meets it: at its own 560x600 every value sits beside its label
(no sideways scrolling), shares are typed in percent, a value out of range is refused with the
field and its range (nothing is changed or saved), and the choices read as words."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from model.assumptions import SCALARS, TABLES


@pytest.fixture
def dialog(window, qtbot):
    window.edit_assumptions()
    dialog = window.dialog
    qtbot.waitExposed(dialog)
    assert dialog.size().width() == 560 and dialog.size().height() == 600
    return dialog


def type_into(qtbot, box, text):
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)


def press_ok(qtbot, dialog):
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_every_value_is_beside_its_label_without_sideways_scrolling(dialog):
    viewport = dialog.scroll.viewport()
    assert not dialog.scroll.horizontalScrollBar().isVisible()
    widgets = [*dialog.boxes(), *dialog.choices.values()]
    assert len(widgets) == len(SCALARS) + 2 + sum(len(s.keys) for s in TABLES.values())
    for widget in widgets:
        left = widget.mapTo(viewport, QPoint(0, 0)).x()
        assert left >= 0 and left + widget.width() <= viewport.width()


def test_shares_read_in_percent(dialog):
    share = dialog.scalars["separation_recovery"]
    assert share.text() == "95.0 %"
    assert dialog.tables["p_deal"]["mou"].text().endswith(" %")
    assert not dialog.scalars["inr_per_usd"].text().endswith("%")


@pytest.mark.parametrize("typed", ["30", "30%", "30 %"])
def test_thirty_typed_in_the_share_is_stored_as_thirty_percent(window, dialog, qtbot, typed):
    type_into(qtbot, dialog.scalars["high_temp_share"], typed)
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert window.session.store.assumptions().high_temp_share == pytest.approx(0.30)
    assert window.session.portfolio.assumptions.high_temp_share == pytest.approx(0.30)


def test_untouched_values_are_saved_exactly(window, dialog, qtbot):
    before = window.session.store.assumptions()
    press_ok(qtbot, dialog)
    assert window.session.store.assumptions() == before  # 28.333333 % not rounded on the way


@pytest.mark.parametrize(
    ("name", "typed", "reason"),
    [
        (
            "high_temp_share",
            "150",
            "High-temperature share of magnets: 150.0 % is more than the most allowed, "
            "100.0 % (allowed: 0.0 % to 100.0 %)",
        ),
        (
            "separation_recovery",
            "-5",
            "Separation recovery: -5.0 % is less than the least allowed, 0.0 % "
            "(allowed: 0.0 % to 100.0 %)",
        ),
    ],
)
def test_out_of_range_is_refused_naming_field_and_range(window, dialog, qtbot, name, typed, reason):
    before = window.session.store.assumptions()
    box = dialog.scalars[name]
    type_into(qtbot, box, typed)
    press_ok(qtbot, dialog)
    assert dialog.isVisible()  # still open: nothing saved
    assert dialog.refusal.isVisible() and dialog.refusal.text() == reason
    assert box.value() == float(typed)  # what was typed stays, never clamped or reverted
    assert window.session.store.assumptions() == before
    type_into(qtbot, box, "95")  # corrected: accepted
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert getattr(window.session.store.assumptions(), name) == pytest.approx(0.95)


def test_a_delay_must_be_whole_and_within_its_range(dialog, qtbot):
    box = dialog.tables["max_delay_stage"]["exploration"]
    type_into(qtbot, box, "25")
    press_ok(qtbot, dialog)
    assert "25 is more than the most allowed, 20 (allowed: 0 to 20)" in dialog.refusal.text()
    assert dialog.isVisible()


def test_choices_read_as_words(window, dialog, qtbot):
    allocation, process = dialog.choices["separation_allocation"], dialog.choices["dytb_process"]
    texts = [allocation.itemText(i) for i in range(allocation.count())]
    assert texts[0].startswith("Merit order") and texts[1].startswith("Pro rata")
    assert allocation.currentText().startswith("Merit order")
    assert process.currentText() == "Conventional alloying"
    process.setCurrentIndex(process.findText("Grain-boundary diffusion"))
    press_ok(qtbot, dialog)
    assert window.session.store.assumptions().dytb_process == "grain_boundary_diffusion"

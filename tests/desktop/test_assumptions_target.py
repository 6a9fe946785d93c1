"""Edit > Assumptions and Edit > Target Path: one undoable edit each, and the chart follows."""

import pytest

from model import project


def test_assumptions_dialog_writes_one_undoable_edit(window, qtbot):
    session = window.session
    before = session.store.assumptions()
    window.edit_assumptions()
    dialog = window.dialog
    dialog.scalars["ndpr_in_magnet"].setValue(30.75)  # percent
    dialog.tables["p_deal"]["mou"].setValue(80)  # percent
    dialog.accept()
    stored = session.store.assumptions()
    assert stored.ndpr_in_magnet == pytest.approx(0.3075)
    assert stored.p_deal["mou"] == pytest.approx(0.8)
    expected = project(session.store.load_portfolio(), start=session.start, end=session.end)
    assert session.projection.magnets == pytest.approx(expected.magnets)
    assert session.undo_stack.undoText() == "Set assumptions"
    session.undo_stack.undo()
    assert session.store.assumptions() == before
    assert session.portfolio.assumptions == before


def test_target_dialog_sets_a_path_year_and_the_gap_follows(window, qtbot):
    session = window.session
    before = session.store.target()
    window.edit_target()
    dialog = window.dialog
    dialog.default.setValue(5000)
    dialog.add_year(2030, 7000)
    dialog.accept()
    target = session.store.target()
    assert target.default_tpa == 5000 and target.path == {**before.path, 2030: 7000}
    i = session.projection.year_index(2030)
    assert session.projection.target[i] == 7000
    assert session.projection.target[i + 1] == 5000
    assert "2030: " in window.status_label.text() and "target 7,000 t" in window.status_label.text()
    session.undo_stack.undo()
    assert session.projection.target[i] == before.at(2030)
    assert session.store.target() == before

"""Driving the real cell editors the way a user's edit reaches the model."""

from PySide6.QtWidgets import QStyleOptionViewItem


def edit_cell(records_view, record_id: str, field: str, set_value) -> None:
    """Open the delegate's editor on one cell, let `set_value(editor)` act like the user,
    then commit it as the view does when the editor closes."""
    index = records_view.source_index(record_id, field)
    table = records_view.table
    table.scrollTo(index)  # the user sees the cell they edit
    delegate = table.itemDelegate()
    editor = delegate.createEditor(table.viewport(), QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    set_value(editor)
    delegate.setModelData(editor, table.model(), index)
    editor.deleteLater()
    return editor


def assert_note_beside(records_view, index) -> None:
    """The refusal note is read whole, next to the cell it is about and not over it."""
    note = records_view.refusal
    assert note.isVisible()
    table = records_view.table
    cell = table.cell_rect(index).translated(table.pos())
    place = note.geometry()
    assert records_view.rect().contains(place), (place, records_view.rect())
    assert note.heightForWidth(place.width()) <= place.height()  # no line cut off
    assert not place.intersects(cell)
    beside = place.left() >= cell.right() and abs(place.top() - cell.top()) <= cell.height()
    below = 0 <= place.top() - cell.bottom() <= 4
    above = 0 <= cell.top() - place.bottom() <= 4
    assert beside or below or above, (place, cell)

"""Driving the real cell editors the way a user's edit reaches the model."""

from PySide6.QtWidgets import QStyleOptionViewItem


def edit_cell(records_view, record_id: str, field: str, set_value) -> None:
    """Open the delegate's editor on one cell, let `set_value(editor)` act like the user,
    then commit it as the view does when the editor closes."""
    index = records_view.source_index(record_id, field)
    table = records_view.table
    delegate = table.itemDelegate()
    editor = delegate.createEditor(table.viewport(), QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    set_value(editor)
    delegate.setModelData(editor, table.model(), index)
    editor.deleteLater()
    return editor

"""The detail panel leads with what a reader looks for: where the block is, its key figures and
their source, in view without scrolling at 1366x768 and 1280x720; the other fields follow."""

import pytest
from PySide6.QtWidgets import QApplication


def in_view(detail, text: str) -> bool:
    """Whether `text` is drawn inside the panel's visible area as it opens (not scrolled)."""
    cursor = detail.document().find(text)
    assert not cursor.isNull(), text
    detail.verticalScrollBar().setValue(0)
    return detail.cursorRect(cursor).bottom() <= detail.viewport().height()


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720)])
@pytest.mark.parametrize("block", ["mt-weld", "eneabba"])  # eneabba: 'adds nothing' first
def test_key_figures_and_source_show_without_scrolling(window, width, height, block):
    window.resize(width, height)
    window.view.views["blocks"].select(block)
    QApplication.processEvents()
    detail = window.view.detail
    record = window.session.portfolio.block(block)
    for text in (
        record.name,
        "Nameplate",
        "NdPr share",
        "First year",
        "Magnets 2030",
        "Source (as of",
    ):
        assert in_view(detail, text), (block, text)
    text = detail.toPlainText()
    assert text.index("Source (as of") < text.index("Deals") < text.index("Other fields")
    assert text.index("Other fields") < text.index("Operator")  # the rest, further down


def test_key_figures_are_the_records_and_the_projections(window):
    window.view.views["blocks"].select("mt-weld")
    text = window.view.detail.toPlainText()
    projection = window.session.projection
    row = projection.inputs.block_ids.index("mt-weld")
    magnets = projection.by_block()[row][projection.year_index(2030)]
    assert f"Magnets 2030 (expected)\n{magnets:,.0f} t" in text
    assert "Nameplate (t/yr)\n10,500" in text
    assert "Australia (AUS) · producing · NdPr oxide" in text

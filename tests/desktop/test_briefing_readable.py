"""The briefing reads as the app does: shares by their declared format, sources a reader can
follow (no file names of the project, no sentence cut short), whole-tonne columns whole, and
no heading left at the foot of a page with its chart or table on the next."""

import re

import pytest
from PySide6.QtGui import QTextCursor

from desktop.report import build_document, write_pdf
from model.demo import demo_portfolio
from model.number_text import figure_text


@pytest.fixture(scope="module")
def briefing(qapp, tmp_path_factory):
    doc = build_document(demo_portfolio(), draws=200)
    write_pdf(doc, tmp_path_factory.mktemp("brief") / "brief.pdf")
    return doc


def _rows(doc, first_cell: str) -> list[list[str]]:
    """The rows (as cell texts) of every table row whose first cell starts with first_cell."""
    found, block = [], doc.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            cell = table.cellAt(QTextCursor(block))
            if cell.column() == 0 and block.text().startswith(first_cell):
                row = cell.row()
                found.append(
                    [
                        table.cellAt(row, c).firstCursorPosition().block().text()
                        for c in range(table.columns())
                    ]
                )
        block = block.next()
    return found


def test_shares_read_by_their_declared_format(briefing):
    (recovery,) = _rows(briefing, "Separation recovery")
    assert recovery[1] == figure_text("assumptions", "separation_recovery", 0.95) == "95.0 %"
    (metal,) = _rows(briefing, "NdPr metal per t magnet")
    assert metal[1].endswith("%") and "0.28" not in metal[1]
    shares = [r[1] for r in _rows(briefing, "India demand: China's share")]
    assert shares and all(re.match(r"\d+\.\d % \(", s) for s in shares)


def test_sources_are_complete_and_name_no_project_files(briefing):
    text = briefing.toPlainText()
    assert not re.search(r"\b[\w-]+\.md\b", text)
    assert not re.search(r"as restated in\s*(\n|$)", text)
    official = [r for r in _rows(briefing, "IREL domestic NdPr oxide") if "400" in r[1]]
    assert official and 'as restated in the project\'s notes "India-side facts"' in official[0][2]


def test_whole_tonne_columns_stay_whole(briefing):
    cuts = _rows(briefing, "Chile")
    assert cuts and not any(re.fullmatch(r"[\d,]+\.\d+", cell) for cell in cuts[0][1:])


def test_headings_keep_their_chart_or_table(briefing):
    layout = briefing.documentLayout()
    height = briefing.pageSize().height()
    block = briefing.begin()
    checked = 0
    while block.isValid():
        if block.blockFormat().headingLevel() > 0 and block.next().isValid():
            heading_page = layout.blockBoundingRect(block).top() // height
            after = [block.next(), block.next().next()]  # a chart, or an intro and a table row
            after = [b for b in after if b.isValid() and b.blockFormat().headingLevel() == 0]
            bottom = max(layout.blockBoundingRect(b).bottom() for b in after)
            assert bottom // height == heading_page, block.text()
            checked += 1
        block = block.next()
    assert checked >= 8


def test_the_detail_panel_names_no_project_file(window):
    window.view.views["blocks"].select("irel-domestic")
    text = window.view.detail.toPlainText()
    assert 'as restated in the project\'s notes "India-side facts"' in text
    assert not re.search(r"\b[\w-]+\.md\b", text)

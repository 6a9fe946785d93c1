"""Help > User Guide: the offline guide opens in the app, its pages and links work, the glossary
has every term, and the negotiation walk-through works on the demo as written."""

import re

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from desktop.guide import PAGES, guide_folder


def open_guide(window):
    action = next(a for a in window.menuBar().actions() if a.text() == "&Help").menu()
    next(a for a in action.actions() if a.text() == "User &Guide").trigger()
    return window.guide


def test_help_opens_the_guide_inside_the_app(window):
    guide = open_guide(window)
    assert guide.isVisible()
    assert "REPM supply planner: user guide" in guide.browser.toPlainText()
    guide.show_page("glossary.html")
    text = guide.browser.toPlainText()
    for term in (
        "NdPr",
        "TREO",
        "MREC",
        "HHI",
        "P10",
        "P50",
        "P90",
        "MoU",
        "NCMM",
        "KABIL",
        "IREL",
    ):
        assert term in text


@pytest.mark.parametrize("page", PAGES)
def test_every_page_and_link_is_there(page):
    html = (guide_folder() / page).read_text(encoding="utf-8")
    assert "<h1>" in html
    for target in re.findall(r'href="([^"]+)"', html):
        assert not target.startswith(("http:", "https:"))  # offline
        assert (guide_folder() / target).is_file(), target


def test_links_between_pages_work_in_the_browser(window):
    guide = open_guide(window)
    guide.browser.setSource(guide.browser.source().resolved("negotiation.html"))
    assert "step by step" in guide.browser.toPlainText()
    guide.browser.backward()
    assert "Contents" in guide.browser.toPlainText()


def gain(panel) -> int:
    """The change the panel states: '2,428 t -> 3,058 t in 2030 (+630 t, expected)'."""
    found = re.search(r"\((no change|[+-][\d,]+ t), ", panel.delta.text())
    assert found, panel.delta.text()
    return 0 if found[1] == "no change" else int(found[1].removesuffix(" t").replace(",", ""))


def test_negotiation_walk_through_works_as_written(window):
    """negotiation.html, step by step, on the demo."""
    view, panel = window.view, window.view.what_if
    # 1. Set up
    window.scenario_combo.setCurrentText("(portfolio as is)")
    window.mode_combo.setCurrentText("expected")
    window.year_spin.setValue(2030)
    # 2. Records > Blocks (Ctrl+1), Mt Weld: named, offtake 5.0 %, its KABIL deal in the details
    records = next(a for a in window.findChildren(QAction) if a.text() == "Records")
    assert records.shortcut() == QKeySequence("Ctrl+1")
    records.trigger()
    view.tabs.groups.currentWidget().setCurrentWidget(view.views["blocks"])
    assert view.views["blocks"].isVisible()
    view.views["blocks"].select("mt-weld")
    assert panel.title.text().startswith("<b>Mt Weld</b> (Australia, producing;")
    assert panel.offtake.spin.text() == "5.0 %"
    assert "KABIL" in view.detail.toPlainText()
    # 3. Type 25: chart shows it with the line before, a positive gain, nothing saved
    panel.offtake.spin.lineEdit().selectAll()
    panel.offtake.spin.lineEdit().insert("25")
    QApplication.processEvents()
    assert "Before what-if" in view.projection_chart.series
    gain_25 = gain(panel)
    assert gain_25 > 0 and " t in 2030 (+" in panel.delta.text()
    assert window.session.store.get("deals", "kabil-mt-weld").offtake_share == 0.05
    # 4. Counter-offer 15: smaller gain
    panel.offtake.spin.setValue(15)
    gain_15 = gain(panel)
    assert 0 <= gain_15 < gain_25
    # 5. Nolans, first year 2028, delay 3 years: a loss in 2030 (2 years: none in 2030, a
    # loss in 2029); Reset drops it
    view.views["blocks"].select("nolans")
    assert panel.first_year.spin.value() == 2028
    panel.delay.spin.setValue(3)
    assert gain(panel) < 0
    assert panel.closed.line.startswith("If the deal closes: ")
    assert panel.closed.line.endswith("; now 10.0 % likely")
    panel.delay.spin.setValue(2)
    assert gain(panel) == 0
    window.year_spin.setValue(2029)
    assert gain(panel) < 0 and " t in 2029 (" in panel.delta.text()
    window.year_spin.setValue(2030)
    panel.reset_button.click()
    assert "Before what-if" not in view.projection_chart.series
    # 6. Apply 25 % on Mt Weld, the real change in the status bar; Undo puts 5.0 % back
    view.views["blocks"].select("mt-weld")
    panel.offtake.spin.setValue(25)
    panel.apply_button.click()
    message = window.statusBar().currentMessage()
    assert re.match(r"Applied: \+[\d,]+ t/yr magnets in 2030 \([\d,]+ t -> [\d,]+ t, ", message)
    window.undo_action.trigger()
    assert panel.offtake.spin.text() == "5.0 %"

"""Plain words where a person reads: no codes or field names in the tornado, the tables and the
details; a tooltip on every control, column header and analysis tab."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QTabBar,
)

CODES = ("ndpr in magnet", "p_stage", "p_deal", "deals.notes", "india.md", "ndpr_oxide")


def test_tornado_speaks_plainly(window, qtbot):
    view = window.view
    view.tabs.setCurrentWidget(view.tornado)
    qtbot.waitUntil(lambda: bool(view.tornado.bars), timeout=60000)
    labels = " | ".join(view.tornado.axis.labels)
    assert not any(code in labels for code in CODES)
    offtakes = [text for text in view.tornado.axis.labels if "India's offtake" in text]
    assert offtakes and all(text.endswith("%)") for text in offtakes)


def test_tables_and_details_use_words_not_codes(window):
    blocks = window.view.views["blocks"]
    assert blocks.source_index("mt-weld", "product").data() == "NdPr oxide"
    assert blocks.source_index("phalaborwa", "stage").data() == "pre-feasibility study"
    window.view.views["blocks"].select("mt-weld")
    text = window.view.detail.toPlainText()
    assert "ndpr_oxide" not in text and "NdPr oxide" in text
    deals = window.view.views["deals"]
    assert deals.source_index("kabil-mt-weld", "block_id").data() == "Mt Weld"
    assert deals.source_index("kabil-mt-weld", "firm_id").data().startswith("KABIL")


def test_every_control_and_header_has_a_tooltip(window):
    controls = (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractSlider, QLineEdit)
    missing = []
    tabs = window.view.tabs
    widgets = []
    for index in range(tabs.count()):  # each tab in turn, as the user opens them
        tabs.setCurrentIndex(index)
        widgets += [w for kind in controls for w in window.findChildren(kind) if w.isVisible()]
    for widget in set(widgets):
        if widget.objectName().startswith("qt_"):
            continue
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parent(), QAbstractSpinBox | QComboBox
        ):
            continue  # the line edit inside a spin box or combo box: the box has the tip
        if isinstance(widget, QScrollBar) or isinstance(widget.parent(), QTabBar):
            continue  # scroll bars, and the tab bar's scroll arrows
        if not (
            widget.toolTip() or widget.placeholderText()
            if isinstance(widget, QLineEdit)
            else widget.toolTip()
        ):
            missing.append(
                f"{type(widget).__name__} {widget.objectName()} {getattr(widget, 'text', lambda: '')()}"
            )
    assert not missing, missing
    for kind, view in window.view.views.items():
        model = view.model
        for column in range(model.columnCount()):
            assert model.headerData(
                column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
            ), (
                kind,
                column,
            )
    assert all(tabs.tabToolTip(i) for i in range(tabs.count()))


def test_chart_elements_explain_themselves(window, qtbot):
    qtbot.waitUntil(lambda: window.view.uncertainty.result is not None, timeout=30000)
    items = window.view.projection_chart._items
    assert items["Target"].toolTip().startswith("The target")
    assert items["India"].toolTip() == "Magnets from India (hover for the year's figures)"
    assert "8 in 10 Monte Carlo draws" in items["band"].toolTip()
    bottlenecks = [k for k in items if k.startswith("bottleneck ")]
    assert bottlenecks and all(
        "limits this year's magnets" in items[k].toolTip() for k in bottlenecks
    )

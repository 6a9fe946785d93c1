"""The left side's views in two levels of tabs: at 1280x720 and 1366x768 every label of both
rows shows whole, without scroll arrows, and every view is reached from the View menu and the
keyboard."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QTabBar, QToolButton

VIEWS = [
    "Blocks",
    "Firms",
    "Deals",
    "Plants",
    "Capacity",
    "Demand",
    "Map",
    "Scenarios",
    "Sensitivity",
    "Concentration",
    "Deal ranking",
    "Plan",
]


def bar_labels_fit(bar: QTabBar) -> list[str]:
    """The labels of `bar` that are cut off or scrolled out of sight."""
    arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
    cut = [bar.tabText(i) for i in range(bar.count()) if not bar.rect().contains(bar.tabRect(i))]
    return cut + [f"scroll arrow {b.arrowType()}" for b in arrows]


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1366, 768)])
def test_every_tab_label_shows_without_scrolling(window, width, height):
    window.resize(width, height)
    tabs = window.view.tabs
    assert sorted(tabs.tabText(i) for i in range(tabs.count())) == sorted(VIEWS)
    assert tabs.groups.count() <= 6  # room for a view added later
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        view = tabs.widget(index)
        assert view.isVisible(), tabs.tabText(index)
        assert bar_labels_fit(tabs.groups.tabBar()) == []
        page = tabs.groups.currentWidget()
        if page.count() > 1:  # the group's own row of tabs names the view shown
            assert page.tabBar().isVisible() and bar_labels_fit(page.tabBar()) == []
            assert page.tabText(page.currentIndex()) == tabs.tabText(index)
        else:  # a group of one view: its title is the group's
            assert tabs.groups.tabText(tabs.groups.currentIndex()) == tabs.tabText(index)


def view_menu(window):
    return next(a for a in window.menuBar().actions() if a.text() == "&View").menu()


def test_each_group_has_a_shortcut_and_each_view_a_menu_entry(window):
    tabs, menu = window.view.tabs, view_menu(window)
    by_text = {a.text(): a for a in menu.actions()}
    for number, group in enumerate(tabs.group_names(), start=1):
        action = by_text[group]
        assert action.shortcut() == QKeySequence(f"Ctrl+{number}")
        action.trigger()
        assert tabs.groups.tabText(tabs.groups.currentIndex()) == group
        assert tabs.currentWidget().isVisible()
    go_to = by_text["&Go to View"].menu()
    for action in go_to.actions():
        action.trigger()
        title = tabs.tabText(tabs.currentIndex())
        assert action.text().startswith(title)
        assert tabs.currentWidget().isVisible()
    assert len(go_to.actions()) == tabs.count()


def test_next_and_previous_view_step_through_every_view(window, qtbot):
    tabs, menu = window.view.tabs, view_menu(window)
    by_text = {a.text(): a for a in menu.actions()}
    assert by_text["&Next View"].shortcut() == QKeySequence("Ctrl+PgDown")
    tabs.setCurrentIndex(0)
    seen = []
    for _ in range(tabs.count()):
        seen.append(tabs.tabText(tabs.currentIndex()))
        by_text["&Next View"].trigger()
    assert seen == VIEWS and tabs.currentIndex() == 0  # round the end, back to Blocks
    by_text["&Previous View"].trigger()
    assert tabs.tabText(tabs.currentIndex()) == "Plan" and window.plan_view.isVisible()


def test_keyboard_reaches_a_group(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.view.tabs.currentWidget() is window.view.tornado


def test_the_open_view_is_remembered_inside_its_group(qtbot, portfolio_path, settings):
    from desktop.app import build_window

    win = build_window(portfolio_path, settings)
    qtbot.addWidget(win)
    win.view.tabs.setCurrentWidget(win.view.map)
    win.close()
    again = build_window(None, settings)
    qtbot.addWidget(again)
    again.show()
    assert again.view.tabs.currentWidget() is again.view.map and again.view.map.isVisible()
    again.close()

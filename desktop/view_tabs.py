"""The left side's views in two levels of tabs: a few groups on top (Records, Supply and
demand, ...) and each group's views in a second tab bar below, so every label shows at 1280 px without
scrolling. To its callers it is one flat list of views, addressed by view or by title, in the
order they were added (the QTabWidget calls it has, on views rather than on groups)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

GROUP_STYLE = "QTabBar::tab { padding: 4px 10px; } QTabBar::tab:selected { font-weight: bold; }"
# The second level sits on a grey strip, so the two rows of tabs read as group and view.
VIEW_STYLE = "QTabBar { background: #E4E4E4; } QTabBar::tab { padding: 3px 8px; }"


class ViewTabs(QWidget):
    currentChanged = Signal(int)  # index (in the flat list) of the view now shown

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recordTabs")
        self.groups = QTabWidget(objectName="groupTabs")
        self.groups.setDocumentMode(True)
        self.groups.setStyleSheet(GROUP_STYLE)
        self.groups.currentChanged.connect(self._on_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.groups)
        self._views: list[tuple[QWidget, str, str, str]] = []  # (view, title, tip, group)
        self._pages: dict[str, QTabWidget] = {}  # group -> its second-level tabs

    def add(
        self, view: QWidget, title: str, tip: str = "", group: str = "", about: str = ""
    ) -> None:
        """Add `view` under `group` (its own top-level tab when no group is named). `about`:
        the group's tooltip, given with its first view."""
        group = group or title
        page = self._pages.get(group)
        if page is None:
            page = QTabWidget(objectName=f"{group} tabs")
            page.setDocumentMode(True)
            page.tabBar().setStyleSheet(VIEW_STYLE)
            page.tabBar().setVisible(False)  # shown once the group has a second view
            page.currentChanged.connect(self._on_changed)
            self._pages[group] = page
            index = self.groups.addTab(page, group)
            self.groups.setTabToolTip(index, about or tip)
        index = page.addTab(view, title)
        page.setTabToolTip(index, tip)
        page.tabBar().setVisible(page.count() > 1)
        self._views.append((view, title, tip, group))

    # --- the flat list of views (QTabWidget's names, so callers need not know the groups) ------

    def count(self) -> int:
        return len(self._views)

    def widget(self, index: int) -> QWidget:
        return self._views[index][0]

    def tabText(self, index: int) -> str:  # noqa: N802 (as QTabWidget)
        return self._views[index][1]

    def tabToolTip(self, index: int) -> str:  # noqa: N802
        return self._views[index][2]

    def group_of(self, index: int) -> str:
        return self._views[index][3]

    def group_names(self) -> list[str]:
        return [self.groups.tabText(i) for i in range(self.groups.count())]

    def indexOf(self, view: QWidget) -> int:  # noqa: N802
        return next((i for i, (v, *_rest) in enumerate(self._views) if v is view), -1)

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        page = self.groups.currentWidget()
        return page.currentWidget() if page is not None else None

    def currentIndex(self) -> int:  # noqa: N802
        current = self.currentWidget()
        return self.indexOf(current) if current is not None else -1

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        view, _title, _tip, group = self._views[index]
        page = self._pages[group]
        before = self.currentWidget()
        page.blockSignals(True)  # one currentChanged, once both levels show the view
        page.setCurrentWidget(view)
        page.blockSignals(False)
        self.groups.blockSignals(True)
        self.groups.setCurrentWidget(page)
        self.groups.blockSignals(False)
        if view is not before:
            self.currentChanged.emit(index)

    def setCurrentWidget(self, view: QWidget) -> None:  # noqa: N802
        index = self.indexOf(view)
        if index >= 0:
            self.setCurrentIndex(index)

    def show_title(self, title: str) -> bool:
        """Open the view called `title` (or the group of that name); False when none is."""
        for index, (_view, name, _tip, _group) in enumerate(self._views):
            if name == title:
                self.setCurrentIndex(index)
                return True
        if title in self._pages:
            self.groups.setCurrentWidget(self._pages[title])
            return True
        return False

    def step(self, by: int) -> None:
        """The next (or previous) view in the flat order, across groups."""
        if self._views:
            self.setCurrentIndex((self.currentIndex() + by) % len(self._views))

    def _on_changed(self, _index: int) -> None:
        self.currentChanged.emit(self.currentIndex())

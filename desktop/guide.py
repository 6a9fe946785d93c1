"""Help > User Guide: the offline guide (resources/guide/*.html) in a browser inside the app.
Links between its pages work; nothing is ever fetched from the network."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from model.resources import resource_path

PAGES = [
    "index.html",
    "chain.html",
    "charts.html",
    "negotiation.html",
    "scenarios.html",
    "heavy-rare-earths.html",
    "evidence.html",
    "briefing.html",
    "files.html",
    "glossary.html",
]


def guide_folder():
    return resource_path("guide")


class GuideWindow(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle("REPM planner: user guide")
        self.browser = QTextBrowser(objectName="guideBrowser")
        self.browser.setOpenExternalLinks(False)  # offline: only the guide's own pages
        self.browser.setSearchPaths([str(guide_folder())])
        back = QPushButton("Back")
        back.setShortcut(QKeySequence.StandardKey.Back)
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        back.setEnabled(False)
        contents = QPushButton("Contents")
        contents.clicked.connect(lambda: self.show_page("index.html"))
        bar = QHBoxLayout()
        bar.addWidget(back)
        bar.addWidget(contents)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser)
        self.resize(760, 620)
        self.show_page("index.html")

    def show_page(self, page: str) -> None:
        self.browser.setSource(QUrl.fromLocalFile(str(guide_folder() / page)))

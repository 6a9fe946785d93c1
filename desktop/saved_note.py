"""One line, the same in every pane that keeps showing the saved portfolio while a what-if is
under way (detail, analysis views, P(target)): the official must never read two figures without
knowing which is which. The panes that follow the what-if mark it themselves instead."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QLabel

SAVED_NOTE = "Saved portfolio — the what-if is not applied"
SAVED_TIP = (
    "This pane shows the portfolio as saved. The projection, Capacity and Demand charts show "
    "the what-if under way; Apply writes it, Reset drops it."
)
# Small (as the Monte Carlo notes): at 1280x650 the projection's bars keep their readable height.
STYLE = (
    "QLabel { background: #DCE6F5; border-left: 3px solid #3D5F99; color: #1F3A66; font-size: 8pt;"
    " padding: 0px 4px; }"
)


class SavedNote(QLabel):
    """Hidden until a what-if is pending; `what` names the figures it is about, if not the pane."""

    def __init__(self, what: str = ""):
        text = f"{what}: {SAVED_NOTE[0].lower()}{SAVED_NOTE[1:]}" if what else SAVED_NOTE
        super().__init__(text, objectName="savedNote", toolTip=SAVED_TIP, visible=False)
        self.setStyleSheet(STYLE)


def status_note() -> SavedNote:
    """The status bar's, before its figures: short, as the bar has one line for everything."""
    note = SavedNote()
    note.setObjectName("statusSavedNote")
    note.setText("Saved portfolio:")
    note.setToolTip(f"The status bar's figures are the saved portfolio's. {SAVED_TIP}")
    return note


def add_saved_note(layout: QBoxLayout, what: str = "", at: int = 0) -> SavedNote:
    """A note in `layout` (a pane's own, on top by default), hidden until a what-if is pending."""
    note = SavedNote(what)
    layout.insertWidget(at, note)
    return note

"""Where the main window opens: never larger than the screen's free area (taskbar excluded)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

DEFAULT_SIZE = (1366, 768)  # the layout's design size (issue 13)
TITLE_BAR = 32  # room left for the window manager's title bar and borders, which the frame
BORDER = 8  # adds around the size we set


def fits(size: QSize, free: QRect) -> bool:
    """Whether a window (frame included) of this size fits the screen's free area."""
    return size.width() <= free.width() and size.height() <= free.height()


def first_run_geometry(free: QRect) -> QRect:
    """1366x768, or the free area less the frame if that is smaller, centred in it."""
    width = min(DEFAULT_SIZE[0], free.width() - 2 * BORDER)
    height = min(DEFAULT_SIZE[1], free.height() - TITLE_BAR - BORDER)
    left = free.x() + max(BORDER, (free.width() - width) // 2)
    top = free.y() + max(TITLE_BAR, (free.height() - height) // 2)
    return QRect(left, top, width, height)

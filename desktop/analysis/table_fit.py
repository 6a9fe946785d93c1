"""Result tables that show every column whole within the width they get (a 1280 px laptop
too): headers wrap onto up to three lines, numbers keep their width, and when the columns
together are wider than the table, the text columns (names, firms) wrap their cells onto more
lines instead of being cut or pushed off to the right. When even that is too wide (a
comparison of many scenarios), the headers that are wider than their numbers narrow too, down to
their numbers' width, and show what fits of their title, ended with '…' (the whole title in the
header's tooltip). Refitted whenever the table's width changes; a horizontal scroll bar appears
only when even the narrowest fit is too wide."""

from __future__ import annotations

import itertools

import numpy as np
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QTableView

HEADER_LINES = 3
HEADER_PAD = 16  # the header section's margins and a little air
WRAP = Qt.TextFlag.TextWordWrap
COMBINATIONS = 2000  # of text column widths tried at most: a refit stays a few ms


def readable(table: QTableView, widest: int = 200) -> None:
    """Wrapping headers, no row numbers, and columns kept fitted to the table's width."""
    header = ElidingHeader(table)
    table.setHorizontalHeader(header)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | WRAP)
    header.setMinimumHeight(HEADER_LINES * header.fontMetrics().lineSpacing() + 8)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)  # a cut value would be a guess
    table.viewport().installEventFilter(_Refit(table, widest))


def fit_columns(table: QTableView, widest: int | None = None) -> None:
    """Fit the columns to the table's rows and width now (call after the rows change)."""
    if table.findChild(_Refit) is None:
        readable(table, widest or 200)
    fitter = table.findChild(_Refit)
    if widest is not None:
        fitter.widest = widest
    fitter.fit()


def header_width(metrics: QFontMetrics, text: str, lines: int = HEADER_LINES) -> int:
    """The narrowest section in which `text`, wrapped at its spaces, takes at most `lines`."""
    words = text.split(" ")  # not at a no-break space
    if not text.strip():
        return HEADER_PAD
    width = max(metrics.horizontalAdvance(w) for w in words)
    while wrapped_lines(metrics, text, width) > lines:
        width += 2
    return width + HEADER_PAD


def wrapped_lines(metrics: QFontMetrics, text: str, width: int) -> int:
    box = metrics.boundingRect(QRect(0, 0, max(width, 1), 100_000), WRAP, text)
    return max(1, round(box.height() / metrics.lineSpacing()))


def elide_lines(metrics: QFontMetrics, text: str, width: int, lines: int = HEADER_LINES) -> str:
    """`text` wrapped at its spaces into at most `lines` lines of `width`, the last one ended
    with '…' when the rest does not fit (a word wider than the width is cut the same way)."""
    words, shown = text.split(" "), []
    while words and len(shown) < lines:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        shown.append(line)
    if words:
        shown[-1] = " ".join([shown[-1], *words]) + " "  # '…' even when it ends on a word
    elide = Qt.TextElideMode.ElideRight
    return "\n".join(metrics.elidedText(line, elide, width).rstrip() for line in shown)


class ElidingHeader(QHeaderView):
    """A horizontal header whose titles wrap onto its lines and, narrowed below what they need,
    end with '…' instead of being cut off mid-line (the whole title in the tooltip)."""

    def __init__(self, parent: QTableView):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logical: int) -> None:  # noqa: N802
        super().initStyleOptionForIndex(option, logical)
        lines = max(1, (self.height() - 8) // self.fontMetrics().lineSpacing())
        room = self.sectionSize(logical) - HEADER_PAD
        if option.text and wrapped_lines(self.fontMetrics(), option.text, room) > lines:
            option.text = elide_lines(self.fontMetrics(), option.text, room, lines)


class _Refit(QObject):
    def __init__(self, table: QTableView, widest: int):
        super().__init__(table)
        self.table = table
        self.widest = widest
        self._width = -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize and self.room() != self._width:
            self.fit()
        return False

    def room(self) -> int:
        """The viewport's width with room kept for the vertical scroll bar, so that the bar
        coming or going (rows growing taller) does not refit the columns again."""
        bar = self.table.verticalScrollBar()
        extent = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return self.table.viewport().width() - (0 if bar.isVisible() else extent)

    def fit(self) -> None:
        table, model = self.table, self.table.model()
        if model is None:
            return
        self._width = self.room()
        header_metrics = table.horizontalHeader().fontMetrics()
        pad = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 10
        need, least, text, heads, cells = {}, {}, {}, {}, {}
        for c in range(model.columnCount()):
            title = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            heads[c] = header_width(header_metrics, title)
            shown = [str(model.index(r, c).data() or "") for r in range(model.rowCount())]
            column = TextColumn(shown, table.fontMetrics(), pad)
            cells[c] = min(self.widest, column.one_line)
            values = [model.index(r, c).data(Qt.ItemDataRole.UserRole) for r in range(3)]
            if any(isinstance(v, str) for v in values):  # names and words: may wrap
                text[c] = column
                cells[c] = min(cells[c], column.longest_word)
        head = header_cap(heads, cells, self._width, header_metrics)
        for c in heads:
            one_line = min(self.widest, text[c].one_line) if c in text else cells[c]
            need[c] = max(head[c], one_line)
            least[c] = max(head[c], cells[c])
        widths = shrink_to(need, least, text, self._width)
        for c, width in widths.items():
            table.setColumnWidth(c, width)
        wraps = any(column.one_line > widths[c] for c, column in text.items())
        table.setWordWrap(wraps)
        rows = table.verticalHeader()
        for r in range(model.rowCount()):  # a wrapped row gets its lines and some air
            taller = table.sizeHintForRow(r) + 6 if wraps else 0
            rows.resizeSection(r, max(rows.defaultSectionSize(), taller))


def header_cap(
    heads: dict[int, int], cells: dict[int, int], room: int, metrics: QFontMetrics
) -> dict[int, int]:
    """Each column's header width: what its title needs on its lines, unless the columns at
    their narrowest are then wider than `room`: the widest titles narrow alike (their ends
    elided), never below the column's cells or a few letters."""
    few = 3 * metrics.averageCharWidth() + metrics.horizontalAdvance("…") + HEADER_PAD
    if sum(max(heads[c], cells[c]) for c in heads) <= room:
        return dict(heads)

    def widths(cap: int) -> dict[int, int]:
        return {c: min(heads[c], max(cap, few)) for c in heads}

    low, high = 0, max(heads.values(), default=0)
    while low < high:  # the widest cap at which the columns fit
        cap = (low + high + 1) // 2
        fits = sum(max(w, cells[c]) for c, w in widths(cap).items()) <= room
        low, high = (cap, high) if fits else (low, cap - 1)
    return widths(low)


class TextColumn:
    """A column's cells as shown: how wide on one line, and how many lines at a width."""

    def __init__(self, cells: list[str], metrics: QFontMetrics, pad: int):
        self.cells, self.metrics, self.pad = cells, metrics, pad
        self.one_line = max((metrics.horizontalAdvance(s) for s in cells), default=0) + pad
        words = [w for s in cells for w in s.split(" ")]
        self.longest_word = max((metrics.horizontalAdvance(w) for w in words), default=0) + pad
        self._lines: dict[tuple[str, int], int] = {}

    def lines(self, row: int, width: int) -> int:
        key = (self.cells[row], width)
        if key not in self._lines:
            self._lines[key] = wrapped_lines(self.metrics, key[0], width - self.pad)
        return self._lines[key]

    def breaks(self) -> set[int]:
        """The widths at which a cell's lines change: a line is a run of its words."""
        found = set()
        for cell in set(self.cells):
            words = cell.split(" ")
            for i in range(len(words)):
                for j in range(i + 1, min(len(words), i + 6) + 1):
                    found.add(self.metrics.horizontalAdvance(" ".join(words[i:j])) + self.pad)
        return found


def shrink_to(
    need: dict[int, int], least: dict[int, int], text: dict[int, TextColumn], room: int
) -> dict[int, int]:
    """Each column at the width it needs; when together they are wider than `room`, the
    `text` columns narrow so that the rows take the fewest lines (a row is as tall as its
    most wrapped cell), none below its `least`; the room left goes to the columns that wrap."""
    if sum(need.values()) <= room or not text:
        return dict(need)
    fixed = sum(w for c, w in need.items() if c not in text)
    most = max(3, round(COMBINATIONS ** (1 / len(text))))  # widths tried per text column
    options = [
        widths_to_try(least[c], need[c], column.breaks(), most) for c, column in text.items()
    ]
    rows = range(len(next(iter(text.values())).cells))
    lines = [  # per text column: each option's lines in each row
        np.array([[column.lines(r, w) for r in rows] for w in widths])
        for column, widths in zip(text.values(), options, strict=True)
    ]
    best: tuple[int, tuple[int, ...]] | None = None
    for picks in itertools.product(*(range(len(o)) for o in options)):
        combo = tuple(o[k] for o, k in zip(options, picks, strict=True))
        if fixed + sum(combo) <= room:
            tallest = np.max([table[k] for table, k in zip(lines, picks, strict=True)], axis=0)
            total = int(tallest.sum())
            if best is None or total < best[0]:
                best = (total, combo)
    if best is None:  # as narrow as they go: the table scrolls
        return {c: least[c] if c in text else need[c] for c in need}
    widths = dict(need) | dict(zip(text, best[1], strict=True))
    short = [c for c in text if widths[c] < need[c]]
    spare = room - sum(widths.values())
    for k, c in enumerate(short):
        widths[c] = min(need[c], widths[c] + spare // (len(short) - k))
        spare = room - sum(widths.values())
    return widths


def widths_to_try(least: int, need: int, breaks: set[int], most: int = 40) -> list[int]:
    """The widths between `least` and `need` where a cell's lines change (at most `most`)."""
    found = sorted({least, need, *(w for w in breaks if least < w < need)}, reverse=True)
    if len(found) > most:
        found = [found[round(i * (len(found) - 1) / (most - 1))] for i in range(most)]
    return found

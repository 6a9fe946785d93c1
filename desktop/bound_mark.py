"""The negotiation bound on the what-if panel: a mark on India's offtake slider where the target
is just reached, and one line of text (model/bounds.py computes it)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget

from model.bounds import Bounds, deal_bounds
from model.domain import DealStatus
from model.optimise_model import PlanRequestError
from model.portfolio import Portfolio
from model.scenario import Scenario

MARK_COLOUR = "#c0392b"


class SliderMark(QWidget):
    """A red tick over a slider at one of its values; lets the mouse through to the slider."""

    def __init__(self, slider: QSlider):
        super().__init__(slider)
        self.setObjectName("boundMark")
        self.slider = slider
        self.value: int | None = None  # in slider steps
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        slider.installEventFilter(self)
        self.resize(slider.size())
        self.hide()

    def set_value(self, value: int | None) -> None:
        self.value = value
        self.setVisible(value is not None)
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.slider and event.type() == QEvent.Type.Resize:
            self.resize(self.slider.size())
        return False

    def x_position(self) -> float:
        """Pixel centre of the value along the groove, as the style places the handle."""
        option = QStyleOptionSlider()
        self.slider.initStyleOption(option)
        style = self.slider.style()
        groove = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self.slider
        )
        handle = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self.slider
        )
        span = groove.width() - handle.width()
        offset = QStyle.sliderPositionFromValue(
            self.slider.minimum(), self.slider.maximum(), self.value or 0, span
        )
        return groove.x() + handle.width() / 2 + offset

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        if self.value is None:
            return
        x = self.x_position()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(MARK_COLOUR), 2))
        painter.drawLine(QPointF(x, 1), QPointF(x, self.height() - 1))
        painter.setBrush(QColor(MARK_COLOUR))
        painter.drawPolygon(QPolygonF([QPointF(x - 4, 0), QPointF(x + 4, 0), QPointF(x, 5)]))
        painter.end()


def block_bound(
    portfolio: Portfolio,
    block_id: str,
    year: int,
    scenario: Scenario | None,
    start: int,
    end: int,
) -> tuple[Bounds, float | None] | None:
    """The bound for the block's live deal with the largest offtake, and India's *total* share
    of the block at that bound (what the offtake slider shows). None without a live deal."""
    live = [
        d for d in portfolio.deals if d.block_id == block_id and d.status != DealStatus.rejected
    ]
    if not live:
        return None
    deal = max(live, key=lambda d: (d.offtake_share, d.id))
    try:
        bounds = deal_bounds(portfolio, deal.id, year, scenario=scenario, start=start, end=end)
    except PlanRequestError:
        return None
    others = sum(d.offtake_share for d in live if d.id != deal.id)
    share = bounds.min_offtake_share if bounds.reachable else None
    return bounds, (None if share is None else others + share)

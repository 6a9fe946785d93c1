"""Where supply comes from: blocks on an offline world map (Natural Earth 1:110m outlines).

Markers are coloured by the furthest status among the block's deals and sized by its expected
magnets in the target year; India's MoU partners are shaded. Hover names a block and its
contribution; clicking selects it in the tables, and a selection elsewhere rings it here.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QColor, QPainterPath, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem, QLabel, QVBoxLayout, QWidget

from desktop.session import PortfolioSession
from model.countries import country_name
from model.domain import DealStatus
from model.geo import countries, mou_countries, outline_path

# Furthest first: the reverse of the order a deal advances (model.domain), then the rejected.
STATUS_ORDER = [
    *(s.value for s in reversed(DealStatus) if s is not DealStatus.rejected),
    DealStatus.rejected.value,
    "none",
]
STATUS_COLOURS = {
    "acquired": "#1B7837",
    "signed": "#5AAE61",
    "mou": "#0072B2",
    "negotiating": "#E69F00",
    "candidate": "#8C8C8C",
    "rejected": "#D9D9D9",
    "none": "#FFFFFF",
}
STATUS_LABELS = {"mou": "MoU", "none": "no deal"}
LAND, MOU = QColor("#EDEDED"), QColor("#F9D3A5")
MIN_SIZE, MAX_SIZE = 8.0, 34.0


def land_path(selected: set[str] | None = None) -> QPainterPath:
    path = QPainterPath()
    for country in countries():
        if selected is not None and country.iso_a3 not in selected:
            continue
        for strip in country.strips:
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in strip]))
    return path


def best_status(statuses: list[DealStatus]) -> str:
    values = {s.value for s in statuses}
    return next((s for s in STATUS_ORDER if s in values), "none")


class MapView(QWidget):
    blockClicked = Signal(str)

    def __init__(self, session: PortfolioSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mapPanel")
        self.session = session
        self.heading = QLabel(objectName="mapHeading")
        self.plot_widget = pg.PlotWidget(objectName="mapView")
        self.plot_widget.setBackground("#F4F8FB")  # sea
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setAspectLocked(True)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self._draw_world()
        self.markers = pg.ScatterPlotItem(hoverable=True, tip=self._tip, pxMode=True)
        self.markers.sigClicked.connect(self._on_click)
        self.plot.addItem(self.markers)
        self.ring = pg.ScatterPlotItem(
            size=44, pen=pg.mkPen("#B00020", width=3), brush=None, symbol="o"
        )
        self.plot.addItem(self.ring)
        # The key sits in the heading: inside a panel this small, any legend would hide blocks.
        self.key = QLabel(objectName="mapKey", wordWrap=True)
        self.key.setText(
            "Deal: "
            + " ".join(
                f"<span style='color:{STATUS_COLOURS[s] if s != 'none' else '#999999'}'>"
                f"{'●' if s != 'none' else '○'}</span> {STATUS_LABELS.get(s, s)}"
                for s in STATUS_ORDER
            )
            + f" &nbsp; <span style='color:{MOU.name()}'>■</span> India MoU country"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.key)
        layout.addWidget(self.plot_widget)
        self.spots: dict[str, dict] = {}
        self.selected_block = ""
        self.fit_blocks()

    def _draw_world(self) -> None:
        for path, colour in ((land_path(), LAND), (land_path(set(mou_countries())), MOU)):
            item = QGraphicsPathItem(path)
            item.setBrush(pg.mkBrush(colour))
            item.setPen(pg.mkPen(None))
            self.plot.addItem(item)
        x, y, connect = outline_path()
        self.plot.addItem(
            pg.PlotCurveItem(x, y, connect=connect, pen=pg.mkPen("#9A9A9A", width=0.7))
        )

    def refresh(self) -> None:
        s = self.session
        projection = s.projection
        i = projection.year_index(s.target_year)
        magnets = projection.by_block()[:, i]
        biggest = float(magnets.max()) if magnets.size and magnets.max() > 0 else 1.0
        statuses: dict[str, list[DealStatus]] = {}
        for deal in s.portfolio.deals:
            statuses.setdefault(deal.block_id, []).append(deal.status)
        self.spots = {}
        spots = []
        for b, block in enumerate(s.portfolio.blocks):
            if block.lat is None or block.lon is None:
                continue
            status = best_status(statuses.get(block.id, []))
            size = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * np.sqrt(max(magnets[b], 0.0) / biggest)
            info = {
                "id": block.id,
                "name": block.name,
                "stage": block.stage.value,
                "status": status,
                "magnets": float(magnets[b]),
                "country": block.country,
                "size": float(size),
            }
            self.spots[block.id] = info
            spots.append(
                {
                    "pos": (block.lon, block.lat),
                    "size": size,
                    "data": block.id,
                    "brush": pg.mkBrush(STATUS_COLOURS[status]),
                    "pen": pg.mkPen("#333333", width=1),
                }
            )
        self.markers.setData(spots)
        mode = projection.inputs.mode.value
        missing = len(s.portfolio.blocks) - len(spots)
        self.heading.setText(
            f"Blocks by deal status; size = expected magnets in {s.target_year} ({mode})"
            + (f". {missing} block(s) without coordinates are not shown." if missing else ".")
        )
        self.select_block(self.selected_block)

    def fit_blocks(self) -> None:
        """Show every block with coordinates, and India."""
        lons = [b.lon for b in self.session.portfolio.blocks if b.lon is not None] + [78.0]
        lats = [b.lat for b in self.session.portfolio.blocks if b.lat is not None] + [22.0]
        self.plot.setXRange(min(lons) - 20, max(lons) + 20, padding=0)
        self.plot.setYRange(max(min(lats) - 15, -90), min(max(lats) + 25, 90), padding=0)

    def hover_text(self, block_id: str) -> str:
        info = self.spots[block_id]
        return (
            f"{info['name']} ({country_name(info['country'])})\n{info['stage']}, deal: "
            f"{STATUS_LABELS.get(info['status'], info['status'])}\n"
            f"{info['magnets']:,.0f} t magnets in {self.session.target_year} (expected)"
        )

    def _tip(self, x: float, y: float, data: str) -> str:
        return self.hover_text(data)

    def _on_click(self, _item, points, _event=None) -> None:
        if len(points):
            self.blockClicked.emit(points[0].data())

    def select_block(self, block_id: str) -> None:
        self.selected_block = block_id
        info = self.spots.get(block_id)
        block = next((b for b in self.session.portfolio.blocks if b.id == block_id), None)
        if info is None or block is None:
            self.ring.setData([])
            return
        self.ring.setData([block.lon], [block.lat])

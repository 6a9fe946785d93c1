"""The working area for one open portfolio: tables and detail on the left, charts and the
what-if panel on the right. Built anew for each portfolio the window opens."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

from desktop.block_detail import BlockDetail
from desktop.charts.capacity_chart import CapacityChart
from desktop.charts.projection_chart import ProjectionChart, rank_groups, stacked_groups
from desktop.columns import TITLES
from desktop.records_view import RecordsView
from desktop.session import PortfolioSession
from desktop.what_if_panel import WhatIfPanel
from model.countries import country_name
from model.projection import Projection


class PortfolioView(QSplitter):
    message = Signal(str)

    def __init__(self, session: PortfolioSession, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("portfolioView")
        self.session = session
        self.group_by = "country"
        self.preview: Projection | None = None

        self.tabs = QTabWidget()
        self.views = {kind: RecordsView(session, kind) for kind in TITLES}
        for kind, view in self.views.items():
            self.tabs.addTab(view, TITLES[kind])
            view.message.connect(self.message)
        self.detail = BlockDetail(session)
        self.left = QSplitter(Qt.Orientation.Vertical, objectName="leftSplitter")
        self.left.addWidget(self.tabs)
        self.left.addWidget(self.detail)
        self.left.setSizes([520, 260])

        self.projection_chart = ProjectionChart()
        self.capacity_chart = CapacityChart()
        self.what_if = WhatIfPanel(session)
        self.what_if.message.connect(self.message)
        self.lower = QSplitter(Qt.Orientation.Horizontal, objectName="lowerSplitter")
        self.lower.addWidget(self.capacity_chart)
        self.lower.addWidget(self.what_if)
        self.lower.setSizes([580, 320])
        self.right = QSplitter(Qt.Orientation.Vertical, objectName="rightSplitter")
        self.right.addWidget(self.projection_chart)
        self.right.addWidget(self.lower)
        self.right.setSizes([480, 320])

        self.addWidget(self.left)
        self.addWidget(self.right)
        self.setSizes([560, 800])

        self.views["blocks"].selectionChangedTo.connect(self._on_block_selected)
        self.views["deals"].selectionChangedTo.connect(self.what_if.set_deal)
        self.what_if.previewChanged.connect(self._on_preview)
        session.projectionChanged.connect(self.refresh_charts)
        self.refresh_charts()

    def dispose(self) -> None:
        """Called before this view goes away (window closed, another portfolio opened)."""
        self.session.projectionChanged.disconnect(self.refresh_charts)
        self.projection_chart.dispose()
        self.capacity_chart.dispose()

    def splitters(self) -> dict[str, QSplitter]:
        return {"main": self, "left": self.left, "right": self.right, "lower": self.lower}

    def set_group_by(self, group_by: str) -> None:
        self.group_by = group_by
        self.refresh_charts()

    def _on_block_selected(self, block_id: str) -> None:
        self.detail.show_block(block_id)
        self.what_if.set_block(block_id)

    def _on_preview(self, preview: Projection | None) -> None:
        self.preview = preview
        self.refresh_charts()

    def labelled(self, projection: Projection) -> dict[str, np.ndarray]:
        if self.group_by == "block":
            names = {b.id: b.name for b in self.session.portfolio.blocks}
            rows = projection.by_block()
            return {names[b]: rows[i] for i, b in enumerate(projection.inputs.block_ids)}
        return {country_name(c): v for c, v in projection.by_country().items()}

    def groups(self, projection: Projection):
        """Stacks of `projection`, in the order of the base projection (stable under what-if)."""
        order = rank_groups(self.labelled(self.session.projection))
        return stacked_groups(self.labelled(projection), order)

    def refresh_charts(self) -> None:
        base = self.session.projection
        shown = self.preview or base
        ghost = base if self.preview is not None else None
        self.projection_chart.show_projection(
            shown, self.groups(shown), ghost=ghost, target_year=self.session.target_year
        )
        self.capacity_chart.show_projection(shown)

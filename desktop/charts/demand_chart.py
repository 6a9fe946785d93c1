"""India's demand for sintered rare-earth (NdFeB) magnets against domestic output: the import gap
shaded, China's part of it marked darker. Arrays come from model.demand.balance only.

`DemandView` adds the sourced presets and an editor for the demand path (one undoable edit each),
a summary of the target year (marked, with the figures without it, while a what-if is under
way) and the demand figures' sourced values.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import operations, style
from desktop.charts.base import Chart
from desktop.columns import editor_range
from desktop.session import PortfolioSession
from desktop.sourced_value_html import choose_from_link, typed_row, value_row
from model.demand import (
    FIELD_LABELS,
    IMPORTS_NOTE,
    PRESETS,
    UNIT,
    Demand,
    DemandBalance,
    apply_preset,
    demand_balance,
)
from model.domain import YEAR_MAX, YEAR_MIN
from model.evidence import own_unit, register
from model.projection import Projection
from model.source_text import readable_source
from model.store import InvalidEdit

IMPORTS = QColor(176, 0, 32, 55)
CHINA = QColor(176, 0, 32, 130)
DEMAND = "#1F3A93"
BAR_WIDTH = 0.72
CHART_MIN_HEIGHT = 120  # a floor for the divider: the splitter starts it higher
SOURCES_MIN_LINES = 3
TITLE = "Sintered rare-earth (NdFeB) magnet demand against domestic output"
BEFORE = "Before what-if"  # domestic output, as the projection chart names its ghost line
PREVIEW_STYLE = "QLabel { background: #FFF4D6; border: 1px solid #D9A800; padding: 3px; }"


class DemandChart(Chart):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(TITLE, "Magnets (t/yr)", parent, legend_below=True, legend_columns=3)
        # The tab says what it is; the title's 30 px go to the bars (as the projection chart)
        self.plot.setTitle(None)
        self.plot.setToolTip(TITLE)
        # Tighter margins round the legend and the plot: on a 720 px screen the sources pane
        # below shares the height, and these 20 px are better spent on the bars.
        self.legend.layout.setContentsMargins(2, 0, 2, 0)
        self.ci.layout.setContentsMargins(4, 4, 4, 2)
        self.setObjectName("demandPlot")
        self.balance: DemandBalance | None = None
        self.series: dict[str, np.ndarray] = {}  # what is drawn, by legend name (tests read it)
        self._items: dict[str, pg.GraphicsObject] = {}
        self._swatches: list[pg.PlotDataItem] = []

    def show_balance(self, found: DemandBalance, before: DemandBalance | None = None) -> None:
        """`before`: the balance without the what-if under way, its domestic output drawn as
        the projection chart draws the magnets before a what-if (a violet dash-dot line)."""
        if not self._items:
            self._build()
        self.balance = found
        years = found.years.astype(float)
        china_base = found.domestic + (found.imports - found.china_imports)
        self.series = {
            "Demand": found.demand,
            "Domestic output": found.domestic,
            "Imports": found.imports,
            "of which from China": found.china_imports,
        }
        width = np.full(len(years), BAR_WIDTH)
        self._items["imports"].setOpts(
            x=years, y0=found.domestic, height=found.imports, width=width
        )
        self._items["china"].setOpts(
            x=years, y0=china_base, height=found.china_imports, width=width
        )
        self._items["demand"].setData(years, found.demand)
        self._items["domestic"].setData(years, found.domestic)
        self._show_before(before)
        peak = max(float(found.demand.max(initial=0)), float(found.domestic.max(initial=0)))
        self.fit_height(peak, 1.15)
        self.plot.setXRange(years[0] - 0.6, years[-1] + 0.6, padding=0)

    def _show_before(self, before: DemandBalance | None) -> None:
        line = self._items["before"]
        if before is None:
            self.series.pop(BEFORE, None)
            line.setData([], [])
            if line in [sample.item for sample, _label in self.legend.items]:
                self.legend.removeItem(line)
            return
        self.series[BEFORE] = before.domestic
        line.setData(before.years.astype(float), before.domestic)
        if line not in [sample.item for sample, _label in self.legend.items]:
            self.legend.addItem(line, BEFORE)

    def _build(self) -> None:
        none = np.zeros(0)
        self._items["imports"] = pg.BarGraphItem(
            x=none, y0=none, height=none, width=BAR_WIDTH, brush=IMPORTS, pen=pg.mkPen(None)
        )
        self._items["china"] = pg.BarGraphItem(
            x=none, y0=none, height=none, width=BAR_WIDTH, brush=CHINA, pen=pg.mkPen(None)
        )
        self.plot.addItem(self._items["imports"])
        self.plot.addItem(self._items["china"])
        for name, colour in (("Imports (the gap)", IMPORTS), ("of which from China", CHINA)):
            swatch = pg.PlotDataItem([], [], pen=None, fillLevel=0, fillBrush=pg.mkBrush(colour))
            self._swatches.append(swatch)
            self.legend.addItem(swatch, name)
        self._items["demand"] = self.plot.plot(
            [0], [0], name="Demand", pen=pg.mkPen(DEMAND, width=2.5), symbol="o", symbolSize=5,
            symbolBrush=DEMAND,
        )  # fmt: skip
        self._items["domestic"] = self.plot.plot(
            [0], [0], name="Domestic output (projection)", pen=pg.mkPen(style.SUPPLY, width=2.5),
            symbol="s", symbolSize=5, symbolBrush=style.SUPPLY,
        )  # fmt: skip
        self._items["before"] = pg.PlotDataItem(
            [], [], pen=pg.mkPen(style.GHOST, width=2, style=Qt.PenStyle.DashDotLine)
        )
        self.plot.addItem(self._items["before"])  # in the legend only while a what-if is on


def summary_line(found: DemandBalance, year: int) -> str:
    """The target year's demand, output, imports and self-sufficiency in words."""
    if year not in found.years:
        return ""
    i = found.year_index(year)
    ratio = found.self_sufficiency[i]
    share = "n/a" if np.isnan(ratio) else f"{ratio:.0%}"
    text = (
        f"{year}: demand {found.demand[i]:,.0f} t, domestic {found.domestic[i]:,.0f} t, "
        f"imports {found.imports[i]:,.0f} t (China {found.china_imports[i]:,.0f} t), "
        f"self-sufficiency {share}"
    )
    if found.surplus[i] > 0:
        text += f", surplus {found.surplus[i]:,.0f} t"
    return text


def preview_lines(found: DemandBalance, before: DemandBalance, year: int) -> str:
    """The target year with a what-if under way, and without it (the figures of the status
    bar), so the two import figures on screen are never mistaken for one another."""
    if year not in found.years:
        return ""
    k = before.year_index(year)
    return (
        f"<b>What-if (not applied)</b> {html.escape(summary_line(found, year))}<br>"
        f"Before the what-if, as in the status bar: domestic {before.domestic[k]:,.0f} t, "
        f"imports {before.imports[k]:,.0f} t (China {before.china_imports[k]:,.0f} t)"
    )


def sources_html(portfolio) -> str:
    """The demand figures' sourced values: in use marked, the others with 'use this'."""
    esc = html.escape
    figures = [
        (record, field, values)
        for (kind, record, field), values in register(portfolio).items()
        if kind == "demand"
    ]
    if not figures:
        return "<p style='color:#666'>No sourced values for the demand figures.</p>"
    parts = [f"<p style='color:#555'>{esc(IMPORTS_NOTE)}</p><table cellpadding='2'>"]
    for record, field, values in figures:
        parts.append(f"<tr><td colspan=2><b>{esc(FIELD_LABELS.get(field, field))}</b></td></tr>")
        parts.append(typed_row(portfolio, "demand", record, field, own_unit(values) or ""))
        parts.extend(value_row(portfolio, e) for e in sorted(values, key=lambda v: -v.chosen))
    parts.append("</table>")
    return "".join(parts)


class DemandDialog(QDialog):
    """Edit the demand path: base and horizon figures, China's share, per-year overrides."""

    def __init__(self, demand: Demand, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Demand path")
        self.setObjectName("demandDialog")
        self.demand = demand
        form = QFormLayout(self)
        form.addRow(QLabel(f"In {UNIT}: rare-earth magnets, not all permanent magnets."))

        def year_box(value: int) -> QSpinBox:
            box = QSpinBox()
            box.setRange(YEAR_MIN, YEAR_MAX)
            box.setValue(value)
            return box

        def tonnes_box(field: str) -> QDoubleSpinBox:
            value = getattr(demand, field)
            box = QDoubleSpinBox()
            box.setRange(*editor_range(Demand.model_fields[field]))
            box.setDecimals(0)
            box.setGroupSeparatorShown(True)
            box.setValue(value)
            return box

        self.base_year, self.base_t = year_box(demand.base_year), tonnes_box("base_t")
        self.horizon_year = year_box(demand.horizon_year)
        self.horizon_t = tonnes_box("horizon_t")
        self.china = QDoubleSpinBox()
        low, high = editor_range(Demand.model_fields["china_share"])
        self.china.setRange(100 * low, 100 * high)
        self.china.setDecimals(1)
        self.china.setSuffix(" %")
        self.china.setValue(100 * demand.china_share)
        self.path = QLineEdit(", ".join(f"{y}: {t:g}" for y, t in sorted(demand.path.items())))
        self.path.setPlaceholderText("e.g. 2027: 5000, 2028: 5600")
        self.source = QLineEdit(demand.source)
        for field in ("base_year", "base_t", "horizon_year", "horizon_t"):
            form.addRow(FIELD_LABELS[field], getattr(self, field))
        form.addRow(FIELD_LABELS["china_share"], self.china)
        form.addRow("Per-year overrides", self.path)
        form.addRow("Source", self.source)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def edited(self) -> Demand:
        """The demand as entered; ValueError (one line) when it is not a valid path."""
        path: dict[int, float] = {}
        for part in filter(None, (p.strip() for p in self.path.text().split(","))):
            year, sep, tonnes = part.partition(":")
            try:
                path[int(year)] = float(tonnes)
            except ValueError:
                raise ValueError(f"'{part}' is not 'year: tonnes'") from None
            if not sep:
                raise ValueError(f"'{part}' is not 'year: tonnes'")
        try:
            return Demand(
                base_year=self.base_year.value(),
                base_t=self.base_t.value(),
                horizon_year=self.horizon_year.value(),
                horizon_t=self.horizon_t.value(),
                china_share=self.china.value() / 100,
                china_share_path=self.demand.china_share_path,
                path=path,
                source=self.source.text().strip(),
            )
        except ValueError as exc:
            errors = getattr(exc, "errors", None)
            first = errors()[0]["msg"] if callable(errors) else str(exc)
            raise ValueError(first.removeprefix("Value error, ")) from None


class DemandView(QWidget):
    """The demand chart with its presets, editor and target-year summary."""

    def __init__(self, session: PortfolioSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("demandView")
        self.session = session
        self.chart = DemandChart()
        self.presets = QComboBox(objectName="demandPreset")
        self.presets.addItem("Apply a sourced preset...", "")
        for key, preset in PRESETS.items():
            self.presets.addItem(preset.name, key)
            self.presets.setItemData(self.presets.count() - 1, preset.source, Qt.ToolTipRole)
        self.presets.activated.connect(self._on_preset)
        self.presets.setToolTip("Replace the demand path with a sourced one (one undo step)")
        edit = QPushButton("Edit demand path...", objectName="editDemand")
        edit.setToolTip("Set demand in the base and horizon years, with its source")
        edit.clicked.connect(self.edit)
        self.summary = QLabel(objectName="demandSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        row = QHBoxLayout()
        row.addWidget(self.presets)
        row.addWidget(edit)
        row.addStretch(1)
        # The demand figures' sourced values, the one in use marked, the others usable instead
        self.sources = QTextBrowser(objectName="demandSources")
        self.sources.setOpenLinks(False)  # offline: sources are shown, never fetched
        self.sources.anchorClicked.connect(self._on_link)
        # The chart over the sources, both readable at 1366x768: the sources start with about
        # two fifths of the height (9 lines there, not 2) and the divider is remembered.
        lines = self.sources.fontMetrics().lineSpacing()
        self.chart.setMinimumHeight(CHART_MIN_HEIGHT)
        self.sources.setMinimumHeight(SOURCES_MIN_LINES * lines + 8)
        self.split = QSplitter(Qt.Orientation.Vertical, objectName="demandSplitter")
        self.split.addWidget(self.chart)
        self.split.addWidget(self.sources)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([300, 200])
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.split, 1)
        self.projection: Projection | None = None
        self.before: Projection | None = None
        session.portfolioChanged.connect(self._on_portfolio_changed)

    def _on_portfolio_changed(self, _changes: list) -> None:
        self.refresh()  # the demand or its sourced values may have changed

    def show_projection(self, projection: Projection, before: Projection | None = None) -> None:
        """Show `projection`; `before`: the projection without the what-if it includes."""
        self.projection, self.before = projection, before
        self.refresh()

    def refresh(self) -> None:
        projection = self.projection or self.session.projection
        demand = self.session.portfolio.demand
        found = demand_balance(projection, demand)
        before = demand_balance(self.before, demand) if self.before is not None else None
        self.chart.show_balance(found, before)
        year = self.session.target_year
        if before is None:
            self.summary.setText(html.escape(summary_line(found, year)))
            self.summary.setStyleSheet("")
        else:
            self.summary.setText(preview_lines(found, before, year))
            self.summary.setStyleSheet(PREVIEW_STYLE)
        self.summary.setToolTip(f"Demand: {readable_source(demand.source)}")
        self.sources.setHtml(sources_html(self.session.portfolio))

    def _on_link(self, url) -> None:
        choose_from_link(self, self.session, url)

    def _on_preset(self, index: int) -> None:
        key = self.presets.itemData(index)
        self.presets.setCurrentIndex(0)
        if key:
            demand = apply_preset(self.session.portfolio.demand, key)
            self._apply(demand, f"Demand preset: {PRESETS[key].name}")

    def edit(self) -> None:
        dialog = DemandDialog(self.session.portfolio.demand, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                demand = dialog.edited()
            except ValueError as exc:
                QMessageBox.warning(self, "Demand path", str(exc))
                continue
            self._apply(demand, "Edit demand path")
            return

    def _apply(self, demand: Demand, text: str) -> None:
        try:
            operations.set_demand(self.session, demand, text)
        except InvalidEdit as exc:
            QMessageBox.warning(self, "Demand path", "\n".join(exc.problems))

"""The briefing: a PDF for a minister, made with Qt's own writer (QTextDocument + QPdfWriter).

Every number comes from model/ (projection, Monte Carlo, ranking, concentration); the charts are
the app's own, rendered off screen. Confidential fields are left out unless included.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from desktop.charts.capacity_chart import CapacityChart
from desktop.charts.projection_chart import ProjectionChart, stacked_groups
from desktop.style import STAGE_LABELS
from model.api import project
from model.assumptions import SCALARS, TABLES
from model.concentration import concentration, country_cuts
from model.countries import country_name
from model.montecarlo import MonteCarloResult, monte_carlo
from model.portfolio import Portfolio
from model.ranking import rank_deals
from model.redaction import redact

MARKING = "RESTRICTED — FOR OFFICIAL USE ONLY"
CHART_SIZE = (1100, 520)
esc = html.escape


def _table(headers: list[str], rows: list[list], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, value in enumerate(row):
            if isinstance(value, float):
                value = f"{value:,.0f}" if abs(value) >= 10 or value == 0 else f"{value:,.2f}"
            align = " align='right'" if i in numeric else ""
            cells.append(f"<td{align}>{esc(str(value if value is not None else '—'))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f"<table cellspacing='0' cellpadding='3' border='1'><tr>{head}</tr>{''.join(body)}</table>"
    )


def _chart_images(
    portfolio: Portfolio, projection, mc: MonteCarloResult, year: int
) -> tuple[QImage, QImage]:
    labelled = {country_name(c): v for c, v in projection.by_country().items()}
    chart = ProjectionChart()
    chart.resize(*CHART_SIZE)
    chart.show_projection(projection, stacked_groups(labelled), target_year=year, band=mc)
    capacity = CapacityChart()
    capacity.resize(*CHART_SIZE)
    capacity.show_projection(projection)
    QApplication.processEvents()  # let the legends lay themselves out before the snapshot
    images = chart.grab().toImage(), capacity.grab().toImage()
    for widget in (chart, capacity):
        widget.dispose()
        widget.deleteLater()
    return images


def build_document(
    portfolio: Portfolio,
    *,
    year: int = 2030,
    include_confidential: bool = False,
    draws: int = 5000,
    seed: int = 1,
    today: date | None = None,
) -> QTextDocument:
    """The briefing as a QTextDocument (tests read its text; write_pdf prints it)."""
    shown = redact(portfolio, include_confidential)
    projection = project(portfolio)
    i = projection.year_index(year)
    mc = monte_carlo(portfolio, draws=draws, seed=seed)
    ranking = rank_deals(portfolio, year, draws=min(draws, 2000), seed=seed)
    conc = concentration(projection)
    cuts = country_cuts(portfolio, from_year=int(projection.years[0]), year=year)
    doc = QTextDocument()
    chart_image, capacity_image = _chart_images(portfolio, projection, mc, year)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart:projection"), chart_image)
    doc.addResource(
        QTextDocument.ResourceType.ImageResource, QUrl("chart:capacity"), capacity_image
    )
    doc.setDefaultStyleSheet(
        "body { font-family: 'DejaVu Sans'; font-size: 9pt; } h1 { font-size: 20pt; } "
        "h2 { font-size: 13pt; margin-top: 14px; } th { background: #E8E8E8; } "
        ".marking { color: #B00020; font-weight: bold; } .small { color: #555555; font-size: 8pt; }"
    )
    when = (today or date.today()).isoformat()
    p_target = mc.p_target[i]
    bottleneck = STAGE_LABELS[projection.bottleneck[i]]
    confidential = (
        "This copy <b>includes</b> confidential fields ("
        + esc(", ".join(portfolio.confidential_fields))
        + ")."
        if include_confidential
        else "Confidential fields ("
        + esc(", ".join(portfolio.confidential_fields) or "none")
        + ") are left out of this copy."
    )
    parts = [
        f"<p class='marking'>{MARKING}</p>",
        "<h1>REPM supply briefing</h1>",
        f"<h2>{esc(shown.name)}</h2>",
        f"<p>Prepared {when} with the REPM supply planner.</p>",
        f"<p>{confidential}</p>",
        "<p class='small'>Figures are model projections from the portfolio's sourced data and the "
        "assumptions listed at the end; blocks lacking a figure contribute nothing.</p>",
        "<div style='page-break-before: always'></div>",
        f"<p class='marking'>{MARKING}</p>",
        "<h2>Headline</h2>",
        f"<p><b>{year}</b>: {projection.magnets[i]:,.0f} t/yr of sintered NdFeB magnets expected "
        f"against a target of {projection.target[i]:,.0f} t/yr; gap {projection.gap[i]:,.0f} t/yr. "
        f"<b>P(target met in {year}) = {p_target:.0%}</b> over {mc.n:,} Monte Carlo draws. "
        f"Bottleneck in {year}: {esc(bottleneck)}.</p>",
        _table(
            [
                "Year",
                "Target (t)",
                "Magnets, expected (t)",
                "Gap (t)",
                "P50 (t)",
                "P(target)",
                "Bottleneck",
            ],
            [
                [
                    int(y),
                    float(projection.target[k]),
                    float(projection.magnets[k]),
                    float(projection.gap[k]),
                    float(mc.percentile(50)[k]),
                    f"{mc.p_target[k]:.0%}",
                    STAGE_LABELS[projection.bottleneck[k]],
                ]
                for k, y in enumerate(projection.years.tolist())
            ],
            numeric={0, 1, 2, 3, 4, 5},
        ),
        "<h2>Projection against the target</h2>",
        "<p><img src='chart:projection' width='1000'></p>",
        "<h2>Stage capacities against supply</h2>",
        "<p><img src='chart:capacity' width='1000'></p>",
        "<div style='page-break-before: always'></div>",
        f"<p class='marking'>{MARKING}</p>",
        f"<h2>What closing each open deal adds ({year})</h2>",
        _table(
            [
                "Deal",
                "Block",
                "Status",
                f"Added {year}, expected (t)",
                "Added total, expected (t)",
                f"Added {year}, P50 (t)",
            ],
            [
                [
                    v.deal_id,
                    v.block,
                    v.status,
                    v.added_year_expected_t,
                    v.added_total_expected_t,
                    v.added_year_p50_t,
                ]
                for v in ranking[:15]
            ],
            numeric={3, 4, 5},
        ),
        "<h2>Concentration of supply</h2>",
        f"<p>{year}: HHI {conc.hhi[i]:,.0f}; largest single-country dependence "
        + (
            f"{esc(country_name(conc.largest[i]))} {conc.largest_share[i]:.0%}"
            if conc.largest[i]
            else "none"
        )
        + ".</p>",
        _table(
            [
                "Country",
                f"Magnets lost in {year} if cut (t)",
                "Lost over horizon (t)",
                f"Gap in {year} (t)",
            ],
            [[c.name, c.magnets_lost_t, c.cumulative_lost_t, c.gap_t] for c in cuts],
            numeric={1, 2, 3},
        ),
        "<div style='page-break-before: always'></div>",
        f"<p class='marking'>{MARKING}</p>",
        "<h2>Assumptions and their sources</h2>",
        _assumptions_table(shown),
        f"<p>Target: {shown.target.default_tpa:,.0f} t/yr"
        + (
            f" (path: {esc(', '.join(f'{y}: {t:,.0f}' for y, t in sorted(shown.target.path.items())))})"
            if shown.target.path
            else ""
        )
        + f". Source: {esc(shown.target.source)}</p>",
        "<h2>Blocks and their sources</h2>",
        _table(
            ["Block", "Country", "Stage", "Nameplate (t/yr)", "Cost (USD m)", "Source", "As of"],
            [
                [
                    b.name,
                    country_name(b.country),
                    b.stage.value,
                    b.nameplate_tpa,
                    b.acquisition_cost_musd,
                    b.source or "—",
                    b.as_of or "—",
                ]
                for b in shown.blocks
            ],
            numeric={3, 4},
        ),
    ]
    deal_notes = [(d.id, d.notes) for d in shown.deals if d.notes]
    if deal_notes:
        parts.append("<h2>Deal notes</h2>")
        parts.append(_table(["Deal", "Notes"], [list(n) for n in deal_notes]))
    doc.setHtml("<body>" + "".join(parts) + "</body>")
    return doc


def _assumptions_table(portfolio: Portfolio) -> str:
    a = portfolio.assumptions
    rows = [
        [name, f"{getattr(a, name):.4g}", SCALARS[name].unit, a.source_of(name)] for name in SCALARS
    ]
    for table in TABLES:
        values = ", ".join(f"{k.value} {v:g}" for k, v in getattr(a, table).items())
        unit = "years (uniform 0..max)" if table.startswith("max_delay") else "probability"
        rows.append([table, values, unit, a.source_of(f"{table}.x")])
    return _table(["Assumption", "Value", "Unit", "Source"], rows)


def write_pdf(doc: QTextDocument, path: str | Path) -> int:
    """Print the document to an A4 PDF; returns the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle("REPM supply briefing")
    writer.setCreator("REPM supply planner")
    layout = writer.pageLayout()
    size = layout.paintRectPixels(writer.resolution()).size()
    doc.setPageSize(QSizeF(size.width(), size.height()))
    doc.print_(writer)
    return doc.pageCount()


def write_report(portfolio: Portfolio, path: str | Path, **kwargs) -> int:
    return write_pdf(build_document(portfolio, **kwargs), path)

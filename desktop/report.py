"""The briefing: a PDF for a minister, made with Qt's own writer (QTextDocument + QPdfWriter).

Every number comes from model/ (projection, Monte Carlo, ranking, concentration); the charts are
the app's own, rendered off screen. Confidential fields are left out unless included.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QApplication

from desktop.charts.capacity_chart import CapacityChart
from desktop.charts.demand_chart import DemandChart, summary_line
from desktop.charts.projection_chart import ProjectionChart, stacked_groups
from desktop.columns import COLUMNS
from desktop.labels import (
    ASSUMPTION_LABELS,
    MODE_RULES,
    PLANT_STAGE_WORDS,
    PLANT_UNITS,
    Names,
    field_label,
    plain_source,
    word,
)
from desktop.report_plan import plan_page
from desktop.style import STAGE_LABELS, country_colour
from model.api import project
from model.assumptions import CHOICES, SCALARS, TABLES
from model.band_words import MODE_FREE, band_figures, band_note, figure_meaning, figure_name
from model.choices import DRAWS, SEED
from model.concentration import CountryCut, concentration, country_cuts, largest_words
from model.countries import country_name
from model.demand import FIELD_LABELS as DEMAND_LABELS
from model.demand import DemandBalance, demand_balance
from model.evidence import conflicts
from model.files import private_output
from model.montecarlo import MonteCarloResult, monte_carlo
from model.number_text import chance, figure_text
from model.optimise import PlanResult
from model.portfolio import Portfolio
from model.projection import Projection
from model.ranking import DealValue, rank_deals
from model.redaction import redact
from model.scenario import HORIZON_END, HORIZON_START, TARGET_YEAR, Mode, Scenario

MARKING = "RESTRICTED — FOR OFFICIAL USE ONLY"
BAND_MM = 7  # header and footer bands, inside the page margins, that carry the marking
CHART_SIZE = (1100, 520)
esc = html.escape


def _headers(kind: str, *fields: str, units: bool = True) -> list[str]:
    """Headers of declared fields as the desktop's columns read them ('Nameplate (t/yr)'), or
    their labels alone where each cell states its unit."""
    columns = {c.field: c for c in COLUMNS[kind]}
    return [columns[f].header if units else columns[f].label for f in fields]


def _table(headers: list[str], rows: list[list], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, value in enumerate(row):
            if isinstance(value, float):
                value = _whole(value)
            align = " align='right'" if i in numeric else ""
            cells.append(f"<td{align}>{esc(str(value if value is not None else '—'))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f"<table cellspacing='0' cellpadding='3' border='1'><tr>{head}</tr>{''.join(body)}</table>"
    )


def _whole(value: float) -> str:
    """A float in a whole-tonnes column: whole with separators, never '4.50' beside '58'; a
    figure that would round to 0 but is not reads '< 1'."""
    return "< 1" if 0 < abs(value) < 0.5 else f"{value:,.0f}"


def _chart_images(projection, mc: MonteCarloResult, year: int) -> tuple[QImage, QImage]:
    labelled = {country_name(c): v for c, v in projection.by_country().items()}
    colours = {country_name(c): country_colour(c) for c in projection.by_country()}
    chart = ProjectionChart()
    chart.resize(*CHART_SIZE)
    chart.show_projection(
        projection, stacked_groups(labelled), target_year=year, band=mc, colours=colours
    )
    capacity = CapacityChart()
    capacity.resize(*CHART_SIZE)
    capacity.show_projection(projection)
    QApplication.processEvents()  # let the legends lay themselves out before the snapshot
    images = chart.grab().toImage(), capacity.grab().toImage()
    for widget in (chart, capacity):
        widget.dispose()
        widget.deleteLater()
    return images


def _demand_image(found: DemandBalance) -> QImage:
    chart = DemandChart()
    chart.resize(*CHART_SIZE)
    chart.show_balance(found)
    QApplication.processEvents()
    image = chart.grab().toImage()
    chart.dispose()
    chart.deleteLater()
    return image


def _demand_section(portfolio: Portfolio, found: DemandBalance, year: int) -> list[str]:
    """Demand against domestic output: the target year in words, the chart, the years."""
    demand = portfolio.demand
    return [
        "<h2>Demand and import dependence</h2>",
        f"<p>{esc(summary_line(found, year))}. In t of sintered rare-earth (NdFeB) magnets a "
        "year, not all permanent magnets. Imports = demand minus domestic output (when "
        "positive); China's part applies its share of India's permanent-magnet imports.</p>",
        "<p><img src='chart:demand' width='1000'></p>",
        _table(
            [
                "Year",
                "Demand (t)",
                "Domestic (t)",
                "Imports (t)",
                "From China (t)",
                "Self-sufficiency",
            ],
            [
                [
                    r["year"],
                    r["demand_t"],
                    r["domestic_t"],
                    r["import_t"],
                    r["china_import_t"],
                    "—" if r["self_sufficiency"] is None else f"{r['self_sufficiency']:.0%}",
                ]
                for r in found.rows()
            ],
            numeric={0, 1, 2, 3, 4, 5},
        ),
        f"<p class='small'>Demand: {esc(plain_source(demand.source))}</p>",
    ]


def figure_label(portfolio: Portfolio, kind: str, record_id: str, field: str) -> str:
    """'Mt Weld: Nameplate (t/yr)', 'India demand: China's share of magnet imports'."""
    if kind == "demand":
        return f"India demand: {DEMAND_LABELS.get(field, field)}"
    records = {r.id: r for r in getattr(portfolio, kind, [])}
    record = records.get(record_id)
    name = getattr(record, "name", None) or record_id
    headers = {c.field: c.header for c in COLUMNS.get(kind, [])}
    return f"{name}: {headers.get(field, field)}"


def _conflicts_section(portfolio: Portfolio) -> list[str]:
    """Figures with several sourced values: each value, its source and the one in use."""
    found = conflicts(portfolio)
    if not found:
        return []
    rows = []
    for (kind, record_id, field), values in found:
        label = figure_label(portfolio, kind, record_id, field)
        for e in sorted(values, key=lambda v: -v.chosen):
            rows.append(
                [
                    label,
                    _value_and_unit(kind, field, e.value, e.unit),
                    plain_source(e.source) + (f" ({e.url})" if e.url else ""),
                    e.as_of,
                    "in use" if e.chosen else "",
                ]
            )
    return [
        "<h2>Conflicting figures and their sources</h2>",
        "<p>Where sources disagree every value is kept; the one in use is marked. A block's "
        "sourced nameplates give its range in the sensitivity analysis.</p>",
        _table(["Figure", "Value", "Source", "As of", ""], rows),
    ]


def _value_and_unit(kind: str, field: str, value: float, unit: str) -> str:
    """'84.0 % (share of India's magnet imports from China)', '1,500 t NdPr oxide/yr': the
    value by its declared format (model.number_text), as the CLI and the register show it."""
    text = figure_text(kind, field, value)
    return f"{text} ({unit})" if text.endswith("%") else f"{text} {unit}"


@dataclass(frozen=True)
class BriefingFigures:
    """Everything the briefing states, computed off the GUI thread (pure model calls)."""

    portfolio: Portfolio
    scenario: Scenario | None
    mode: str
    year: int
    projection: Projection
    mc: MonteCarloResult
    ranking: list[DealValue]
    cuts: list[CountryCut]
    ranking_draws: int = DRAWS  # the ranking's P50: as the app's Deal ranking and `repm rank`
    seed: int = SEED


def compute_figures(
    portfolio: Portfolio,
    *,
    scenario: Scenario | None = None,
    mode: Mode | str | None = None,
    start: int = HORIZON_START,
    end: int = HORIZON_END,
    year: int = TARGET_YEAR,
    draws: int = DRAWS,
    seed: int = SEED,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BriefingFigures:
    """The briefing's numbers for one scenario, mode, horizon and target year. Raises
    ValueError (one line) when the year is outside the horizon."""
    if end < start:
        raise ValueError(f"horizon: end year {end} is before start year {start}")
    if not start <= year <= end:
        raise ValueError(f"target year {year} is outside the horizon {start}-{end}")
    report = progress or (lambda _f: None)
    projection = project(portfolio, mode=mode, scenario=scenario, start=start, end=end)
    mc = monte_carlo(
        portfolio,
        scenario,
        draws=draws,
        seed=seed,
        start=start,
        end=end,
        progress=lambda f: report(0.6 * f),
        cancelled=cancelled,
    )
    ranking = rank_deals(
        portfolio,
        year,
        scenario=scenario,
        draws=draws,
        seed=seed,
        start=start,
        end=end,
        progress=lambda f: report(0.6 + 0.35 * f),
        cancelled=cancelled,
    )
    cuts = country_cuts(
        portfolio, from_year=start, year=year, mode=mode, scenario=scenario, start=start, end=end
    )
    report(1.0)
    return BriefingFigures(
        portfolio,
        scenario,
        projection.inputs.mode.value,
        year,
        projection,
        mc,
        ranking,
        cuts,
        ranking_draws=draws,
        seed=seed,
    )


def build_document(
    portfolio: Portfolio,
    *,
    include_confidential: bool = False,
    today: date | None = None,
    plan: PlanResult | None = None,
    **settings,
) -> QTextDocument:
    """The briefing as a QTextDocument (tests read its text; write_pdf prints it). `settings`
    are compute_figures' (scenario, mode, start, end, year, draws, seed); `plan` adds the
    optional recommended-plan page."""
    figures = compute_figures(portfolio, **settings)
    return document_from(figures, include_confidential=include_confidential, today=today, plan=plan)


def _cover(f: BriefingFigures, shown: Portfolio, when: str, confidential: str) -> list[str]:
    p, i, year = f.projection, f.projection.year_index(f.year), f.year
    years = f"{int(p.years[0])}-{int(p.years[-1])}"
    scenario = f.scenario.name if f.scenario else "the portfolio as it is (no scenario)"
    headline = (
        f"{p.magnets[i]:,.0f} t/yr of magnets ({figure_name(f.mode, p.inputs.delayed)}) in {year} against a "
        f"target of {p.target[i]:,.0f} t/yr"
    )
    met = chance(f.mc.p_target[i], f.mc.n)
    chance_line = f"; chance of meeting the target: {met}" if p.target[i] > 0 else ""
    gap = "<br>" * 6
    return [
        gap,
        "<p align='center'><span style='font-size:30pt; font-weight:bold'>"
        "REPM supply briefing</span></p>",
        f"<p align='center'><span style='font-size:18pt'>{esc(shown.name)}</span></p>",
        gap,
        f"<p align='center'><span style='font-size:16pt; font-weight:bold'>{esc(headline)}"
        f"</span></p>",
        f"<p align='center'><span style='font-size:14pt'>"
        f"{esc(chance_line.lstrip('; ').capitalize())}</span></p>"
        if chance_line
        else "",
        f"<p align='center'><span style='font-size:12pt'>Bottleneck in {year}: "
        f"{esc(STAGE_LABELS[p.bottleneck[i]])}</span></p>",
        gap,
        f"<p align='center'><span style='font-size:11pt'>Scenario: {esc(scenario)}<br>"
        f"mode: {esc(f.mode)} ({esc(MODE_RULES[f.mode])})<br>years {years}</span></p>",
        f"<p align='center'><span style='font-size:11pt'>Prepared {when} with the REPM supply "
        f"planner</span></p>",
        f"<p align='center'>{confidential}</p>",
        gap,
        "<p class='small' align='center'>Figures are model projections from the portfolio's "
        "sourced data and the assumptions listed at the end; blocks lacking a figure contribute "
        "nothing.</p>",
    ]


def document_from(
    f: BriefingFigures,
    *,
    include_confidential: bool = False,
    today: date | None = None,
    plan: PlanResult | None = None,
) -> QTextDocument:
    """Lay out computed figures as a document (GUI thread: the charts are widgets)."""
    portfolio, projection, mc, year = f.portfolio, f.projection, f.mc, f.year
    shown = redact(portfolio, include_confidential)
    i = projection.year_index(year)
    conc = concentration(projection)
    names = Names(portfolio)
    doc = QTextDocument()
    chart_image, capacity_image = _chart_images(projection, mc, year)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart:projection"), chart_image)
    doc.addResource(
        QTextDocument.ResourceType.ImageResource, QUrl("chart:capacity"), capacity_image
    )
    balance = demand_balance(projection, portfolio.demand)
    doc.addResource(
        QTextDocument.ResourceType.ImageResource, QUrl("chart:demand"), _demand_image(balance)
    )
    doc.setDefaultStyleSheet(
        "body { font-family: 'DejaVu Sans'; font-size: 9pt; } h1 { font-size: 20pt; } "
        "h2 { font-size: 13pt; margin-top: 14px; } th { background: #E8E8E8; } "
        ".marking { color: #B00020; font-weight: bold; } .small { color: #555555; font-size: 8pt; }"
    )
    when = (today or date.today()).isoformat()
    confidential = (
        "This copy <b>includes</b> confidential fields ("
        + esc(", ".join(field_label(n) for n in portfolio.confidential_fields))
        + ")."
        if include_confidential
        else "Confidential fields ("
        + esc(", ".join(field_label(n) for n in portfolio.confidential_fields) or "none")
        + ") are left out of this copy."
    )
    p50, p90 = mc.percentile(50), mc.percentile(90)
    has_target = projection.target > 0
    met = (
        f"<b>P(target met in {year}) = {esc(chance(mc.p_target[i], mc.n, say_draws=True))}"
        "</b> by Monte Carlo. "
        if has_target[i]
        else f"No target is set for {year}, so no chance of meeting it is given. "
    ) + (esc(mc.sourced_note) + ". " if mc.sourced else "")
    outside_band = [
        note
        for y in projection.years.tolist()
        if (note := band_note(band_figures(projection, mc, int(y))))
    ]
    parts = [
        *_cover(f, shown, when, confidential),
        "<div style='page-break-before: always'></div>",
        "<h2>Headline</h2>",
        f"<p><b>{year}</b>: {projection.magnets[i]:,.0f} t/yr of sintered NdFeB magnets "
        f"({figure_name(f.mode, projection.inputs.delayed)}) against a target of {projection.target[i]:,.0f} t/yr; gap "
        f"{projection.gap[i]:,.0f} t/yr. "
        + met
        + f"Bottleneck in {year}: {esc(STAGE_LABELS[projection.bottleneck[i]])}.</p>",
        f"<p class='small'>Mode {f.mode}: {esc(figure_meaning(f.mode, projection.inputs.delayed))}. {esc(MODE_FREE)}</p>",
        _table(
            [
                "Year",
                "Target (t)",
                f"Magnets, {f.mode} (t)",
                "Gap (t)",
                "P50 (t)",
                "P90 (t)",
                "P(target)",
                "Bottleneck",
            ],
            [
                [
                    int(y),
                    float(projection.target[k]),
                    float(projection.magnets[k]),
                    float(projection.gap[k]),
                    float(p50[k]),
                    float(p90[k]),
                    chance(mc.p_target[k], mc.n) if has_target[k] else "—",
                    STAGE_LABELS[projection.bottleneck[k]],
                ]
                for k, y in enumerate(projection.years.tolist())
            ],
            numeric={0, 1, 2, 3, 4, 5, 6},
        ),
    ]
    no_target = [int(y) for k, y in enumerate(projection.years) if not has_target[k]]
    if no_target:
        parts.append(
            f"<p class='small'>P(target) — : no target is set for {_years(no_target)}, so no "
            "chance of meeting one is given.</p>"
        )
    for note in outside_band[:NOTES_SHOWN]:  # why the figure lies outside the band, computed
        parts.append(f"<p class='small'>{esc(note)}</p>")
    if len(outside_band) > NOTES_SHOWN:
        parts.append(
            f"<p class='small'>The figure lies outside the P10-P90 band in "
            f"{len(outside_band) - NOTES_SHOWN} more years for the same reasons.</p>"
        )
    parts += [
        "<h2>Projection against the target</h2>",
        "<p><img src='chart:projection' width='1000'></p>",
        "<h2>Stage capacities against supply</h2>",
        "<p><img src='chart:capacity' width='1000'></p>",
        "<div style='page-break-before: always'></div>",
    ]
    parts += _ranking_section(f)
    parts += [
        "<h2>Concentration of supply</h2>",
        f"<p>{year}: HHI {conc.hhi[i]:,.0f} (Herfindahl-Hirschman index: 10,000 is one country, "
        f"above 2,500 highly concentrated); {esc(largest_words(conc, i))}.</p>",
        _table(
            [
                "Country",
                f"Magnets lost in {year} if cut (t)",
                "Lost over horizon (t)",
                f"Gap in {year} (t)",
            ],
            [[c.name, c.magnets_lost_t, c.cumulative_lost_t, c.gap_t] for c in f.cuts],
            numeric={1, 2, 3},
        ),
        *_demand_section(portfolio, balance, year),
        "<div style='page-break-before: always'></div>",
        "<h2>Assumptions and their sources</h2>",
        _assumptions_table(shown),
        *_conflicts_section(shown),
        f"<p>Target: {shown.target.default_tpa:,.0f} t/yr"
        + (
            f" (path: {esc(', '.join(f'{y}: {t:,.0f}' for y, t in sorted(shown.target.path.items())))})"
            if shown.target.path
            else ""
        )
        + f". Source: {esc(plain_source(shown.target.source))}</p>",
        "<h2>Blocks and their sources</h2>",
        _table(
            [
                "Block",
                *_headers("blocks", "country", "stage", "nameplate_tpa", "acquisition_cost_musd"),
                *_headers("blocks", "source", "as_of"),
            ],
            [
                [
                    b.name,
                    country_name(b.country),
                    word(b.stage),
                    figure_text("blocks", "nameplate_tpa", b.nameplate_tpa),
                    figure_text("blocks", "acquisition_cost_musd", b.acquisition_cost_musd),
                    plain_source(b.source) or "—",
                    b.as_of or "—",
                ]
                for b in shown.blocks
            ],
            numeric={3, 4},
        ),
        "<h2>Domestic plants</h2>",
        _table(
            [
                "Plant",
                *_headers("plants", "firm_id", "stage", "capacity_tpa", units=False),
                *_headers("plants", "status", "first_year", "source"),
            ],
            [
                [
                    pl.name,
                    names.firm(pl.firm_id),
                    PLANT_STAGE_WORDS[pl.stage.value],
                    f"{pl.capacity_tpa:,.0f} {PLANT_UNITS[pl.stage.value]}",
                    word(pl.status),
                    pl.first_year,
                    plain_source(pl.source) or "—",
                ]
                for pl in shown.plants
            ],
            numeric={3, 5},
        ),
    ]
    if plan is not None:  # the optional recommended-plan page (desktop/report_plan.py)
        parts.append("<div style='page-break-before: always'></div>")
        parts += plan_page(plan, portfolio, include_confidential)
    deal_notes = [(names.deal(d.id), d.notes) for d in shown.deals if d.notes]
    if deal_notes:
        parts.append("<h2>Deal notes</h2>")
        parts.append(_table(["Deal", "Notes"], [list(n) for n in deal_notes]))
    doc.setHtml("<body>" + "".join(parts) + "</body>")
    return doc


def _ranking_section(f: BriefingFigures) -> list[str]:
    """Every open deal that adds anything, in the ranking's order, and by name those that add
    nothing; the draws and seed of the P50 (the app's Deal ranking and `repm rank` use the same
    by default, so the three agree)."""
    year = f.year
    delayed = f.projection.inputs.delayed
    schedule = "on the scenario's delayed schedule" if delayed else "on schedule"
    adds = [v for v in f.ranking if max(map(abs, _added(v))) >= 0.5]
    nothing = [v for v in f.ranking if v not in adds]
    parts = [
        f"<h2>What closing each open deal adds ({year})</h2>",
        f"<p>The {len(f.ranking)} open deals (neither acquired nor rejected), most magnets added "
        f"in {year} first. Expected: as projected (weighted by chance, every project "
        f"{schedule}); P50: the median of {f.ranking_draws:,} Monte Carlo draws (seed {f.seed}), "
        "the same draws with and without the deal.</p>",
        _table(
            [
                "Block",
                "Firm",
                "Status",
                f"Added {year}, expected (t)",
                "Added total, expected (t)",
                f"Added {year}, P50 (t)",
            ],
            [
                [
                    v.block,
                    v.firm,
                    word(v.status),
                    v.added_year_expected_t,
                    v.added_total_expected_t,
                    v.added_year_p50_t,
                ]
                for v in adds
            ],
            numeric={3, 4, 5},
        ),
    ]
    if nothing:
        parts.append(
            f"<p>{len(nothing)} more open deal{'s' if len(nothing) > 1 else ''} add"
            f"{'' if len(nothing) > 1 else 's'} nothing in {year} or over the horizon, expected "
            f"or P50, and {'are' if len(nothing) > 1 else 'is'} not listed: "
            + esc(", ".join(v.block for v in nothing))
            + ".</p>"
        )
    if any(v.added_year_p50_t < 0.5 for v in adds):
        parts.append(
            "<p class='small'>A P50 gain of 0 means that in most draws the deal adds nothing "
            f"in {year} (its project or a plant downstream is not yet producing), although its "
            f"expected gain, weighted by chance with every project {schedule}, is above 0.</p>"
        )
    return parts


def _added(v: DealValue) -> tuple[float, float, float, float]:
    return (
        v.added_year_expected_t,
        v.added_total_expected_t,
        v.added_year_p50_t,
        v.added_total_p50_t,
    )


NOTES_SHOWN = 3  # years outside the band explained one by one; the rest counted


def _years(years: list[int]) -> str:
    return ", ".join(str(y) for y in years[:6]) + (" and later" if len(years) > 6 else "")


def _assumptions_table(portfolio: Portfolio) -> str:
    a = portfolio.assumptions
    rows = [
        [
            SCALARS[name].label,
            figure_text("assumptions", name, getattr(a, name)),
            SCALARS[name].unit,
            plain_source(a.source_of(name)),
        ]
        for name in SCALARS
    ]
    for name, (choices, label, _) in CHOICES.items():
        rows.append(
            [
                label,
                getattr(a, name).value.replace("_", " "),
                " or ".join(c.value.replace("_", " ") for c in choices),
                plain_source(a.source_of(name)),
            ]
        )
    for table in TABLES:
        probability = not table.startswith("max_delay")
        values = ", ".join(
            f"{word(k)} {chance(v)}" if probability else f"{word(k)} {v:g}"
            for k, v in getattr(a, table).items()
        )
        unit = "chance" if probability else "years (uniform 0..max)"
        rows.append(
            [ASSUMPTION_LABELS[table], values, unit, plain_source(a.source_of(f"{table}.x"))]
        )
    return _table(["Assumption", "Value", "Unit", "Source"], rows)


def write_pdf(doc: QTextDocument, path: str | Path) -> int:
    """Print the document to an A4 PDF, owner-only and in one piece (files.private_output),
    with the marking in every page's header and footer; returns the number of pages."""
    with private_output(path) as out:
        writer = QPdfWriter(str(out))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        writer.setResolution(150)
        writer.setTitle("REPM supply briefing")
        writer.setCreator("REPM supply planner")
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        band = round(BAND_MM / 25.4 * writer.resolution())
        body = QRectF(0, band, page.width(), page.height() - 2 * band)
        doc.setPageSize(body.size())
        keep_headings_with_content(doc)
        pages = doc.pageCount()
        painter = QPainter(writer)
        try:
            for index in range(pages):
                if index:
                    writer.newPage()
                _draw_page(painter, doc, index, body)
                _draw_marking(painter, QRectF(0, 0, page.width(), band), pages, index)
        finally:
            painter.end()
    return pages


def keep_headings_with_content(doc: QTextDocument) -> None:
    """A heading never stays at the foot of a page with its chart or table on the next: when
    a heading and what follows it up to its first image or table row do not fit on the page
    where the heading starts, the page breaks before the heading."""
    layout, height = doc.documentLayout(), doc.pageSize().height()
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            top = layout.blockBoundingRect(block).top()
            bottom = _content_bottom(block)
            page = int(top // height)
            if bottom > (page + 1) * height and bottom - top < height:
                cursor = QTextCursor(block)
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.setBlockFormat(fmt)
        block = block.next()


def _content_bottom(heading) -> float:
    """Where the heading's first image or first table row ends (at most 3 blocks on)."""
    layout = heading.document().documentLayout()
    block, bottom = heading, layout.blockBoundingRect(heading).bottom()
    for _ in range(3):
        block = block.next()
        if not block.isValid() or block.blockFormat().headingLevel() > 0:
            break
        bottom = max(bottom, layout.blockBoundingRect(block).bottom())
        has_image = "\ufffc" in block.text()  # an inline image is an object character
        if has_image or QTextCursor(block).currentTable() is not None:
            break
    return bottom


def _draw_page(painter: QPainter, doc: QTextDocument, index: int, body: QRectF) -> None:
    """One page of the document's flow, drawn into the body between header and footer."""
    view = QRectF(0, index * body.height(), body.width(), body.height())
    painter.save()
    painter.translate(body.left(), body.top() - view.top())
    painter.setClipRect(view)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = view
    context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
    doc.documentLayout().draw(painter, context)
    painter.restore()


def _draw_marking(painter: QPainter, header: QRectF, pages: int, index: int) -> None:
    """The marking at the same place at the top and the bottom of every page, whatever the
    content (a page's own flow can neither push it off nor leave it out)."""
    footer = header.translated(0, painter.device().height() - header.height())
    painter.save()
    font = QFont("DejaVu Sans", 8)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#B00020"))
    centre = Qt.AlignmentFlag.AlignHCenter
    painter.drawText(header, centre | Qt.AlignmentFlag.AlignTop, MARKING)
    painter.drawText(footer, centre | Qt.AlignmentFlag.AlignBottom, MARKING)
    painter.setPen(QColor("#555555"))
    painter.setFont(QFont("DejaVu Sans", 7))
    painter.drawText(
        footer,
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
        f"page {index + 1} of {pages}",
    )
    painter.restore()


def write_report(portfolio: Portfolio, path: str | Path, **kwargs) -> int:
    return write_pdf(build_document(portfolio, **kwargs), path)


def suggested_name(today: date | None = None) -> str:
    return f"REPM briefing {(today or date.today()).isoformat()}.pdf"

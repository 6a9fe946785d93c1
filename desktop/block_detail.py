"""Everything about the selected block: first where it is, its key figures and their source
(readable in the panel's few lines at 768 px), then its deals, its magnets by year, its sourced
values and its other fields."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.columns import COLUMNS
from desktop.explain import why_nothing
from desktop.labels import percent, plain_source, word
from desktop.record_model import display
from desktop.session import PortfolioSession, moves_numbers
from desktop.sourced_value_html import choose_from_link, typed_row, value_row
from model.evidence import own_unit, register
from model.projection import Projection

KEY_FIELDS = ("nameplate_tpa", "ndpr_share", "first_year", "ramp_years", "dytb_share")
SHOWN_ABOVE = {"name", "country", "stage", "product", "source", "as_of", "notes", *KEY_FIELDS}


def _pairs(items: list[tuple[str, str]]) -> str:
    """Label-value pairs two to a row: the key figures in a few lines."""
    rows = []
    for i in range(0, len(items), 2):
        cells = "".join(
            f"<td style='color:#555;padding-right:6px'>{label}</td>"
            f"<td style='padding-right:18px'>{value}</td>"
            for label, value in items[i : i + 2]
        )
        rows.append(f"<tr>{cells}</tr>")
    return f"<table>{''.join(rows)}</table>"


def _row(label: str, value: str) -> str:
    return f"<tr><td style='color:#555;padding-right:10px'>{label}</td><td>{value}</td></tr>"


def dytb_section(projection: Projection, b: int, dytb_share: float | None) -> str:
    """Heavy rare earths (equation 8): what the block adds to India's Dy+Tb, by year."""
    title = "<h4>Dy+Tb oxide from this block, t/yr</h4>"
    if dytb_share is None:
        counted = projection.inputs.high_temp_share > 0
        why = " (the high-temperature magnets need Dy/Tb)" if counted else ""
        return f"{title}<p>Unknown: no Dy+Tb share is given, so it counts as zero{why}.</p>"
    dytb = projection.dytb_by_block()[b]
    cells = "".join(
        f"<td style='padding:0 6px;text-align:right'>{y}<br><b>{v:,.1f}</b></td>"
        for y, v in zip(projection.years.tolist(), dytb.tolist(), strict=True)
    )
    return f"{title}<table><tr>{cells}</tr></table>"


class BlockDetail(QTextBrowser):
    def __init__(self, session: PortfolioSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("blockDetail")
        self.setOpenLinks(False)  # offline: sources are shown, never fetched
        self.session = session
        self.block_id = ""
        session.projectionChanged.connect(self.refresh)
        session.portfolioChanged.connect(self._on_portfolio_changed)
        self.anchorClicked.connect(self._on_link)
        self.refresh()

    def _on_link(self, url: QUrl) -> None:
        choose_from_link(self, self.session, url)

    def _on_portfolio_changed(self, changes: list) -> None:
        if self.block_id and not any(moves_numbers(c) for c in changes):
            self.refresh()  # notes, source, names (else projectionChanged follows)

    def show_block(self, block_id: str) -> None:
        self.block_id = block_id
        self.refresh()

    def refresh(self) -> None:
        portfolio = self.session.portfolio
        block = None
        if self.block_id:
            block = next((b for b in portfolio.blocks if b.id == self.block_id), None)
        if block is None:
            self.setHtml("<p style='color:#666'>Select a block to see its details.</p>")
            return
        esc = html.escape
        columns = {c.field: c for c in COLUMNS["blocks"]}

        def shown(field: str) -> str:
            return esc(display(columns[field], getattr(block, field)))

        projection = self.session.projection
        b = projection.inputs.block_ids.index(block.id)
        magnets = projection.by_block()[b]
        year = self.session.target_year
        in_year = magnets[projection.year_index(year)] if year in projection.years else None
        # First what a reader looks for, within the panel's first lines at 768 px: where it is,
        # its key figures and where they come from; the rest below.
        parts = [
            f"<h3 style='margin-bottom:2px'>{esc(block.name)}</h3>",
            f"<p style='margin-top:0'>{shown('country')} · {shown('stage')} · "
            f"{shown('product')}</p>",
        ]
        key = [(columns[f].header, shown(f)) for f in KEY_FIELDS]
        if in_year is not None:
            mode = projection.inputs.mode.value
            key.append((f"Magnets {year} ({esc(mode)})", f"<b>{in_year:,.0f} t</b>"))
        parts.append(_pairs(key))
        parts.append(
            f"<p><span style='color:#555'>Source (as of {esc(block.as_of or 'unknown')}):</span> "
            f"{esc(plain_source(block.source) or 'none given')}</p>"
        )
        if block.notes:
            parts.append(f"<p><span style='color:#555'>Notes:</span> {esc(block.notes)}</p>")
        firms = {f.id: f for f in portfolio.firms}
        deals = [d for d in portfolio.deals if d.block_id == block.id]
        parts.append("<h4>Deals</h4>")
        if deals:
            parts.append("<table>")
            for d in deals:
                firm = firms.get(d.firm_id)
                who = f"{esc(firm.name)} ({esc(word(firm.kind))})" if firm else esc(d.firm_id)
                start = f", from {d.start_year}" if d.start_year else ""
                parts.append(
                    _row(who, f"{esc(word(d.status))}, offtake {percent(d.offtake_share)}{start}")
                )
            parts.append("</table>")
        else:
            parts.append("<p>None yet.</p>")
        parts.append(f"<h4>Magnets from this block ({projection.inputs.mode.value}), t/yr</h4>")
        cells = "".join(
            f"<td style='padding:0 6px;text-align:right'>{y}<br><b>{m:,.0f}</b></td>"
            for y, m in zip(projection.years.tolist(), magnets.tolist(), strict=True)
        )
        parts.append(f"<table><tr>{cells}</tr></table>")
        reasons = why_nothing(portfolio, projection, block.id)
        if reasons:
            items = "".join(
                f"<li><a href='{r.link}'>{esc(r.text)}</a></li>"
                if r.link
                else f"<li>{esc(r.text)}</li>"
                for r in reasons
            )
            parts.insert(
                2,
                "<div style='color:#B00020'><b>Adds nothing</b> "
                f"({esc(projection.inputs.mode.value)}):<ul style='margin:0'>{items}</ul></div>",
            )
        parts.append(dytb_section(projection, b, block.dytb_share))
        parts += self._sourced_values(block.id)
        parts.append("<h4>Other fields</h4><table>")
        for column in COLUMNS["blocks"]:
            if column.field not in SHOWN_ABOVE:
                parts.append(_row(column.header, shown(column.field)))
        parts.append("</table>")
        self.setHtml("".join(parts))

    def _sourced_values(self, block_id: str) -> list[str]:
        """Each figure's sourced values, the one in use marked; the others can be used instead."""
        figures = {
            field: values
            for (kind, record_id, field), values in register(self.session.portfolio).items()
            if kind == "blocks" and record_id == block_id
        }
        if not figures:
            return []
        esc = html.escape
        headers = {c.field: c.header for c in COLUMNS["blocks"]}
        parts = ["<h4>Sourced values</h4><table>"]
        for field, values in figures.items():
            parts.append(f"<tr><td colspan=2><b>{esc(headers.get(field, field))}</b></td></tr>")
            unit = own_unit(values) or ""
            parts.append(typed_row(self.session.portfolio, "blocks", block_id, field, unit))
            parts.extend(value_row(self.session.portfolio, e) for e in values)
        parts.append("</table>")
        if any(len(v) > 1 for v in figures.values()):
            parts.append(
                "<p style='color:#555'>Where sources differ, their range is this figure's "
                "uncertainty in the tornado (marked 'sourced range').</p>"
            )
        return parts

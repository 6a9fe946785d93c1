"""A figure's sourced values as rows of HTML beside each other, each with the link that makes it
the value in use (one undoable edit): the block detail panel and the Demand tab show them alike.
A value typed by hand (none of the sourced values) is in use: its own row says so, above them."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import operations
from desktop.session import PortfolioSession
from model.domain import Evidence
from model.evidence import current_value, figure_of, in_use, refusal, typed_by_hand
from model.portfolio import Portfolio
from model.source_text import readable_source
from model.store import InvalidEdit

CHOOSE = "choose:"  # the link that uses another sourced value
GREY = "color:#888"


def value_row(portfolio: Portfolio, e: Evidence) -> str:
    """One sourced value: in use, 'use this', or context with the reason it cannot be used."""
    esc = html.escape
    refused = refusal(portfolio, e)
    used = in_use(portfolio, *figure_of(e))
    if used is not None and used.id == e.id:
        action = "<b>in use</b>"
    elif refused:
        action = f"<span style='{GREY}'>context</span>"
    else:
        action = f"<a href='{CHOOSE}{esc(e.id)}'>use this</a>"
    link = f" <a href='{esc(e.url)}'>link</a>" if e.url else ""
    note = f"<br><i>{esc(e.note)}</i>" if e.note else ""
    if refused:
        note += f"<br><span style='{GREY}'>Cannot be used: {esc(refused)}</span>"
    return (
        f"<tr><td style='color:#555;padding-right:10px'>{action}</td><td>{e.value:,g} "
        f"{esc(e.unit)}: {esc(readable_source(e.source))} ({esc(e.as_of)}){link}{note}</td></tr>"
    )


def typed_row(portfolio: Portfolio, kind: str, record_id: str, field: str, unit: str = "") -> str:
    """'in use: 12,000 typed by hand' when the figure's value is none of its sourced values."""
    if not typed_by_hand(portfolio, kind, record_id, field):
        return ""
    value = current_value(portfolio, kind, record_id, field)
    return (
        f"<tr><td style='color:#555;padding-right:10px'><b>in use</b></td><td>{value:,g} "
        f"{html.escape(unit)}: typed by hand, none of the sourced values below</td></tr>"
    )


def choose_from_link(parent: QWidget, session: PortfolioSession, url: QUrl) -> None:
    """A 'use this' link clicked: that value becomes the one in use, or the rules say why not.
    Other links do nothing (offline: sources are shown, never fetched)."""
    link = url.toString()
    if not link.startswith(CHOOSE):
        return
    try:
        operations.choose_evidence(session, link.removeprefix(CHOOSE))
    except InvalidEdit as exc:
        QMessageBox.warning(parent, "Value not used", "\n".join(exc.problems))

"""The deal ranking's P50 is the same figure in the app's Deal ranking tab, `repm rank` and the
briefing: one default number of draws and one seed (model.choices), stated by each; and the
briefing accounts for every open deal."""

import json
from datetime import date

from PySide6.QtCore import Qt

from desktop.report import build_document
from model.choices import DRAWS, SEED
from model.demo import demo_portfolio
from model.domain import OPEN_DEALS
from model.ranking import rank_deals
from tests.cli_runner import run

YEAR = 2030
P50_HEADER = f"Added {YEAR}, P50 (t)"


def _app_p50(window, qtbot) -> dict[str, str]:
    """Block name -> the '2030 P50 (t)' cell as the Deal ranking tab shows it."""
    view = window.view
    view.analysis.setCurrentWidget(view.ranking)
    qtbot.waitUntil(lambda: bool(view.ranking.values), timeout=60_000)
    model = view.ranking.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    block, p50 = headers.index("Block"), headers.index(f"{YEAR} P50 (t)")
    return {
        model.data(model.index(r, block)): model.data(model.index(r, p50))
        for r in range(model.rowCount())
    }


def _briefing(text: str) -> tuple[dict[str, str], str]:
    """Block name -> the ranking table's P50 cell, and the paragraph after the table."""
    lines = text[text.index(P50_HEADER) :].splitlines()[1:]
    rows = {}
    while lines[0]:  # six cells a row: block, firm, status, expected, total, P50
        rows[lines[0]] = lines[5]
        lines = lines[6:]
    return rows, lines[1]


def test_app_cli_and_briefing_show_the_same_p50(window, qtbot, capsys, qapp):
    app = _app_p50(window, qtbot)
    assert f"{DRAWS:,} Monte Carlo draws" in window.view.ranking.heading.text()

    code, out, _ = run(capsys, "rank", "--demo", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["draws"], data["seed"]) == (DRAWS, SEED)
    cli = {d["block"]: d["added_year_p50_t"] for d in data["deals"]}
    code, out, _ = run(capsys, "rank", "--demo")
    assert out.splitlines()[0] == f"P50: {DRAWS:,} Monte Carlo draws, seed {SEED}"

    text = build_document(demo_portfolio(), today=date(2026, 11, 26)).toPlainText()
    assert f"the median of {DRAWS:,} Monte Carlo draws (seed {SEED})" in text
    briefing, after = _briefing(text)

    assert set(app) == set(cli) and len(app) > 15
    for block, shown in app.items():
        assert shown == f"{cli[block]:,.0f}", block
        if block in briefing:
            assert briefing[block] == shown, block
        else:  # left out of the table only when it adds nothing, and then named
            assert shown == "0" and block in after, block
    assert len(briefing) >= 15


def test_the_briefing_accounts_for_every_open_deal(qapp):
    """Listed, or named as adding nothing: no silent top-N cut (Carina, Halleck Creek and Penco
    were once dropped past the 15th row)."""
    demo = demo_portfolio()
    text = build_document(demo, draws=300).toPlainText()
    briefing, after = _briefing(text)
    assert {"Carina Module", "Halleck Creek", "Penco Module"} <= set(briefing)
    named = after.split("and are not listed: ")[1].rstrip(".").split(", ")
    blocks = {b.id: b.name for b in demo.blocks}
    open_deals = [blocks[d.block_id] for d in demo.deals if d.status in OPEN_DEALS]
    assert sorted([*briefing, *named]) == sorted(open_deals)
    nothing = [
        v.block
        for v in rank_deals(demo, YEAR, draws=300)
        if max(abs(v.added_year_expected_t), abs(v.added_total_expected_t)) < 0.5
        and max(abs(v.added_year_p50_t), abs(v.added_total_p50_t)) < 0.5
    ]
    assert nothing and sorted(named) == sorted(nothing)

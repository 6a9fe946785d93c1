"""The PDF briefing: pages, headline figures, confidential fields only when included."""

import os
import re
import subprocess
import sys
from datetime import date

from desktop.report import build_document, write_pdf
from model import project
from model.cli import main
from model.demo import demo_portfolio
from model.montecarlo import monte_carlo
from model.number_text import figure_text


def pdf_pages(path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def test_briefing_has_its_pages_and_headline_figures(qapp, tmp_path):
    demo = demo_portfolio()
    doc = build_document(demo, draws=1000, today=date(2026, 11, 25))
    text = doc.toPlainText()
    p = project(demo)
    mc = monte_carlo(demo, draws=1000, seed=1)
    assert demo.name in text and "2026-11-25" in text
    assert f"{p.magnets[5]:,.0f} t/yr of sintered NdFeB magnets (expected, on schedule)" in text
    assert "The band, P50 and P(target) are the same in every mode" in text
    # the demo's first years lie above P90 through slips, and the briefing says so, not a deal
    assert "is above P90" in text and "with no slip the same draws average" in text
    assert "carries the mean" not in text and "carry the mean" not in text
    # 3 of 1,000 draws meet the 2030 target: 0.3 %, never "0%"; none meet it in 2028.
    assert 0 < mc.p_target[5] < 0.01 and mc.p_target[3] == 0
    assert f"P(target met in 2030) = {100 * mc.p_target[5]:.1f} % (1,000 draws)" in text
    assert f"Chance of meeting the target: {100 * mc.p_target[5]:.1f} %" in text  # the cover
    cells = text.splitlines()  # a table cell is a line of the plain text: the headline table
    row = cells.index("2028")  # year, target, magnets, gap, P50, P90, P(target), bottleneck
    assert cells[row + 6] == "0 of 1,000 draws" and cells[row + 14] == "0 of 1,000 draws"
    assert cells[row + 22] == f"{100 * mc.p_target[5]:.1f} %"  # 2030
    assert f"gap {p.gap[5]:,.0f} t/yr" in text
    for heading in (
        "Assumptions and their sources",
        "Blocks and their sources",
        "What closing each open deal adds",
        "Concentration of supply",
    ):
        assert heading in text
    assert all(b.source.split(" ; ")[0][:30] in text for b in demo.blocks if b.source)
    out = tmp_path / "brief.pdf"
    pages = write_pdf(doc, out)
    assert out.read_bytes().startswith(b"%PDF")
    # cover, headline, ranking, assumptions, plants; the blocks table may run over a page
    assert pages == pdf_pages(out) >= 5


def test_confidential_fields_only_when_included(qapp):
    demo = demo_portfolio()
    blocks = [
        b.model_copy(update={"acquisition_cost_musd": 987.0}) if b.id == "nolans" else b
        for b in demo.blocks
    ]
    p = demo.model_copy(update={"blocks": blocks})
    secret = "Illustrative demo deal"  # deal notes are confidential by default
    redacted = build_document(p, draws=200).toPlainText()
    assert secret not in redacted and "987" not in redacted
    assert "are left out of this copy" in redacted
    full = build_document(p, draws=200, include_confidential=True).toPlainText()
    assert secret in full and "987" in full


def test_repm_report_command(tmp_path, capsys):
    out = tmp_path / "b.pdf"
    assert main(["report", "--demo", "--out", str(out), "--draws", "300"]) == 0
    written = re.search(r"\((\d+) pages\)", capsys.readouterr().out)
    assert written and int(written.group(1)) == pdf_pages(out) >= 5


def test_repm_report_takes_the_windows_settings(tmp_path, capsys, monkeypatch):
    import desktop.report as report

    seen = {}
    original = report.compute_figures

    def spy(portfolio, **settings):
        seen.update(settings)
        return original(portfolio, **settings)

    monkeypatch.setattr(report, "compute_figures", spy)
    out = tmp_path / "b.pdf"
    args = ["report", "--demo", "--out", str(out), "--draws", "100", "--scenario"]
    args += ["All deals slip 2 years", "--mode", "all", "--from", "2027", "--to", "2045"]
    assert main([*args, "--year", "2044"]) == 0
    assert seen["scenario"].name == "All deals slip 2 years" and seen["mode"] == "all"
    assert (seen["start"], seen["end"], seen["year"]) == (2027, 2045, 2044)


def test_repm_report_refuses_a_year_outside_the_horizon(tmp_path, capsys):
    out = tmp_path / "b.pdf"
    assert main(["report", "--demo", "--out", str(out), "--year", "2050"]) == 2
    err = capsys.readouterr().err
    assert "--year 2050 is outside the horizon 2025-2040" in err and "Traceback" not in err
    assert not out.exists()


def test_briefing_shows_demand_imports_and_the_conflicting_figures(qapp):
    from model.demand import demand_balance
    from model.evidence import conflicts

    demo = demo_portfolio()
    text = build_document(demo, draws=200).toPlainText()
    assert "Demand and import dependence" in text
    found = demand_balance(project(demo), demo.demand)
    i = found.year_index(2030)
    assert f"imports {found.imports[i]:,.0f} t (China {found.china_imports[i]:,.0f} t)" in text
    assert "Conflicting figures and their sources" in text
    for (kind, _record, field), values in conflicts(demo):
        for e in values:  # by the figure's declared format ('37.0 %'), as the CLI shows it
            assert f"{figure_text(kind, field, e.value)} " in text and e.unit in text
            assert e.source.replace("'", "’")[:25] in text or e.source[:25] in text


def test_repm_report_needs_no_display(tmp_path):
    """An unreachable DISPLAY made Qt abort (exit 134): the report always renders off screen."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":4242"  # no X server answers there
    out = tmp_path / "b.pdf"
    args = [sys.executable, "-m", "model.cli", "report", "--demo", "--out", str(out)]
    done = subprocess.run([*args, "--draws", "100"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout and pdf_pages(out) >= 5

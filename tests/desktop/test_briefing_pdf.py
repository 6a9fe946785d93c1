"""The briefing PDF as the official gets it from File > Export Briefing: owner-only, the
marking at the top and the bottom of every page, tables that read clearly."""

import re
import stat
import subprocess

import pytest

from desktop.report import MARKING, build_document, write_pdf
from model.demo import demo_portfolio


def pdf_pages_text(path, raw: bool = False) -> list[str]:
    mode = "-raw" if raw else "-layout"
    out = subprocess.run(
        ["pdftotext", mode, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return out.split("\f")[:-1]  # pdftotext ends every page with a form feed


@pytest.fixture
def exported(window, tmp_path, qtbot):
    out = tmp_path / "brief.pdf"
    window.export_briefing(str(out), include=False)
    qtbot.waitUntil(lambda: window.briefing.done, timeout=60000)
    assert "Briefing written" in window.statusBar().currentMessage()
    return out


def test_exported_briefing_is_owner_only(exported, tmp_path):
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"] == ["brief.pdf"]


def marking_heights(path) -> list[list[float]]:
    """For each page, where the marking's first word sits, as a fraction of the page height."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in re.findall(r"<page[^>]*height=\"([\d.]+)\"[^>]*>(.*?)</page>", out, re.S):
        height, words = float(page[0]), page[1]
        first = MARKING.split()[0]
        pages.append(
            [float(y) / height for y in re.findall(rf'yMin="([\d.]+)"[^>]*>{first}<', words)]
        )
    return pages


def test_marking_heads_and_foots_every_page(exported):
    texts = pdf_pages_text(exported, raw=True)
    heights = marking_heights(exported)
    assert len(texts) == len(heights) >= 5
    for number, (text, found) in enumerate(zip(texts, heights, strict=True), 1):
        assert text.count(MARKING) == 2, f"page {number}"
        assert len(found) == 2 and found[0] < 0.1 and found[1] > 0.9, f"page {number}: {found}"
    assert "Domestic plants" in "".join(texts[-2:])  # the last pages are covered too


def test_rewriting_an_existing_briefing_keeps_it_owner_only(qapp, tmp_path):
    out = tmp_path / "b.pdf"
    out.write_bytes(b"old")
    out.chmod(0o644)
    write_pdf(build_document(demo_portfolio(), draws=100), out)
    assert out.read_bytes().startswith(b"%PDF") and stat.S_IMODE(out.stat().st_mode) == 0o600


def test_years_without_a_target_and_deals_read_clearly(qapp, tmp_path):
    demo = demo_portfolio()
    target = demo.target.model_copy(update={"path": {2025: 0.0, 2026: 0.0}})
    p = demo.model_copy(update={"target": target})
    out = tmp_path / "b.pdf"
    write_pdf(build_document(p, draws=200, start=2025, end=2030, year=2030), out)
    text = "\n".join(pdf_pages_text(out))
    assert "no target metal" not in " ".join(text.split())
    assert "no target is set for 2025, 2026" in " ".join(text.split())
    header = next(line.split() for line in text.splitlines() if "Status" in line.split())
    assert header[:2] == ["Block", "Firm"]  # the block leads; the firm repeats after it


def test_a_briefing_into_a_missing_folder_says_why_once(window, tmp_path, qtbot):
    out = tmp_path / "absent" / "brief.pdf"
    window.export_briefing(str(out), include=False)
    qtbot.waitUntil(lambda: window.briefing.done, timeout=60000)
    message = window.statusBar().currentMessage()
    assert message == f"Briefing not written to {out}: folder does not exist"

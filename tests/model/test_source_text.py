"""Sources name the project's notes by title and as-of, never by file name (repm evidence, the
briefing, the app), and nothing is added that the shipped files do not say."""

from model.source_text import readable_source
from tests.cli_runner import run


def test_notes_files_read_by_title_and_as_of():
    text = readable_source("Official brief (not public), as restated in resources/india.md")
    assert text == (
        "Official brief (not public), as restated in the project's notes "
        '"India-side facts", as of 2025-11 to 2026-03'
    )
    assert readable_source("research list shared/data/research-2026-11.md") == (
        "research list project research note (research-2026-11)"
    )
    assert "project research note (research-2026-11):" in readable_source(
        "a few producers (research notes 2026-11: Lynas Malaysia)"
    )
    assert readable_source("a note (not-shipped.md)") == "a note (not-shipped.md)"


def test_repm_evidence_names_no_project_file(capsys):
    code, out, _ = run(capsys, "evidence", "--demo")
    assert code == 0
    assert ".md" not in out and "India-side facts" in out
    code, out, _ = run(capsys, "evidence", "--demo", "--format", "json")
    assert "resources/india.md" in out  # JSON keeps the stored text

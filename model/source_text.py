"""A source as a reader can follow it, not as a file name of the project.

Sources in the shipped data sometimes point at the project's own notes ('Official brief (not
public), as restated in resources/india.md'). A reader of a briefing or of `repm evidence` cannot
open that file, so the reference is replaced by the notes' title and as-of, both read from the
shipped files themselves (the notes' first heading; the as-of column of resources/PROVENANCE.md):
'..., as restated in the project's notes "India-side facts", as of 2025-11 to 2026-03'. The
research list becomes 'project research note (research-2026-11)'. Nothing is made up: a notes
file that is not shipped keeps its name.
"""

from __future__ import annotations

import re
from functools import cache

from model.resources import resource_path

# 'resources/india.md', '`india.md`', 'shared/data/research-2026-11.md'
_NOTES_FILE = re.compile(r"`?(?:[\w-]+/)*([\w-]+)\.md`?")
_RESEARCH = re.compile(r"\bresearch[- ]notes?[- ](\d{4}-\d{2})\b|\bresearch-(\d{4}-\d{2})\b")


def readable_source(text: str | None) -> str:
    """The source with the project's notes files named by title and as-of."""
    if not text:
        return ""
    text = _NOTES_FILE.sub(lambda m: _notes_name(m.group(1)), text)
    text = _RESEARCH.sub(
        lambda m: f"project research note (research-{m.group(1) or m.group(2)})", text
    )
    return re.sub(r"\s{2,}", " ", text).strip(" ;")


@cache
def _notes_name(stem: str) -> str:
    if stem.startswith("research-"):
        return stem  # the research list is not shipped: _RESEARCH names it
    path = resource_path(f"{stem}.md")
    if not path.is_file():
        return f"{stem}.md"
    first = path.read_text(encoding="utf-8").splitlines()[:1]
    title = re.sub(r"\s*\(.*\)\s*$", "", first[0].lstrip("# ").strip()) if first else stem
    as_of = _provenance_as_of(f"{stem}.md")
    return f'the project\'s notes "{title}"' + (f", as of {as_of}" if as_of else "")


@cache
def _provenance_as_of(name: str) -> str:
    """The as-of column of resources/PROVENANCE.md for a shipped file ('' if not given)."""
    path = resource_path("PROVENANCE.md")
    if not path.is_file():
        return ""
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].strip("`") == name:
            return cells[3]
    return ""

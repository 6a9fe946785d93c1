"""A probability never reads as 0 % or 100 % unless it is exactly that (model.number_text.chance),
and every place that shows P(target) says it through that one function."""

import ast
import re
from pathlib import Path

import pytest

from model.number_text import chance

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("p", "text"),
    [
        (0.37, "37 %"),
        (0.01, "1 %"),
        (0.99, "99 %"),
        (0.001, "0.1 %"),  # what `repm montecarlo` gave and the desktop rounded to 0 %
        (0.004, "0.4 %"),
        (0.0002, "<0.1 %"),  # 1 of 5,000 draws
        (0.996, "99.6 %"),
        (0.9998, ">99.9 %"),
    ],
)
def test_a_chance_strictly_between_0_and_1_never_reads_0_or_100(p, text):
    assert chance(p) == text
    assert chance(p, 5000) == text  # a count is said only for exactly 0 or 1
    assert chance(p, 5000, say_draws=True) == f"{text} (5,000 draws)"


def test_none_met_or_all_met_says_what_was_counted():
    assert chance(0.0, 5000) == "0 of 5,000 draws"
    assert chance(1.0, 5000) == "5,000 of 5,000 draws"
    assert chance(0.0, 5000, say_draws=True) == "0 of 5,000 draws"  # draws said once
    # An input probability (no draws) of exactly 0 or 1 is that.
    assert chance(0.0) == "0 %" and chance(1.0) == "100 %"


def test_no_chance_to_give_reads_as_a_dash():
    assert chance(None) == "—" and chance(float("nan"), 100) == "—"


PERCENT_FORMAT = re.compile(r"(p_target|chance)[^}\n]*:\.\d%")  # within one line


def test_no_probability_is_formatted_as_a_rounded_percentage_anywhere():
    """Every P(target) in the desktop, the briefing and the CLI goes through `chance`."""
    found = []
    for folder in ("desktop", "model"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            ast.parse(text)  # a file that does not parse would hide its formats
            found += [f"{path.name}: {m.group(0)}" for m in PERCENT_FORMAT.finditer(text)]
    assert found == []

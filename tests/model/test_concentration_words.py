"""India's own output is domestic supply: the largest foreign supplier is named beside it."""

import pytest

from model import project
from model.concentration import concentration, largest_words
from tests.builders import ample_downstream, block, deal, portfolio


def words(india_t: float, australia_t: float) -> str:
    p = portfolio(
        [
            block("i", country="IND", nameplate_tpa=india_t),
            block("a", country="AUS", nameplate_tpa=australia_t),
        ],
        [deal("i"), deal("a")],
        ample_downstream(),
    )
    return largest_words(concentration(project(p, start=2025, end=2026)), 0)


@pytest.mark.parametrize(
    ("india_t", "australia_t", "expected"),
    [
        (
            300.0,
            100.0,
            "largest single-country share of supply: India 75% (domestic); "
            "largest foreign: Australia 25%",
        ),
        (100.0, 300.0, "largest single-country share of supply: Australia 75%"),
        (
            100.0,
            0.0,
            "largest single-country share of supply: India 100% (domestic); largest foreign: none",
        ),
    ],
)
def test_words_mark_domestic_output_and_name_the_largest_foreign(india_t, australia_t, expected):
    assert words(india_t, australia_t) == expected

"""The map colours a block by the furthest status among its deals, for every declared status."""

from __future__ import annotations

from desktop.analysis.map_view import STATUS_COLOURS, best_status
from model.domain import DealStatus as S


def test_the_furthest_status_wins_and_rejected_only_beats_no_deal():
    assert best_status([S.candidate, S.signed, S.mou]) == "signed"
    assert best_status([S.acquired, S.signed]) == "acquired"
    assert best_status([S.rejected, S.candidate]) == "candidate"
    assert best_status([S.rejected]) == "rejected"
    assert best_status([]) == "none"


def test_every_declared_status_has_a_colour():
    assert set(STATUS_COLOURS) == {s.value for s in S} | {"none"}

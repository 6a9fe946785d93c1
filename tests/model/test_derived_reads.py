"""Each part of set-up kept with the record columns (`RecordColumns.derived`) names the columns it
reads (`inputs.BLOCK_READS`, ...), and is dropped after an edit of one of them. A part reading a
column it does not name would survive an edit of that column with stale numbers: so what each
part reads is traced here, with every part computed afresh, and checked against what it names.
(Only reads of the columns themselves are traced; a part built on another part names that one's
columns too.)"""

from __future__ import annotations

from typing import Any

import pytest

from model.demo import demo_portfolio
from model.inputs import build_inputs
from model.record_columns import YIELD_COLUMNS, columns_of
from model.scenario import Disruption, Scenario

KINDS = ("blocks", "deals", "plants")


class Records:
    """A kind's records: counting them reads nothing (an add or delete rebuilds every column),
    looking at one reads the kind (its names, ids)."""

    def __init__(self, records: tuple, note: Any):
        self._records, self._note = records, note

    def __len__(self) -> int:
        return len(self._records)

    def __getitem__(self, i: Any) -> Any:
        self._note()
        return self._records[i]

    def __iter__(self) -> Any:
        self._note()
        return iter(self._records)


class TracedColumns:
    """Record columns that compute every derived part afresh, noting what each reads."""

    def __init__(self, columns: Any):
        self._columns, self._reading = columns, []
        self.parts: list[tuple[tuple, set[str], frozenset[str]]] = []

    def _note(self, name: str) -> None:
        for read in self._reading:
            read.add(name)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._columns, name)
        if name in KINDS:
            return Records(value, lambda: self._note(name))
        self._note(name)
        return value

    def derived(self, key: tuple, make: Any, reads: frozenset[str] = YIELD_COLUMNS) -> Any:
        read: set[str] = set()
        self._reading.append(read)
        try:
            value = make()
        finally:
            self._reading.pop()
        self.parts.append((key, read, frozenset(reads)))
        return value


SCENARIOS = [
    Scenario(name="Base"),
    Scenario(name="Late", delay_years=2),
    Scenario(name="Cut", disruptions=[Disruption(country="CHN", from_year=2028)]),
    Scenario(name="Hot", assumption_overrides={"high_temp_share": 0.5}),
    Scenario(name="Committed", mode="committed"),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_every_kept_part_names_every_column_it_reads(scenario):
    portfolio = demo_portfolio()
    traced = TracedColumns(columns_of(portfolio))
    build_inputs(portfolio, scenario, columns=traced)
    assert traced.parts, "set-up kept nothing with the columns: nothing was checked"
    for key, read, named in traced.parts:
        assert read <= named, f"{key[0]!r} reads {sorted(read - named)} but does not name them"

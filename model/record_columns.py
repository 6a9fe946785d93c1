"""The records' numbers as columns: what set-up reads, extracted once per portfolio.

Reading ten attributes of 10,000 pydantic records costs milliseconds; the projection itself costs
less. So the numbers are kept column by column (NaN where a figure is unknown), built once per
portfolio and, after an edit, patched one row per changed record (`with_records`): set-up
(`inputs.build_inputs`) is then array arithmetic only.

Records are values: an edit makes a new record and a new portfolio (the store and the session do
so), so a cache keyed on the portfolio and its record objects stays true. A field assigned in place
(`block.nameplate_tpa = ...`, which the API allows) is caught by `domain.assignments()`: every
cached column set is then rebuilt. What is derived from the columns (`derived`) names the columns
it reads and is dropped when one of them changes. Which record fields can move a number
(`MODEL_FIELDS`) is traced from what building the columns reads, never listed by hand.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, get_args

import numpy as np

from model.domain import (
    KINDS,
    Block,
    Deal,
    DealStatus,
    Plant,
    PlantStage,
    PlantStatus,
    Product,
    Stage,
    assignments,
)

STAGE_LIST = tuple(Stage)
PRODUCT_LIST = tuple(Product)
DEAL_STATUS_LIST = tuple(DealStatus)
PLANT_STATUS_LIST = tuple(PlantStatus)
PLANT_STAGE_INDEX = {PlantStage.separation: 0, PlantStage.metal: 1, PlantStage.magnet: 2}
# Enum -> position (a dict: tuple.index compares enums one by one, slow over 10,000 records).
STAGE_AT = {s: i for i, s in enumerate(STAGE_LIST)}
PRODUCT_AT = {p: i for i, p in enumerate(PRODUCT_LIST)}
DEAL_STATUS_AT = {s: i for i, s in enumerate(DEAL_STATUS_LIST)}
PLANT_STATUS_AT = {s: i for i, s in enumerate(PLANT_STATUS_LIST)}


def _num(value: float | None) -> float:
    return np.nan if value is None else float(value)


def block_row(b: Block) -> dict[str, Any]:
    return {
        "block_stage": STAGE_AT[b.stage],
        "block_product": PRODUCT_AT[b.product],
        "nameplate": _num(b.nameplate_tpa),
        "ndpr_share": _num(b.ndpr_share),
        "dytb_share": _num(b.dytb_share),
        "block_first": _num(b.first_year),
        "block_ramp": float(b.ramp_years),
        "resource": np.inf if b.resource_treo_t is None else float(b.resource_treo_t),
    }


def deal_row(d: Deal) -> dict[str, Any]:
    return {
        "deal_status": DEAL_STATUS_AT[d.status],
        "offtake": float(d.offtake_share),
        "deal_start": _num(d.start_year),
    }


def plant_row(p: Plant) -> dict[str, Any]:
    return {
        "plant_stage": PLANT_STAGE_INDEX[p.stage],
        "plant_status": PLANT_STATUS_AT[p.status],
        "plant_capacity": float(p.capacity_tpa),
        "plant_first": _num(p.first_year),
        "plant_ramp": float(p.ramp_years),
    }


ROWS = {"blocks": block_row, "deals": deal_row, "plants": plant_row}
COLUMNS = {
    "blocks": (
        "block_stage",
        "block_product",
        "nameplate",
        "ndpr_share",
        "dytb_share",
        "block_first",
        "block_ramp",
        "resource",
    ),
    "deals": ("deal_status", "offtake", "deal_start"),
    "plants": ("plant_stage", "plant_status", "plant_capacity", "plant_first", "plant_ramp"),
}
MEMO_SIZE = 64  # derived parts kept per column set (keys carry assumption values)
YIELD_COLUMNS = frozenset({"block_product", "ndpr_share", "deal_block"})  # NdPr yields read these
INT_COLUMNS = {"block_stage", "block_product", "deal_status", "plant_stage", "plant_status"}


@dataclass(frozen=True)
class RecordColumns:
    """Blocks (B), deals (D) and plants (P) as arrays, in the portfolio's order."""

    blocks: tuple[Block, ...]
    deals: tuple[Deal, ...]
    plants: tuple[Plant, ...]
    block_ids: tuple[str, ...]
    deal_ids: tuple[str, ...]
    plant_ids: tuple[str, ...]
    countries: tuple[str, ...]  # sorted ISO codes present
    block_country: np.ndarray  # (B,) index into countries
    block_stage: np.ndarray  # (B,) index into STAGE_LIST
    block_product: np.ndarray  # (B,) index into PRODUCT_LIST
    nameplate: np.ndarray  # (B,) NaN: unknown
    ndpr_share: np.ndarray  # (B,) NaN: unknown
    dytb_share: np.ndarray  # (B,) NaN: unknown
    block_first: np.ndarray  # (B,) NaN: unknown
    block_ramp: np.ndarray  # (B,)
    resource: np.ndarray  # (B,) inf: no cap
    deal_block: np.ndarray  # (D,) index into blocks
    deal_status: np.ndarray  # (D,) index into DEAL_STATUS_LIST
    offtake: np.ndarray  # (D,)
    deal_start: np.ndarray  # (D,) NaN: with the block
    plant_stage: np.ndarray  # (P,) 0 separation, 1 metal, 2 magnet
    plant_status: np.ndarray  # (P,) index into PLANT_STATUS_LIST
    plant_capacity: np.ndarray  # (P,)
    plant_first: np.ndarray  # (P,) NaN: unknown
    plant_ramp: np.ndarray  # (P,)
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # derived, per setting
    assigned: int = field(default_factory=assignments, compare=False, repr=False)  # see matches
    # The records as lists, made on the first `matches`: a list compares with a portfolio's list
    # without first copying it into a tuple (~1 us per 1,000 records instead of ~6).
    lists: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def derived(
        self, key: tuple, make: Callable[[], Any], reads: frozenset[str] = YIELD_COLUMNS
    ) -> Any:
        """Something computed from the columns (or record kinds) named in `reads` and from `key`
        (e.g. an assumption's value), once; `with_records` keeps it while none of `reads`
        changes. A record kind in `reads` ('blocks') means any of its records, e.g. a name."""
        hit = self.memo.get(key)
        if hit is None:
            if len(self.memo) >= MEMO_SIZE:  # e.g. a sweep over an assumption's values
                self.memo.clear()
            hit = self.memo[key] = (reads, make())
        return hit[1]

    @classmethod
    def build(cls, blocks, deals, plants) -> RecordColumns:
        blocks, deals, plants = tuple(blocks), tuple(deals), tuple(plants)
        columns: dict[str, Any] = {}
        for kind, records in (("blocks", blocks), ("deals", deals), ("plants", plants)):
            rows = [ROWS[kind](r) for r in records]
            for name in COLUMNS[kind]:
                dtype = np.intp if name in INT_COLUMNS else float
                columns[name] = np.array([r[name] for r in rows], dtype=dtype)
        countries, block_country = _countries(blocks)
        index = {b.id: i for i, b in enumerate(blocks)}
        return _frozen(cls)(
            blocks=blocks,
            deals=deals,
            plants=plants,
            block_ids=tuple(b.id for b in blocks),
            deal_ids=tuple(d.id for d in deals),
            plant_ids=tuple(p.id for p in plants),
            countries=countries,
            block_country=block_country,
            deal_block=np.array([index[d.block_id] for d in deals], dtype=np.intp),
            **columns,
        )

    def matches(self, blocks, deals, plants) -> bool:
        """Are these the records the columns were built from (the same objects or equal ones,
        in the same order), none assigned to in place since?"""
        return (
            self.assigned == assignments()
            and self._same("blocks", blocks)  # a sequence compares identity first
            and self._same("deals", deals)
            and self._same("plants", plants)
        )

    def _same(self, kind: str, records) -> bool:
        if type(records) is not list:
            return getattr(self, kind) == tuple(records)
        mine = self.lists.get(kind)
        if mine is None:
            mine = self.lists[kind] = list(getattr(self, kind))
        return mine == records

    def with_records(self, blocks, deals, plants, rows: dict | None = None) -> RecordColumns:
        """Columns for new record lists: rows of records that are the same objects are kept,
        the others rebuilt. `rows` (kind -> indices) says which rows may differ, when the
        caller knows; else every row is compared. An edit of one field rebuilds one entry of
        one column; adds and deletes (which shift rows) rebuild everything."""
        blocks, deals, plants = tuple(blocks), tuple(deals), tuple(plants)
        if self.assigned != assignments():  # a record changed in place: rows may be stale
            return RecordColumns.build(blocks, deals, plants)
        if (len(blocks), len(deals), len(plants)) != (
            len(self.blocks),
            len(self.deals),
            len(self.plants),
        ):
            return RecordColumns.build(blocks, deals, plants)
        changes: dict[str, Any] = {"blocks": blocks, "deals": deals, "plants": plants}
        moved: set[str] = set()  # columns whose numbers changed, kinds whose records did
        for kind, old, new in (
            ("blocks", self.blocks, blocks),
            ("deals", self.deals, deals),
            ("plants", self.plants, plants),
        ):
            candidates = range(len(new)) if rows is None else rows.get(kind, ())
            changed = [i for i in candidates if old[i] is not new[i]]
            if any(old[i].id != new[i].id for i in changed):
                return RecordColumns.build(blocks, deals, plants)
            if changed:
                moved.add(kind)
            for i in changed:
                for name, value in ROWS[kind](new[i]).items():
                    column = changes.get(name, getattr(self, name))
                    if column[i] == value or (value != value and column[i] != column[i]):
                        continue  # same number (or both unknown)
                    if name not in changes:
                        changes[name] = column = column.copy()  # copy on write
                        moved.add(name)
                    column[i] = value
            if kind == "blocks" and any(old[i].country != new[i].country for i in changed):
                changes["countries"], changes["block_country"] = _countries(blocks)
                moved.update(("countries", "block_country"))
            if kind == "deals" and changed:
                index = {b.id: i for i, b in enumerate(blocks)}
                deal_block = self.deal_block.copy()
                for i in changed:
                    deal_block[i] = index[new[i].block_id]
                if not np.array_equal(deal_block, self.deal_block):
                    changes["deal_block"] = deal_block
                    moved.add("deal_block")
        # What was derived from columns that did not change still holds (e.g. yield groups).
        memo = {key: hit for key, hit in self.memo.items() if not hit[0] & moved}
        return _frozen(replace)(self, memo=memo, **changes)


def _frozen(make: Callable[..., RecordColumns]) -> Callable[..., RecordColumns]:
    """Make the arrays read-only: set-up shares them with every projection built from them."""

    def wrapped(*args: Any, **kwargs: Any) -> RecordColumns:
        columns = make(*args, **kwargs)
        for value in vars(columns).values():
            if isinstance(value, np.ndarray):
                value.setflags(write=False)
        return columns

    return wrapped


def _countries(blocks: tuple[Block, ...]) -> tuple[tuple[str, ...], np.ndarray]:
    codes = [b.country for b in blocks]
    countries = tuple(sorted(set(codes)))
    index = {c: i for i, c in enumerate(countries)}
    return countries, np.array([index[c] for c in codes], dtype=np.intp)


# --- which fields move numbers: traced, not listed -------------------------------------------


class _Reading:
    """A record that notes which of its fields are read."""

    def __init__(self, record: Any, read: set[str]):
        self._record, self._read = record, read

    def __getattr__(self, name: str) -> Any:
        self._read.add(name)
        return getattr(self._record, name)


def _sample(record: type) -> Any:
    """A record of a declared kind with a value for every field (no validation: only read)."""
    values = {}
    for name, info in record.model_fields.items():
        choices = next((a for a in (info.annotation, *get_args(info.annotation)) if _enum(a)), None)
        if choices is not None:
            values[name] = next(iter(choices))
        elif not info.is_required():
            values[name] = info.get_default(call_default_factory=True)
        else:
            values[name] = "x" if info.annotation is str else 1
    return record.model_construct(**values)


def _enum(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Enum)


def fields_read(
    build: Callable[..., Any] | None = None, records: dict[str, type] | None = None
) -> dict[str, frozenset[str]]:
    """The fields of each record kind that the columns are built from: found by building them
    for one sample record of each kind that notes what is read. A field a row (or `build`) starts
    reading is included without being listed anywhere."""
    read: dict[str, set[str]] = {kind: set() for kind in KINDS}
    kinds = {kind: k.record for kind, k in KINDS.items()} | (records or {})
    block, deal, plant = (_sample(kinds[k]) for k in ("blocks", "deals", "plants"))
    deal = deal.model_copy(update={"block_id": block.id})
    (build or RecordColumns.build)(
        [_Reading(block, read["blocks"])],
        [_Reading(deal, read["deals"])],
        [_Reading(plant, read["plants"])],
    )
    return {kind: frozenset(names) for kind, names in read.items()}


# The record fields the projection and the Monte Carlo read (through these columns): an edit of
# any other field (a firm, a note, a cost) moves no number. Traced, so a new row never drifts.
MODEL_FIELDS: dict[str, frozenset[str]] = fields_read()


# --- the cache: a few recent portfolios (the session's current one, a worker's, a CLI's) --------

_CACHE: OrderedDict[int, tuple[Any, RecordColumns]] = OrderedDict()
_CACHE_SIZE = 8
_LOCK = threading.Lock()


def columns_of(portfolio) -> RecordColumns:
    """The columns of a portfolio's records: cached, or patched from the last ones, or built."""
    key = id(portfolio)
    with _LOCK:
        hit = _CACHE.get(key)
    if hit is not None and hit[0] is portfolio:
        columns = hit[1]
        if columns.matches(portfolio.blocks, portfolio.deals, portfolio.plants):
            return columns
    columns = RecordColumns.build(portfolio.blocks, portfolio.deals, portfolio.plants)
    remember(portfolio, columns)
    return columns


def remember(portfolio, columns: RecordColumns) -> None:
    """Cache `columns` for `portfolio` (the strong reference keeps its id from being reused)."""
    with _LOCK:
        _CACHE[id(portfolio)] = (portfolio, columns)
        _CACHE.move_to_end(id(portfolio))
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)

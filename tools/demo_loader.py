"""Read the demo's data files (tools/demo_data/*.csv, described in its README.md) and check them.

A bad row is refused with one line naming the file, the line and what is wrong
(`tools/demo_data/sourced_values.csv:41: value 'abc' is not a number`).
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "demo_data"
ROOT = DATA.parent.parent

# The sourced figures each kind of record has; the demand path is the one record "india".
FIELDS = {
    "blocks": ("nameplate_tpa", "ndpr_share", "dytb_share", "first_year", "resource_treo_t"),
    "plants": ("capacity_tpa", "first_year"),
    "demand": ("base_t", "horizon_t", "china_share"),
}
DEMAND_ID = "india"
YEAR_FIELDS = {"first_year"}
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class DataError(Exception):
    """A data file refused: the message is one line, `file:line: what is wrong`."""


@dataclass(frozen=True)
class Fig:
    """One sourced value; the `chosen` one of a figure is the one the demo uses."""

    field: str
    value: float | int
    unit: str
    source: str  # publication and title
    url: str  # empty only for the official brief, which is not public
    as_of: str  # YYYY, YYYY-MM or YYYY-MM-DD: when the source stated it
    note: str
    chosen: bool


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    country: str
    lat: float
    lon: float
    operator: str
    deposit_type: str
    stage: str
    product: str
    notes: str
    figures: list[Fig] = field(default_factory=list)


@dataclass(frozen=True)
class PlantSpec:
    id: str
    name: str
    stage: str
    status: str
    firm_id: str
    notes: str
    figures: list[Fig] = field(default_factory=list)


@dataclass(frozen=True)
class DemoData:
    projects: list[Project]
    plants: list[PlantSpec]
    demand: list[Fig]
    firms: list[dict]
    deals: list[dict]
    options: list[dict]


# --- cell parsers: each returns the value or raises ValueError saying what is wrong ---


def text(cell: str) -> str:
    return cell


def required(cell: str) -> str:
    if not cell.strip():
        raise ValueError("is empty")
    return cell


def number(cell: str) -> float:
    try:
        parsed = float(cell)
    except ValueError:
        raise ValueError("is not a number") from None
    if not math.isfinite(parsed):
        raise ValueError("is not a finite number")
    return parsed


def whole(cell: str) -> int:
    try:
        return int(cell)
    except ValueError:
        raise ValueError("is not a whole number") from None


def optional_whole(cell: str) -> int | None:
    return None if cell == "" else whole(cell)


def yes_no(cell: str) -> bool:
    if cell not in ("yes", "no"):
        raise ValueError("is not 'yes' or 'no'")
    return cell == "yes"


def date(cell: str) -> str:
    if not DATE.fullmatch(cell):
        raise ValueError("is not a date YYYY, YYYY-MM or YYYY-MM-DD")
    return cell


def link(cell: str) -> str:
    if cell and not cell.startswith(("http://", "https://")):
        raise ValueError("is not an http(s) link")
    return cell


def roles(cell: str) -> list[str]:
    names = [part.strip() for part in cell.split(";")]
    if not all(names):
        raise ValueError("needs one or more roles separated by ';'")
    return names


Columns = dict[str, Callable[[str], object]]

BLOCKS: Columns = {
    "id": required, "name": required, "country": required, "lat": number, "lon": number,
    "operator": required, "deposit_type": required, "stage": required, "product": required,
    "notes": text,
}  # fmt: skip
PLANTS: Columns = {
    "id": required, "name": required, "stage": required, "status": required,
    "firm_id": required, "notes": text,
}  # fmt: skip
SOURCED: Columns = {
    "kind": required, "record": required, "field": required, "value": number, "unit": required,
    "chosen": yes_no, "as_of": date, "source": required, "url": link, "note": text,
}  # fmt: skip
FIRMS: Columns = {"id": required, "name": required, "kind": required, "roles": roles, "notes": text}
DEALS: Columns = {
    "id": required, "block_id": required, "firm_id": required, "status": required,
    "offtake_share": number, "equity_share": number, "start_year": optional_whole, "notes": text,
}  # fmt: skip
OPTIONS: Columns = {
    "id": required, "name": required, "stage": required, "capacity_tpa": number,
    "first_year": whole, "ramp_years": whole, "status": required, "capex_musd": number,
    "source": text, "notes": text,
}  # fmt: skip


def where(path: Path, line: int) -> str:
    try:
        shown = path.resolve().relative_to(ROOT)
    except ValueError:
        shown = path
    return f"{shown}:{line}"


def rows(path: Path, columns: Columns) -> Iterator[tuple[int, dict]]:
    """Each data row as (its first line, its parsed cells); blank lines are skipped."""
    try:
        fh = path.open(encoding="utf-8-sig", newline="")  # a spreadsheet may add a BOM
    except OSError as exc:
        raise DataError(f"{where(path, 0)}: cannot read ({exc.strerror})") from None
    with fh:
        reader = csv.reader(fh)
        end = 0  # the last line of the previous row
        try:
            for cells in reader:
                line, end = end + 1, reader.line_num
                if line == 1:
                    if cells != list(columns):
                        raise DataError(f"{where(path, 1)}: the header must be {','.join(columns)}")
                    continue
                if not cells:
                    continue
                if len(cells) != len(columns):
                    raise DataError(
                        f"{where(path, line)}: {len(cells)} cells, expected {len(columns)} "
                        f"({','.join(columns)})"
                    )
                parsed = {}
                for (name, parse), cell in zip(columns.items(), cells, strict=True):
                    try:
                        parsed[name] = parse(cell)
                    except ValueError as exc:
                        raise DataError(f"{where(path, line)}: {name} {cell!r} {exc}") from None
                yield line, parsed
        except (csv.Error, UnicodeDecodeError) as exc:
            raise DataError(f"{where(path, end + 1)}: not readable as CSV ({exc})") from None
        if end == 0:
            raise DataError(f"{where(path, 1)}: empty, the header must be {','.join(columns)}")


def records(path: Path, columns: Columns) -> dict[str, tuple[int, dict]]:
    """A file's rows by id, refusing an id given twice."""
    found: dict[str, tuple[int, dict]] = {}
    for line, row in rows(path, columns):
        if row["id"] in found:
            first = found[row["id"]][0]
            raise DataError(f"{where(path, line)}: id {row['id']!r} again (first on line {first})")
        found[row["id"]] = (line, row)
    return found


def must_exist(path: Path, line: int, what: str, key: str, known: dict, in_file: str) -> None:
    if key not in known:
        raise DataError(f"{where(path, line)}: {what} {key!r} is not an id in {in_file}")


def sourced_values(folder: Path, records_by_kind: dict[str, dict]) -> dict[tuple, list[Fig]]:
    """The sourced values by (kind, record), in file order, checked against their records."""
    path = folder / "sourced_values.csv"
    figures: dict[tuple, list[Fig]] = {}
    chosen_on: dict[tuple, int] = {}
    for line, row in rows(path, SOURCED):
        kind, record, name = row["kind"], row["record"], row["field"]
        if kind not in FIELDS:
            raise DataError(f"{where(path, line)}: kind {kind!r} is not one of {', '.join(FIELDS)}")
        known = records_by_kind[kind]
        if record not in known:
            home = "demand (only 'india')" if kind == "demand" else f"{kind}.csv"
            raise DataError(f"{where(path, line)}: record {record!r} is not an id in {home}")
        if name not in FIELDS[kind]:
            raise DataError(
                f"{where(path, line)}: field {name!r} is not a sourced figure of {kind} "
                f"({', '.join(FIELDS[kind])})"
            )
        value = row["value"]
        if name in YEAR_FIELDS:
            if value != int(value):
                raise DataError(f"{where(path, line)}: {name} {value:g} is not a whole year")
            value = int(value)
        if row["chosen"]:
            key = (kind, record, name)
            if key in chosen_on:
                raise DataError(
                    f"{where(path, line)}: a second chosen value for {record} {name} "
                    f"(the first is on line {chosen_on[key]}); mark one 'no'"
                )
            chosen_on[key] = line
        fig = Fig(
            field=name,
            value=value,
            **{key: row[key] for key in ("unit", "source", "url", "as_of", "note", "chosen")},
        )
        figures.setdefault((kind, record), []).append(fig)
    needed = [("plants", "capacity_tpa")] + [("demand", name) for name in FIELDS["demand"]]
    for kind, field_name in needed:
        for record, (line, _row) in records_by_kind[kind].items():
            if (kind, record, field_name) not in chosen_on:
                at = where(folder / f"{kind}.csv", line) if kind == "plants" else where(path, 1)
                raise DataError(
                    f"{at}: {kind} record {record!r} has no chosen {field_name} in "
                    "sourced_values.csv (the build needs one: mark one of its values 'yes')"
                )
    return figures


def load(folder: Path = DATA) -> DemoData:
    """Every data file of the demo, read and checked; DataError names the first bad row."""
    blocks = records(folder / "blocks.csv", BLOCKS)
    plants = records(folder / "plants.csv", PLANTS)
    firms = records(folder / "firms.csv", FIRMS)
    deals = records(folder / "deals.csv", DEALS)
    options = records(folder / "options.csv", OPTIONS)
    for line, plant in plants.values():
        must_exist(folder / "plants.csv", line, "firm_id", plant["firm_id"], firms, "firms.csv")
    for line, deal in deals.values():
        path = folder / "deals.csv"
        must_exist(path, line, "block_id", deal["block_id"], blocks, "blocks.csv")
        must_exist(path, line, "firm_id", deal["firm_id"], firms, "firms.csv")
    for line, option in options.values():
        if option["id"] in plants:
            raise DataError(
                f"{where(folder / 'options.csv', line)}: id {option['id']!r} is also in plants.csv"
            )
    figures = sourced_values(
        folder, {"blocks": blocks, "plants": plants, "demand": {DEMAND_ID: (1, {})}}
    )
    return DemoData(
        projects=[
            Project(**row, figures=figures.get(("blocks", i), [])) for i, (_, row) in blocks.items()
        ],
        plants=[
            PlantSpec(**row, figures=figures.get(("plants", i), []))
            for i, (_, row) in plants.items()
        ],
        demand=figures.get(("demand", DEMAND_ID), []),
        firms=[row for _, row in firms.values()],
        deals=[row for _, row in deals.values()],
        options=[row for _, row in options.values()],
    )

"""The portfolio's records: blocks, firms, deals and plants, each declared once, and their registry.

Each class is an SQLModel record with typed, ranged fields and their labels and units
(`model.fields`); the store's tables, the desktop's columns, spreadsheet headers, redaction
defaults and the interchange file are derived from it. No Qt. Every field that may be
unknown for a real project is optional: the demo never invents a figure, and the projection treats
a block that lacks what it needs as contributing nothing (it is listed as incomplete).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator, model_validator
from pydantic.fields import FieldInfo
from sqlmodel import SQLModel

from model import fields
from model.choices import TABLE_KINDS  # noqa: F401 (re-exported: the kinds with a table)
from model.countries import parse_country
from model.fields import (
    choice,
    country,
    ident,
    listing,
    meta,
    number,
    reference,
    text,
    whole,
    year,
)
from model.numbers import numbers_only


class Stage(StrEnum):
    exploration = "exploration"
    prefeasibility = "prefeasibility"
    feasibility = "feasibility"
    construction = "construction"
    producing = "producing"


class Product(StrEnum):
    concentrate = "concentrate"  # needs separation
    mixed = "mixed"  # mixed RE carbonate/sulphate: needs separation
    separated = "separated"  # separated rare-earth oxides
    ndpr_oxide = "ndpr_oxide"  # output already stated in t NdPr oxide


NEEDS_SEPARATION = frozenset({Product.concentrate, Product.mixed})


class FirmKind(StrEnum):
    psu = "psu"
    private = "private"
    foreign = "foreign"


class FirmRole(StrEnum):
    mining = "mining"
    separation = "separation"
    metal = "metal"
    magnet = "magnet"
    trading = "trading"


class DealStatus(StrEnum):
    """Declared in the order a deal advances (the map ranks by it); rejected: out of it."""

    candidate = "candidate"
    negotiating = "negotiating"
    mou = "mou"
    signed = "signed"
    acquired = "acquired"
    rejected = "rejected"


COMMITTED_DEALS = frozenset({DealStatus.signed, DealStatus.acquired})
OPEN_DEALS = frozenset(DealStatus) - {DealStatus.acquired, DealStatus.rejected}  # a plan may close


class PlantStage(StrEnum):
    separation = "separation"
    metal = "metal"
    magnet = "magnet"


# What a plant's capacity counts, by its stage (the capacity field's tip, reports).
PLANT_CAPACITY_UNITS = {
    PlantStage.separation: "t TREO feed/yr",
    PlantStage.metal: "t NdPr metal/yr",
    PlantStage.magnet: "t magnets/yr",
}


class PlantStatus(StrEnum):
    operating = "operating"
    construction = "construction"
    committed = "committed"
    planned = "planned"
    option = "option"  # not decided: contributes nothing unless a plan builds it


BUILT_OPTION = PlantStatus.committed  # the status a plan gives an option it builds


COMMITTED_PLANTS = frozenset(
    {PlantStatus.operating, PlantStatus.construction, PlantStatus.committed}
)

Year = int
YEAR_MIN, YEAR_MAX = fields.YEAR_MIN, fields.YEAR_MAX  # re-exported: one year range


class Record(BaseModel):
    """Common settings: unknown keys are errors (a typo must not silently drop data); numbers
    are finite and never true/false (`model.numbers`)."""

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, use_enum_values=False, allow_inf_nan=False
    )

    @model_validator(mode="before")
    @classmethod
    def _numbers_only(cls, data: Any) -> Any:
        return numbers_only(cls, data)


_assignments = 0  # field assignments on records so far (`assignments`)


def assignments() -> int:
    """How many times a field of a record was assigned in place. Records are values (an edit
    makes a new one), but the API allows `block.nameplate_tpa = ...`: caches of record numbers
    (model.record_columns) compare this count, so they never return numbers from before it."""
    return _assignments


class TableRecord(SQLModel):
    """A record kind kept in a table of the portfolio file. The class is the validated record
    (SQLModel without `table=True` validates like pydantic); `model.store.tables` derives the
    table class from it by subclassing, so fields are declared only here."""

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, use_enum_values=False, allow_inf_nan=False
    )

    @model_validator(mode="before")
    @classmethod
    def _numbers_only(cls, data: Any) -> Any:
        return numbers_only(cls, data)  # true/false is not a number (`model.numbers`)

    # pydantic's own constructor: SQLModel's validates each record a second time and prepares
    # it for SQLAlchemy (needed for table instances, which the app never creates), which would
    # make the bulk load three times slower.
    def __new__(cls, *args: object, **kwargs: object) -> TableRecord:
        return object.__new__(cls)

    __init__ = BaseModel.__init__

    def __setattr__(self, name: str, value: Any) -> None:
        global _assignments
        super().__setattr__(name, value)
        if name in type(self).model_fields:  # not `__dict__`, which validation itself sets
            _assignments += 1


def record_name() -> Any:
    """A record's name: required, unique within its kind (blocks, firms, plants alike)."""
    return text("Name", ..., unique=True, max_length=200)


def ramp() -> Any:
    """Years from first output to nameplate (equation 1): blocks and plants alike."""
    return whole("Ramp", unit="yr", low=1, high=50, default=1)


class Block(TableRecord):
    id: str = ident()
    name: str = record_name()
    country: str = country(new="AUS")
    lat: float | None = number("Lat", unit="°", low=-90, high=90, decimals=2, optional=True)
    lon: float | None = number("Lon", unit="°", low=-180, high=180, decimals=2, optional=True)
    operator: str = text("Operator")
    deposit_type: str = text("Deposit type")
    stage: Stage = choice("Stage", new=Stage.exploration)
    product: Product = choice("Product", new=Product.concentrate)
    nameplate_tpa: float | None = number(
        "Nameplate",
        unit="t/yr",
        low=0,
        optional=True,
        tip="t TREO/yr contained, or t NdPr oxide/yr when the product is ndpr_oxide",
    )
    ndpr_share: float | None = number(
        "NdPr share",
        low=0,
        high=1,
        decimals=3,
        percent=True,
        optional=True,
        tip="NdPr oxide fraction of TREO",
    )
    dytb_share: float | None = number(
        "Dy+Tb share", low=0, high=1, decimals=4, percent=True, optional=True
    )
    first_year: Year | None = year("First year")
    ramp_years: int = ramp()
    resource_treo_t: float | None = number("Resource", unit="t TREO", low=0, optional=True)
    acquisition_cost_musd: float | None = number(
        "Cost", unit=fields.MONEY, low=0, decimals=1, optional=True, confidential=True
    )
    source: str = text("Source")
    as_of: str = text("As of")
    notes: str = text("Notes")

    @field_validator("country")
    @classmethod
    def _iso3(cls, value: str) -> str:
        found = parse_country(value)  # 'AUS', 'aus', 'Australia' or 'Australia (AUS)'
        if found is None:
            raise ValueError(f"'{value}' is not an ISO 3166-1 alpha-3 country code or country name")
        return found


class Firm(TableRecord):
    id: str = ident()
    name: str = record_name()
    kind: FirmKind = choice("Kind", new=FirmKind.private)
    roles: list[FirmRole] = listing("Roles", tip="comma-separated")
    notes: str = text("Notes")

    @field_validator("roles")
    @classmethod
    def _unique_roles(cls, roles: list[FirmRole]) -> list[FirmRole]:
        return list(dict.fromkeys(roles))


class Deal(TableRecord):
    id: str = ident()
    block_id: str = reference("Block", "blocks")
    firm_id: str = reference("Firm", "firms")
    status: DealStatus = choice("Status", new=DealStatus.candidate)
    offtake_share: float = number(
        "Offtake share",
        low=0,
        high=1,
        decimals=3,
        percent=True,
        tip="Fraction of the block's output delivered to India under this deal",
        new=0.0,  # a new deal's placeholder: it cannot break the block's offtake cap
    )
    equity_share: float = number(
        "Equity share", low=0, high=1, decimals=3, percent=True, default=0.0
    )
    start_year: Year | None = year("Start year")
    cost_musd: float | None = number(
        "Cost",
        unit=fields.MONEY,
        low=0,
        decimals=1,
        optional=True,
        confidential=True,
        tip="What India commits to close this deal (equity, acquisition, prepayment)",
    )
    notes: str = text("Notes", confidential=True)


class Plant(TableRecord):
    id: str = ident()
    firm_id: str | None = reference("Firm", "firms", optional=True)
    name: str = record_name()
    stage: PlantStage = choice("Stage", new=PlantStage.magnet)
    capacity_tpa: float = number(
        "Capacity",
        unit="t/yr",
        low=0,
        tip="; ".join(f"{stage.value}: {unit}" for stage, unit in PLANT_CAPACITY_UNITS.items()),
        new=0.0,
    )
    first_year: Year | None = year("First year")
    ramp_years: int = ramp()
    status: PlantStatus = choice("Status", new=PlantStatus.planned)
    capex_musd: float | None = number(
        "Capex",
        unit=fields.MONEY,
        low=0,
        decimals=1,
        optional=True,
        tip="What building it costs; a plan's budget counts it for options it builds",
    )
    source: str = text("Source")
    notes: str = text("Notes")


class Evidence(TableRecord):
    """One sourced value of a figure: a record's numeric field ('blocks', 'plants') or a
    portfolio-wide figure ('demand', 'assumptions'). Of a figure's values one is chosen and used;
    the others are shown beside it, and their spread can serve as its uncertainty range."""

    id: str = ident()
    record_kind: str = text("Kind", ..., tip="blocks, plants, demand or assumptions")
    record_id: str = text("Record", ..., tip="the record's id ('demand' for the demand figures)")
    field_name: str = text("Field", ...)
    value: float = number("Value", decimals=3)
    unit: str = text("Unit")
    source: str = text("Source", ..., tip="publication and title")
    url: str = text("URL")
    as_of: str = text("As of", ..., tip="when the source stated it: YYYY, YYYY-MM or YYYY-MM-DD")
    note: str = text("Note", tip="how a derived value was derived, caveats")
    chosen: int = whole("Chosen", low=0, high=1, default=0)


# --- the registry of record kinds -------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """One record kind: its table (also the interchange key), class and the words for it."""

    table: str  # 'blocks': table, interchange key, Edit.kind
    record: type[TableRecord]
    singular: str  # 'block': messages, undo text, new ids ('new-block')
    title: str  # 'Blocks': tab and spreadsheet sheet
    about: str = ""  # one line saying what the records are (the desktop's tab tip)
    lead: tuple[str, ...] = ()  # fields the desktop's table shows first; the rest follow in order

    @property
    def sheet(self) -> str:
        return self.title

    @property
    def fields(self) -> dict[str, FieldInfo]:
        return self.record.model_fields

    def dependents(self) -> list[tuple[str, str]]:
        """(kind, field) of every reference to this kind, from the declarations."""
        return [
            (other.table, name)
            for other in KINDS.values()
            for name, info in other.fields.items()
            if meta(info).refers_to == self.table
        ]


KINDS: dict[str, Kind] = {
    k.table: k
    for k in (
        Kind(
            "blocks",
            Block,
            "block",
            "Blocks",
            about="Overseas mining blocks: where the ore is, how much, from when",
            lead=(
                *("id", "name", "country", "stage", "product", "nameplate_tpa", "ndpr_share"),
                *("first_year", "ramp_years", "resource_treo_t", "acquisition_cost_musd"),
                "operator",
            ),
        ),
        Kind(
            "firms", Firm, "firm", "Firms", "Firms: Indian PSUs, private firms and foreign partners"
        ),
        Kind(
            "deals",
            Deal,
            "deal",
            "Deals",
            "Deals linking a firm to a block, with India's share of the output",
        ),
        Kind(
            "plants",
            Plant,
            "plant",
            "Plants",
            about="Domestic plants: separation, metal and magnet lines",
            lead=("id", "name", "firm_id", "stage", "capacity_tpa", "status"),
        ),
        Kind(
            "evidence",
            Evidence,
            "sourced value",
            "Evidence",
            lead=("record_kind", "record_id", "field_name", "value", "unit", "chosen"),
        ),
    )
}


def kind(name: str) -> Kind:
    """The registry entry for 'blocks', ...; a clear error for anything else."""
    if name not in KINDS:
        raise ValueError(f"unknown record kind '{name}' (one of {', '.join(KINDS)})")
    return KINDS[name]

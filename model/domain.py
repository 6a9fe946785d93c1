"""The portfolio's records: blocks, firms, deals and plants.

Plain pydantic models with typed, ranged fields; no Qt and no database. Every field that may be
unknown for a real project is optional: the demo never invents a figure, and the projection treats
a block that lacks what it needs as contributing nothing (it is listed as incomplete).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from model.countries import parse_country


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
    candidate = "candidate"
    negotiating = "negotiating"
    mou = "mou"
    signed = "signed"
    acquired = "acquired"
    rejected = "rejected"


COMMITTED_DEALS = frozenset({DealStatus.signed, DealStatus.acquired})


class PlantStage(StrEnum):
    separation = "separation"  # capacity in t TREO feed/yr
    metal = "metal"  # capacity in t NdPr metal/yr
    magnet = "magnet"  # capacity in t sintered magnet/yr


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
YEAR_MIN, YEAR_MAX = 1950, 2100


class Record(BaseModel):
    """Common settings: unknown keys are errors (a typo must not silently drop data)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)


class Block(Record):
    id: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    country: str = Field(description="ISO 3166-1 alpha-3")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    operator: str = ""
    deposit_type: str = ""
    stage: Stage
    product: Product
    nameplate_tpa: float | None = Field(
        default=None, ge=0, description="t TREO/yr contained, or t NdPr oxide/yr (ndpr_oxide)"
    )
    ndpr_share: float | None = Field(default=None, ge=0, le=1)
    dytb_share: float | None = Field(default=None, ge=0, le=1)
    first_year: Year | None = Field(default=None, ge=YEAR_MIN, le=YEAR_MAX)
    ramp_years: int = Field(default=1, ge=1, le=50)
    resource_treo_t: float | None = Field(default=None, ge=0)
    acquisition_cost_musd: float | None = Field(default=None, ge=0)
    source: str = ""
    as_of: str = ""
    notes: str = ""

    @field_validator("country")
    @classmethod
    def _iso3(cls, value: str) -> str:
        found = parse_country(value)  # 'AUS', 'aus', 'Australia' or 'Australia (AUS)'
        if found is None:
            raise ValueError(f"'{value}' is not an ISO 3166-1 alpha-3 country code or country name")
        return found


class Firm(Record):
    id: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    kind: FirmKind
    roles: list[FirmRole] = Field(default_factory=list)
    notes: str = ""

    @field_validator("roles")
    @classmethod
    def _unique_roles(cls, roles: list[FirmRole]) -> list[FirmRole]:
        return list(dict.fromkeys(roles))


class Deal(Record):
    id: str = Field(min_length=1, max_length=64)
    block_id: str = Field(min_length=1)
    firm_id: str = Field(min_length=1)
    status: DealStatus
    offtake_share: float = Field(ge=0, le=1)
    equity_share: float = Field(default=0.0, ge=0, le=1)
    start_year: Year | None = Field(default=None, ge=YEAR_MIN, le=YEAR_MAX)
    cost_musd: float | None = Field(
        default=None,
        ge=0,
        description="USD m India commits to close this deal (equity, acquisition, prepayment)",
    )
    notes: str = ""


class Plant(Record):
    id: str = Field(min_length=1, max_length=64)
    firm_id: str | None = None
    name: str = Field(min_length=1, max_length=200)
    stage: PlantStage
    capacity_tpa: float = Field(ge=0)
    first_year: Year | None = Field(default=None, ge=YEAR_MIN, le=YEAR_MAX)
    ramp_years: int = Field(default=1, ge=1, le=50)
    status: PlantStatus
    capex_musd: float | None = Field(default=None, ge=0, description="USD m to build it")
    source: str = ""
    notes: str = ""

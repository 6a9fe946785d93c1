"""What each table shows: the column, its header with unit, how it is edited and its range.

The ranges mirror the model's pydantic fields, so an editor can refuse a value before the store
would; the store checks again anyway.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.domain import (
    DealStatus,
    FirmKind,
    FirmRole,
    PlantStage,
    PlantStatus,
    Product,
    Stage,
)

# Editor kinds
TEXT, CHOICE, NUMBER, YEAR, INTEGER, COUNTRY, FIRM, BLOCK, ROLES, READONLY = [
    "text",
    "choice",
    "number",
    "year",
    "integer",
    "country",
    "firm",
    "block",
    "roles",
    "readonly",
]


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    editor: str = TEXT
    low: float = 0.0
    high: float = 1e9
    decimals: int = 0
    unit: str = ""
    optional: bool = False  # may be left empty ("unknown")
    choices: tuple[str, ...] = ()
    tip: str = ""


def _choices(enum) -> tuple[str, ...]:
    return tuple(e.value for e in enum)


COLUMNS: dict[str, list[Column]] = {
    "blocks": [
        Column("id", "Id", READONLY),
        Column("name", "Name"),
        Column("country", "Country", COUNTRY),
        Column("stage", "Stage", CHOICE, choices=_choices(Stage)),
        Column("product", "Product", CHOICE, choices=_choices(Product)),
        Column(
            "nameplate_tpa",
            "Nameplate (t/yr)",
            NUMBER,
            0,
            1e6,
            0,
            " t/yr",
            True,
            tip="t TREO/yr contained, or t NdPr oxide/yr when the product is ndpr_oxide",
        ),
        Column(
            "ndpr_share", "NdPr share", NUMBER, 0, 1, 3, "", True, tip="NdPr oxide fraction of TREO"
        ),
        Column("first_year", "First year", YEAR, 1950, 2100, optional=True),
        Column("ramp_years", "Ramp (yr)", INTEGER, 1, 50, unit=" yr"),
        Column("resource_treo_t", "Resource (t TREO)", NUMBER, 0, 1e9, 0, " t", True),
        Column("acquisition_cost_musd", "Cost (USD m)", NUMBER, 0, 1e6, 1, " USD m", True),
        Column("operator", "Operator"),
        Column("lat", "Lat (°)", NUMBER, -90, 90, 2, "°", True),
        Column("lon", "Lon (°)", NUMBER, -180, 180, 2, "°", True),
        Column("dytb_share", "Dy+Tb share", NUMBER, 0, 1, 4, "", True),
        Column("deposit_type", "Deposit type"),
        Column("source", "Source"),
        Column("as_of", "As of"),
        Column("notes", "Notes"),
    ],
    "firms": [
        Column("id", "Id", READONLY),
        Column("name", "Name"),
        Column("kind", "Kind", CHOICE, choices=_choices(FirmKind)),
        Column("roles", "Roles", ROLES, choices=_choices(FirmRole), tip="comma-separated"),
        Column("notes", "Notes"),
    ],
    "deals": [
        Column("id", "Id", READONLY),
        Column("block_id", "Block", BLOCK),
        Column("firm_id", "Firm", FIRM),
        Column("status", "Status", CHOICE, choices=_choices(DealStatus)),
        Column(
            "offtake_share",
            "Offtake share",
            NUMBER,
            0,
            1,
            3,
            tip="Fraction of the block's output delivered to India under this deal",
        ),
        Column("equity_share", "Equity share", NUMBER, 0, 1, 3),
        Column("start_year", "Start year", YEAR, 1950, 2100, optional=True),
        Column(
            "cost_musd",
            "Cost (USD m)",
            NUMBER,
            0,
            1e6,
            1,
            " USD m",
            True,
            tip="What India commits to close this deal (equity, acquisition, prepayment)",
        ),
        Column("notes", "Notes"),
    ],
    "plants": [
        Column("id", "Id", READONLY),
        Column("name", "Name"),
        Column("firm_id", "Firm", FIRM, optional=True),
        Column("stage", "Stage", CHOICE, choices=_choices(PlantStage)),
        Column(
            "capacity_tpa",
            "Capacity (t/yr)",
            NUMBER,
            0,
            1e6,
            0,
            " t/yr",
            tip="separation: t TREO feed/yr; metal: t NdPr metal/yr; magnet: t magnet/yr",
        ),
        Column("status", "Status", CHOICE, choices=_choices(PlantStatus)),
        Column("first_year", "First year", YEAR, 1950, 2100, optional=True),
        Column("ramp_years", "Ramp (yr)", INTEGER, 1, 50, unit=" yr"),
        Column(
            "capex_musd",
            "Capex (USD m)",
            NUMBER,
            0,
            1e6,
            1,
            " USD m",
            True,
            tip="What building it costs; a plan's budget counts it for options it builds",
        ),
        Column("source", "Source"),
        Column("notes", "Notes"),
    ],
}

TITLES = {"blocks": "Blocks", "firms": "Firms", "deals": "Deals", "plants": "Plants"}
UNKNOWN = "unknown"

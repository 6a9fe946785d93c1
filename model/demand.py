"""Demand for sintered NdFeB (rare-earth) magnets in India and the imports the projection leaves.

Per year t (the projection's years):
    demand(t)         = path[t] if set, else base_t * g^(t - base_year) up to horizon_year
                        (g = (horizon_t / base_t)^(1 / (horizon_year - base_year))), held at
                        horizon_t after it (no source goes further), base_t before base_year
    domestic(t)       = the projection's magnets M(t)
    imports(t)        = max(0, demand(t) - domestic(t))
    china_imports(t)  = imports(t) * china_share(t)   (china_share_path[t] if set, else china_share)
    self_sufficiency  = domestic(t) / demand(t)        (None when demand is 0; above 1 = surplus)
    surplus(t)        = max(0, domestic(t) - demand(t))
All in t sintered rare-earth (NdFeB) magnets per year: not all permanent magnets (ferrite
magnets dominate India's permanent-magnet imports by tonnage).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from pydantic import Field, model_validator

from model.demand_presets import DEFAULT, PRESETS
from model.domain import YEAR_MAX, YEAR_MIN, Record
from model.fields import PERCENT, YEAR, bounds

UNIT = "t sintered NdFeB (rare-earth) magnets/yr"


IMPORTS_NOTE = (
    "Imports here are computed: demand minus domestic output under the chosen demand path. "
    "Sourced magnet-import figures (in the sources) are what trade records counted; they are "
    "context, not demand, and differ from the computed imports."
)


class Demand(Record):
    """India's demand path for sintered rare-earth magnets, editable like the target path."""

    base_year: int = Field(default=DEFAULT.base_year, ge=YEAR_MIN, le=YEAR_MAX)
    base_t: float = Field(default=DEFAULT.base_t, ge=0, allow_inf_nan=False)
    horizon_year: int = Field(default=DEFAULT.horizon_year, ge=YEAR_MIN, le=YEAR_MAX)
    horizon_t: float = Field(default=DEFAULT.horizon_t, ge=0, allow_inf_nan=False)
    path: dict[int, float] = Field(default_factory=dict, description="year -> t, overrides")
    china_share: float = Field(default=0.93, ge=0, le=1, allow_inf_nan=False)
    china_share_path: dict[int, float] = Field(default_factory=dict)
    source: str = (
        "Base ~4,000 t/yr rare-earth magnet demand (industry estimate, Financial Express 2025); "
        "doubling 2025-2030 (Union Cabinet, Nov 2025); China 93% of FY25 permanent-magnet "
        "imports (Indian Express, June 2025)"
    )

    @model_validator(mode="after")
    def _ordered(self) -> Demand:
        if self.horizon_year <= self.base_year:
            raise ValueError("horizon_year must be after base_year")
        for year, value in (*self.path.items(), *self.china_share_path.items()):
            if not (YEAR_MIN <= year <= YEAR_MAX) or not np.isfinite(value) or value < 0:
                raise ValueError(f"path entry {year}: {value} is not a year and a value >= 0")
        low, high = bounds(Demand.model_fields["china_share"])  # a year's share: the same range
        if any(v > high for v in self.china_share_path.values()):
            raise ValueError(f"china_share_path values are shares between {low} and {high}")
        return self

    def at(self, year: int) -> float:
        if year in self.path:
            return self.path[year]
        if year <= self.base_year:
            return self.base_t
        if year >= self.horizon_year or self.base_t == 0:
            return self.horizon_t if year >= self.horizon_year else self.base_t
        span = self.horizon_year - self.base_year
        growth = (self.horizon_t / self.base_t) ** (1 / span)
        return self.base_t * growth ** (year - self.base_year)

    def china_share_at(self, year: int) -> float:
        return self.china_share_path.get(year, self.china_share)


FIELD_LABELS = {
    "base_year": "Base year",
    "base_t": "Demand in the base year (t)",
    "horizon_year": "Horizon year",
    "horizon_t": "Demand in the horizon year (t)",
    "china_share": "China's share of magnet imports",
}
FIELD_FORMATS = {"base_year": YEAR, "horizon_year": YEAR, "china_share": PERCENT}  # else t


def apply_preset(demand: Demand, name: str) -> Demand:
    """The demand with a preset's base and horizon figures (its path overrides cleared)."""
    preset = PRESETS[name]
    return demand.model_copy(
        update={
            "base_year": preset.base_year,
            "base_t": preset.base_t,
            "horizon_year": preset.horizon_year,
            "horizon_t": preset.horizon_t,
            "path": {},
            "source": preset.source,
        }
    )


@dataclass(frozen=True)
class DemandBalance:
    """Demand against domestic output, year by year (arrays over `years`)."""

    years: np.ndarray
    demand: np.ndarray
    domestic: np.ndarray
    imports: np.ndarray
    china_imports: np.ndarray
    surplus: np.ndarray
    self_sufficiency: np.ndarray  # NaN where demand is 0

    def rows(self) -> list[dict]:
        """One dict per year with the keys `repm demand --format json` prints."""
        return [
            {
                "year": int(self.years[i]),
                "demand_t": float(self.demand[i]),
                "domestic_t": float(self.domestic[i]),
                "import_t": float(self.imports[i]),
                "china_import_t": float(self.china_imports[i]),
                "self_sufficiency": (
                    None if np.isnan(self.self_sufficiency[i]) else float(self.self_sufficiency[i])
                ),
            }
            for i in range(len(self.years))
        ]

    def year_index(self, year: int) -> int:
        return int(np.searchsorted(self.years, year))


def balance(demand: Demand, years, domestic) -> DemandBalance:
    """The demand arithmetic for `years` given domestic magnets per year (the projection)."""
    years = np.asarray(years, dtype=int)
    domestic = np.asarray(domestic, dtype=float)
    wanted = np.array([demand.at(int(y)) for y in years], dtype=float)
    shares = np.array([demand.china_share_at(int(y)) for y in years], dtype=float)
    imports = np.maximum(0.0, wanted - domestic)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(wanted > 0, domestic / np.where(wanted > 0, wanted, 1.0), np.nan)
    return DemandBalance(
        years=years,
        demand=wanted,
        domestic=domestic,
        imports=imports,
        china_imports=imports * shares,
        surplus=np.maximum(0.0, domestic - wanted),
        self_sufficiency=ratio,
    )


def demand_balance(projection, demand: Demand) -> DemandBalance:
    """The balance for a Projection (model.api.project)."""
    return balance(demand, projection.years, projection.magnets)

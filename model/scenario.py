"""The target path and named scenarios (what-if settings layered over the portfolio)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, field_validator

from model.assumptions import override_problems
from model.choices import HORIZON_END, HORIZON_START, TARGET_YEAR, Mode  # noqa: F401 (re-exported)
from model.countries import country_names
from model.domain import YEAR_MAX, YEAR_MIN, Block, Deal, DealStatus, PlantStatus, Record
from model.fields import KeyedBy, override

SCHEME_TARGET_TPA = 6000.0  # t sintered NdFeB/yr, the scheme's aim (india.md, NDTV Nov 2025)


TargetYear = Annotated[int, Field(ge=YEAR_MIN, le=YEAR_MAX)]
TargetTonnes = Annotated[float, Field(ge=0, allow_inf_nan=False)]
DelayYears = Annotated[int, Field(ge=0, le=50)]  # a scenario's delay of a start, in years


class Target(Record):
    """t magnets/yr by year: `default_tpa` for every year not listed in `path`."""

    default_tpa: TargetTonnes = Field(default=SCHEME_TARGET_TPA)
    path: dict[TargetYear, TargetTonnes] = Field(default_factory=dict)
    source: str = (
        "Scheme to Promote Manufacturing of Sintered REPM: 6,000 MTPA integrated capacity "
        "(Union Cabinet, NDTV Nov 2025)"
    )

    def at(self, year: int) -> float:
        return self.path.get(year, self.default_tpa)

    def series(self, years: range) -> list[float]:
        return [self.at(y) for y in years]


class Disruption(Record):
    """A country whose blocks deliver nothing from `from_year` on."""

    country: str = Field(min_length=3, max_length=3)
    from_year: int = Field(ge=YEAR_MIN, le=YEAR_MAX)

    @field_validator("country")
    @classmethod
    def _iso3(cls, value: str) -> str:
        if value.upper() not in country_names():
            raise ValueError(f"'{value}' is not an ISO 3166-1 alpha-3 country code")
        return value.upper()


# Overrides take their ranges from the records' declarations (model/domain.py).
_BLOCK, _DEAL = Block.model_fields, Deal.model_fields


class BlockOverride(Record):
    """What-if values for one block. `offtake_share` is India's total share of the block,
    spread over its non-rejected deals in proportion to their own shares."""

    nameplate_tpa: float | None = override(_BLOCK["nameplate_tpa"])
    first_year: int | None = override(_BLOCK["first_year"])
    offtake_share: float | None = override(_DEAL["offtake_share"])


class DealOverride(Record):
    offtake_share: float | None = override(_DEAL["offtake_share"])
    start_year: int | None = override(_DEAL["start_year"])
    status: DealStatus | None = None  # a plan closes (acquired) or drops (rejected) a deal


class PlantOverride(Record):
    status: PlantStatus | None = None  # a plan builds an option (committed)


class Scenario(Record):
    name: str = Field(min_length=1, max_length=120)
    description: str = ""
    mode: Mode = Mode.expected
    delay_years: DelayYears = Field(default=0, description="added to every block's start")
    block_delays: Annotated[dict[str, DelayYears], KeyedBy("blocks")] = Field(default_factory=dict)
    disruptions: list[Disruption] = Field(default_factory=list)
    block_overrides: Annotated[dict[str, BlockOverride], KeyedBy("blocks")] = Field(
        default_factory=dict
    )
    deal_overrides: Annotated[dict[str, DealOverride], KeyedBy("deals")] = Field(
        default_factory=dict
    )
    plant_overrides: Annotated[dict[str, PlantOverride], KeyedBy("plants")] = Field(
        default_factory=dict
    )
    assumption_overrides: dict[str, Any] = Field(default_factory=dict)
    target: Target | None = None
    colour: str = Field(
        default="",
        pattern=r"^(#[0-9A-Fa-f]{6})?$",
        description="its line's colour in comparisons (#RRGGBB), kept so it never changes; "
        "'' until the desktop gives it one",
    )

    @property
    def delays_starts(self) -> bool:
        """Whether some block starts later than recorded (its figures are not 'on schedule')."""
        return bool(self.delay_years or any(self.block_delays.values()))

    @field_validator("assumption_overrides")
    @classmethod
    def _known_assumptions(cls, overrides: dict[str, Any]) -> dict[str, Any]:
        problems = override_problems(overrides)
        if problems:
            raise ValueError("; ".join(problems))
        return overrides

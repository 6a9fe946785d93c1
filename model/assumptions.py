"""Assumptions of the capacity model, each declared once: value, unit, range, label, source and the
range the sensitivity tornado sweeps. The model, the tornado, the store, spreadsheets and the GUI
read them from here; no range is written anywhere else.

The defaults reproduce the official calibration (400 t NdPr oxide -> 1,200 t magnets, i.e.
oxide_to_metal / ndpr_in_magnet = 3.0). The `engineering` preset uses the composition of sintered
NdFeB instead; conversion.md in resources explains why the official 3.0 is optimistic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, model_validator

from model.domain import DealStatus, PlantStatus, Record, Stage
from model.fields import NUMBER, PERCENT


class SeparationAllocation(StrEnum):
    """Equation 4: who gets scarce separation capacity."""

    merit_order = "merit_order"  # highest NdPr yield per t of feed first; equal yields pro rata
    pro_rata = "pro_rata"  # every feed the same share


ALLOCATION_SOURCE = (
    "Modelling choice. merit_order: a toll separator with scarce capacity takes the feed that "
    "yields the most NdPr per tonne first, and adding a deal never lowers output; pro_rata: all "
    "feed is cut by the same share"
)


class DyTbProcess(StrEnum):
    """How heavy rare earths get into a high-temperature magnet (equation 8)."""

    conventional = "conventional"  # Dy/Tb alloyed into the melt: spread through every grain
    grain_boundary_diffusion = "grain_boundary_diffusion"  # diffused in along grain boundaries


PROCESS_SOURCE = (
    "Modelling choice: which of the two Dy+Tb intensities applies. Grain-boundary diffusion needs "
    "about one half, sometimes one third, of the Dy or Tb of conventional alloying for similar "
    "properties (IEEE Electrification Magazine, March 2017, p. 20: "
    "https://www.nxtbook.com/nxtbooks/pes/electrification_march2017/index.php?startid=20; "
    "as of 2017-03)"
)

OFFICIAL_MAGNET_PER_OXIDE = 3.0  # t magnet per t NdPr oxide, official brief
OXIDE_TO_METAL = 0.85  # stoichiometry of a 75:25 Nd:Pr oxide mix, conversion.md
OFFICIAL_NDPR_IN_MAGNET = OXIDE_TO_METAL / OFFICIAL_MAGNET_PER_OXIDE  # 0.2833
ENGINEERING_NDPR_HIGH = 0.325  # top of 29-32.5 wt% Nd+Pr in sintered NdFeB, conversion.md
MAX_DELAY_YEARS = 20  # longest Monte Carlo delay range a portfolio may set

PIPELINE_SOURCE = (
    "Convention of risk-weighted project pipelines (probability of reaching production by stage); "
    "editable, not a sourced estimate for any one project"
)


@dataclass(frozen=True)
class Spec:
    """One scalar assumption, declared once: default, unit, allowed range, label and source, and
    the range the sensitivity tornado sweeps (plausible values, with why)."""

    label: str
    unit: str
    default: float
    low: float
    high: float
    source: str
    sweep: tuple[float, float] | None = None  # (low case, high case) for the tornado
    sweep_source: str = ""
    low_open: bool = False  # the value must be above `low`, not equal to it
    percent: bool = False  # a fraction (share, mass fraction): reads as a percentage
    decimals: int = 3  # decimals of the stored value (a percentage shows two fewer, at least 1)

    @property
    def fmt(self) -> str:
        """How the value reads (model.fields formats; model.number_text shows it)."""
        return PERCENT if self.percent else NUMBER

    def field(self) -> Any:
        bound = {"gt": self.low} if self.low_open else {"ge": self.low}
        return Field(default=self.default, le=self.high, allow_inf_nan=False, **bound)


SCALARS: dict[str, Spec] = {
    "separation_recovery": Spec(
        percent=True,
        label="Separation recovery",
        unit="t NdPr oxide out / t NdPr oxide contained in feed",
        default=0.95,
        low=0.0,
        high=1.0,
        source=(
            "Modelling convention for a commercial solvent-extraction circuit; no project-specific "
            "figure in the shared sources: set it per study"
        ),
        sweep=(0.85, 0.98),
        sweep_source="commercial solvent-extraction circuits; convention",
    ),
    "oxide_to_metal": Spec(
        label="Oxide to metal",
        unit="t NdPr metal / t NdPr oxide",
        default=OXIDE_TO_METAL,
        low=0.0,
        low_open=True,
        high=1.0,
        source=(
            "Stoichiometry: Nd2O3 -> Nd 0.857, Pr6O11 -> Pr 0.828; 75:25 Nd:Pr mix ~0.85 "
            "before reduction losses (conversion.md)"
        ),
        sweep=(0.80, 0.857),
        sweep_source="reduction losses of ~6% .. Nd2O3 stoichiometry (conversion.md)",
    ),
    "ndpr_in_magnet": Spec(
        percent=True,
        label="NdPr metal per t magnet",
        unit="t NdPr metal / t sintered magnet (losses included)",
        default=OFFICIAL_NDPR_IN_MAGNET,
        low=0.0,
        low_open=True,
        high=1.0,
        source=(
            "Official calibration: 400 t NdPr oxide -> 1,200 t magnets (official brief), "
            "so 0.85 / 3.0 = 0.2833 (conversion.md)"
        ),
        # More metal per magnet means fewer magnets, so the top of 29-32.5 wt% is the low case.
        sweep=(ENGINEERING_NDPR_HIGH, OFFICIAL_NDPR_IN_MAGNET),
        sweep_source="top of 29-32.5 wt% Nd+Pr in sintered NdFeB .. the official calibration",
    ),
    "inr_per_usd": Spec(
        unit="INR per USD",
        default=88.72,
        low=1.0,
        high=1000.0,
        source=(
            "Interbank close of the rupee on 20 Nov 2025: 88.72 per US dollar (PTI, reported by "
            "EMS India, https://www.emsindia.com/news/show/3097440/business); as of 2025-11-20. "
            "Only converts budgets and costs between USD m and INR crore"
        ),
        label="Rupees per US dollar",
    ),
    # Heavy rare earths (equation 8): the second constraint on magnet output.
    "high_temp_share": Spec(
        percent=True,
        label="High-temperature share of magnets",
        unit="t high-temperature grade / t magnets",
        default=0.0,
        low=0.0,
        high=1.0,
        source=(
            "Convention to set: the share of the programme's magnets that must be "
            "high-temperature grades (EV traction, wind). 0 switches the Dy/Tb limit off. For "
            "scale: EV motors and wind turbines take 35-40% and 20-25% of rare-earth value "
            "(David Navratil, REE dashboard citing IEA 2025, "
            "https://davidnavratil.com/analyses/ree-dashboard/en/demand; as of 2025)"
        ),
        sweep=(0.6, 0.0),
        sweep_source="EV + wind share of rare-earth value (about 0.6) .. none",
    ),
    "dytb_intensity_conventional": Spec(
        percent=True,
        label="Dy+Tb per t magnet, conventional",
        unit="t Dy+Tb metal / t high-temperature magnet",
        default=0.06,
        low=0.0,
        high=0.3,
        source=(
            "6-10 wt% Dy is desirable for high-temperature stability, cost has pushed it to ~4% "
            "in wind generators (Heim and Vander Wal, Minerals 13(10) 1274, 2023, "
            "https://doi.org/10.3390/min13101274, via https://encyclopedia.pub/entry/50309; as "
            "of 2023-10); ~10 wt% heavy rare earths for EV and wind grades "
            "(https://discovermaterials.co.uk/resource/grain-boundary-diffusion-using-tiny-"
            "tunnels-to-make-magnets-stronger; undated, read 2026-11). Default: the bottom of 6-10%"
        ),
        sweep=(0.10, 0.04),
        sweep_source="~10 wt% (EV/wind grades) .. ~4 wt% (wind, cost-driven); Heim 2023",
    ),
    "dytb_intensity_gbd": Spec(
        percent=True,
        label="Dy+Tb per t magnet, grain-boundary diffusion",
        unit="t Dy+Tb metal / t high-temperature magnet",
        default=0.03,
        low=0.0,
        high=0.3,
        source=(
            "One half of the conventional 0.06: grain-boundary diffusion uses about one half, in "
            "some cases one third, of the Dy or Tb of conventional magnets with similar "
            "properties (IEEE Electrification Magazine, March 2017, p. 20; as of 2017-03)"
        ),
        sweep=(0.03, 0.02),
        sweep_source="one half .. one third of the conventional 0.06 (IEEE 2017)",
    ),
    "dytb_oxide_to_metal": Spec(
        label="Dy+Tb oxide to metal",
        unit="t Dy+Tb metal / t Dy+Tb oxide",
        default=0.87,
        low=0.0,
        low_open=True,
        high=1.0,
        source=(
            "Stoichiometry: Dy2O3 -> Dy 2x162.50 / 372.998 = 0.871, Tb4O7 -> Tb "
            "4x158.93 / 747.70 = 0.850; Dy dominates, 0.87, before reduction losses"
        ),
    ),
    "dytb_market_tpa": Spec(
        label="Dy+Tb bought outside China",
        unit="t Dy+Tb oxide / yr",
        default=0.0,
        low=0.0,
        high=100_000.0,
        source=(
            "Convention to set: separated Dy+Tb India can buy each year on the open market "
            "outside China, beyond its deals. Non-China supply is a few hundred t/yr from a "
            "handful of producers (research notes 2026-11: Lynas Malaysia, Serra Verde, project "
            "figures of 56-300 t/yr)"
        ),
    ),
}
CRORE = 1e7  # rupees in one crore

# The assumptions that are a choice of words: name -> (choices, label, source).
CHOICES: dict[str, tuple[type[StrEnum], str, str]] = {
    "separation_allocation": (SeparationAllocation, "Separation allocation", ALLOCATION_SOURCE),
    "dytb_process": (DyTbProcess, "Dy/Tb process", PROCESS_SOURCE),
}


# What each choice reads as (the GUI shows these, files keep the codes).
CHOICE_LABELS: dict[str, str] = {
    SeparationAllocation.merit_order: "Merit order (best NdPr yield first)",
    SeparationAllocation.pro_rata: "Pro rata (every feed the same cut)",
    DyTbProcess.conventional: "Conventional alloying",
    DyTbProcess.grain_boundary_diffusion: "Grain-boundary diffusion",
}


def usd_m_to_crore(usd_m: float, inr_per_usd: float) -> float:
    """USD million -> INR crore (1 crore = 10 million rupees)."""
    return usd_m * 1e6 * inr_per_usd / CRORE


def crore_to_usd_m(crore: float, inr_per_usd: float) -> float:
    return crore * CRORE / inr_per_usd / 1e6


@dataclass(frozen=True)
class TableSpec:
    """A keyed assumption (one value per stage or status), declared once."""

    label: str
    unit: str
    keys: type[StrEnum]
    defaults: dict
    low: float
    high: float
    whole: bool  # whole numbers (years)
    source: str
    percent: bool = False  # chances 0..1: read as percentages, like Spec.percent

    @property
    def value_type(self) -> Any:
        kind = int if self.whole else float
        return Annotated[kind, Field(ge=self.low, le=self.high, allow_inf_nan=False)]


STAGE_PROBABILITY = {
    Stage.producing: 1.0,
    Stage.construction: 0.85,
    Stage.feasibility: 0.6,
    Stage.prefeasibility: 0.35,
    Stage.exploration: 0.15,
}
DEAL_PROBABILITY = {
    DealStatus.acquired: 1.0,
    DealStatus.signed: 0.9,
    DealStatus.mou: 0.5,
    DealStatus.negotiating: 0.3,
    DealStatus.candidate: 0.1,
    DealStatus.rejected: 0.0,
}
PLANT_PROBABILITY = {
    PlantStatus.operating: 1.0,
    PlantStatus.construction: 0.85,
    PlantStatus.committed: 0.7,
    PlantStatus.planned: 0.4,
    PlantStatus.option: 0.0,  # not built unless a plan builds it (it then counts as committed)
}

# Monte Carlo: each draw delays a block by 0..max years (uniform, whole years), by stage, and a
# plant by its status. Study schedules slip 2-4 years as a rule (conversion.md: Songwe Hill,
# Nolans, Eneabba); the ranges grow with how far a project is from production.
DELAY_SOURCE = (
    "Convention: uniform 0..max whole years, growing with distance from production; study "
    "schedules commonly slip 2-4 years (conversion.md). Editable"
)
MAX_DELAY_STAGE = {
    Stage.producing: 0,
    Stage.construction: 1,
    Stage.feasibility: 2,
    Stage.prefeasibility: 3,
    Stage.exploration: 4,
}
MAX_DELAY_PLANT = {
    PlantStatus.operating: 0,
    PlantStatus.construction: 1,
    PlantStatus.committed: 2,
    PlantStatus.planned: 3,
    PlantStatus.option: 0,
}


def _probabilities(label: str, keys: type[StrEnum], defaults: dict) -> TableSpec:
    return TableSpec(
        label, "probability", keys, defaults, 0.0, 1.0, False, PIPELINE_SOURCE, percent=True
    )


def _delays(label: str, keys: type[StrEnum], defaults: dict) -> TableSpec:
    unit = "years (uniform 0..max)"
    return TableSpec(label, unit, keys, defaults, 0, MAX_DELAY_YEARS, True, DELAY_SOURCE)


TABLES: dict[str, TableSpec] = {
    "p_stage": _probabilities(
        "Chance a project reaches production, by its stage", Stage, STAGE_PROBABILITY
    ),
    "p_deal": _probabilities("Chance a deal closes, by its status", DealStatus, DEAL_PROBABILITY),
    "p_plant": _probabilities(
        "Chance a domestic plant is built, by its status", PlantStatus, PLANT_PROBABILITY
    ),
    "max_delay_stage": _delays("Longest delay of a project, by its stage", Stage, MAX_DELAY_STAGE),
    "max_delay_plant": _delays(
        "Longest delay of a plant, by its status", PlantStatus, MAX_DELAY_PLANT
    ),
}

# The tornado's other sweeps (model/sensitivity.py): every non-certain probability moves by
# PROBABILITY_SWING (clipped to 0..1); each block with a live deal: nameplate times
# NAMEPLATE_FACTORS, India's offtake by OFFTAKE_SWING (clipped), first year by START_YEARS_SWING.
PROBABILITY_SWING = 0.1
NAMEPLATE_FACTORS = (0.75, 1.25)
OFFTAKE_SWING = 0.1
START_YEARS_SWING = 2


def _default_table(name: str) -> Callable[[], dict]:
    spec = TABLES[name]
    kind = int if spec.whole else float
    return lambda: {key: kind(value) for key, value in spec.defaults.items()}


def _table_field(name: str) -> Any:
    return Field(default_factory=_default_table(name))


# The value type of each table (range from its TableSpec).
_P_STAGE, _P_DEAL, _P_PLANT, _MAX_DELAY_STAGE, _MAX_DELAY_PLANT = (
    spec.value_type for spec in TABLES.values()
)


class Assumptions(Record):
    """Every number the projection uses besides the portfolio itself."""

    separation_recovery: float = SCALARS["separation_recovery"].field()
    oxide_to_metal: float = SCALARS["oxide_to_metal"].field()
    ndpr_in_magnet: float = SCALARS["ndpr_in_magnet"].field()
    inr_per_usd: float = SCALARS["inr_per_usd"].field()
    separation_allocation: SeparationAllocation = SeparationAllocation.merit_order
    high_temp_share: float = SCALARS["high_temp_share"].field()
    dytb_intensity_conventional: float = SCALARS["dytb_intensity_conventional"].field()
    dytb_intensity_gbd: float = SCALARS["dytb_intensity_gbd"].field()
    dytb_oxide_to_metal: float = SCALARS["dytb_oxide_to_metal"].field()
    dytb_market_tpa: float = SCALARS["dytb_market_tpa"].field()
    dytb_process: DyTbProcess = DyTbProcess.conventional
    p_stage: dict[Stage, _P_STAGE] = _table_field("p_stage")
    p_deal: dict[DealStatus, _P_DEAL] = _table_field("p_deal")
    p_plant: dict[PlantStatus, _P_PLANT] = _table_field("p_plant")
    max_delay_stage: dict[Stage, _MAX_DELAY_STAGE] = _table_field("max_delay_stage")
    max_delay_plant: dict[PlantStatus, _MAX_DELAY_PLANT] = _table_field("max_delay_plant")
    sources: dict[str, str] = Field(
        default_factory=dict,
        description="Source notes for values the user changed, by assumption name",
    )

    @model_validator(mode="after")
    def _known_sources(self) -> Assumptions:
        names = (
            set(SCALARS)
            | set(CHOICES)
            | {f"{table}.{key.value}" for table, spec in TABLES.items() for key in spec.keys}
        )
        unknown = sorted(set(self.sources) - names)
        if unknown:
            raise ValueError(
                f"sources names {', '.join(unknown)}: not assumptions "
                "(use e.g. 'oxide_to_metal' or 'p_stage.feasibility')"
            )
        return self

    @model_validator(mode="after")
    def _fill_probabilities(self) -> Assumptions:
        # A file may list only some probabilities: the rest keep their defaults.
        for name, spec in TABLES.items():
            table = getattr(self, name)
            for key, value in spec.defaults.items():
                table.setdefault(key, value)
        return self

    @property
    def dytb_intensity(self) -> float:
        """t Dy+Tb metal per t high-temperature magnet for the chosen process."""
        if self.dytb_process == DyTbProcess.grain_boundary_diffusion:
            return self.dytb_intensity_gbd
        return self.dytb_intensity_conventional

    @property
    def magnet_per_oxide(self) -> float:
        """t magnet per t NdPr oxide implied by the chain factors."""
        return self.oxide_to_metal / self.ndpr_in_magnet

    def with_overrides(self, overrides: dict[str, object]) -> Assumptions:
        """A copy with some values replaced (validated like a file would be)."""
        data = self.model_dump()
        for key, value in overrides.items():
            if key in TABLES and isinstance(value, dict):
                data[key] = {**data[key], **value}
            else:
                data[key] = value
        return Assumptions.model_validate(data)

    def source_of(self, name: str) -> str:
        if name in self.sources:
            return self.sources[name]  # the user's own note for a value they changed
        if name in SCALARS:
            return SCALARS[name].source
        if name in CHOICES:
            return CHOICES[name][2]
        table = name.partition(".")[0]
        return TABLES[table].source if table in TABLES else ""


def override_problems(overrides: dict[str, object]) -> list[str]:
    """What is wrong with a scenario's assumption overrides: unknown names, values out of their
    declared range ('separation_recovery: 7 is above 1'); [] when they apply cleanly."""
    from pydantic import ValidationError

    from model.interchange import describe_error  # here: interchange imports the portfolio

    known = [name for name in Assumptions.model_fields if name != "sources"]
    problems = [
        f"{name}: not an assumption (one of {', '.join(known)})"
        for name in overrides
        if name not in known
    ]
    if problems:
        return problems
    try:
        Assumptions().with_overrides(overrides)
    except ValidationError as exc:
        return [f"{'.'.join(str(p) for p in e['loc'])}: {describe_error(e)}" for e in exc.errors()]
    return []

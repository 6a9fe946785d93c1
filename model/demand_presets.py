"""The sourced demand presets (`repm demand --preset`, the Demand tab): plain data, imported
without the model (so `repm --help` lists them cheaply)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    """A sourced demand path: demand in its base year and in its horizon year (t)."""

    name: str
    base_t: float
    horizon_t: float
    source: str
    base_year: int = 2025
    horizon_year: int = 2030


BASE_SOURCE = (
    "~4,000 t/yr of rare-earth magnets: industry estimate of current domestic demand "
    "(Financial Express, 'Govt plans Rs 5k crore rare earth push', 2025)"
)
BASE_T = 4000.0  # t/yr in 2025, the estimate BASE_SOURCE gives
PRESETS: dict[str, Preset] = {
    "cabinet-doubling": Preset(
        "Cabinet: consumption doubles 2025-2030",
        BASE_T,
        8000.0,
        BASE_SOURCE + "; doubling by 2030 from 2025 (Union Cabinet statement, Business Standard "
        "2025-11-26). 8,000 = 2 x 4,000 (derived)",
    ),
    "primus-7150": Preset(
        "Primus Partners: ~7,150 t by 2030",
        BASE_T,
        7150.0,
        BASE_SOURCE + "; ~7,150 t NdFeB demand by 2030 (Primus Partners, 'From Extraction to "
        "Innovation', 2025)",
    ),
}
DEFAULT = PRESETS["cabinet-doubling"]  # a new portfolio's demand path

"""The sourced demand presets (`repm demand --preset`, the Demand tab): plain data, imported
without the model (so `repm --help` lists them cheaply)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    name: str
    base_t: float
    horizon_t: float
    source: str


BASE_SOURCE = (
    "~4,000 t/yr of rare-earth magnets: industry estimate of current domestic demand "
    "(Financial Express, 'Govt plans Rs 5k crore rare earth push', 2025)"
)
PRESETS: dict[str, Preset] = {
    "cabinet-doubling": Preset(
        "Cabinet: consumption doubles 2025-2030",
        4000.0,
        8000.0,
        BASE_SOURCE + "; doubling by 2030 from 2025 (Union Cabinet statement, Business Standard "
        "2025-11-26). 8,000 = 2 x 4,000 (derived)",
    ),
    "primus-7150": Preset(
        "Primus Partners: ~7,150 t by 2030",
        4000.0,
        7150.0,
        BASE_SOURCE + "; ~7,150 t NdFeB demand by 2030 (Primus Partners, 'From Extraction to "
        "Innovation', 2025)",
    ),
}

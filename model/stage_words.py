"""The chain's stages in the words an official reads ("bottleneck mine feed"): one source for
the status bar, the charts, the briefing, the what-if panel and `repm bounds`."""

from __future__ import annotations

STAGE_NAMES = {  # keys: Projection.bottleneck
    "feed": "mine feed",
    "separation": "separation",
    "metal": "metal",
    "magnet": "magnet",
    "dytb": "Dy/Tb (heavy rare earths)",
}


def stage_name(stage: str) -> str:
    """'feed' -> 'mine feed'; a key not listed is shown as it is."""
    return STAGE_NAMES.get(stage, stage)

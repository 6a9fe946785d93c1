"""What a missing Dy+Tb share and the Dy/Tb cap mean, in one wording for the status bar, the
chart, the list of incomplete records and the CLI (equation 8 of model/README.md)."""

from __future__ import annotations

ZERO_NOTE = "a missing Dy+Tb share counts as zero Dy/Tb"
ZERO_REASON = "its Dy/Tb counts as zero"


def cap_line(high_temp_share: float) -> str:
    """Why Dy/Tb can cap every magnet, not only the high-temperature ones."""
    share = f"{high_temp_share:.0%}"
    return (
        f"With {share} of magnets high-temperature grades, all output is capped at the magnets "
        f"the Dy/Tb available allows divided by {share} (model/README.md equation 8)."
    )

"""What the projection's figure is, by mode, and why it can lie outside the Monte Carlo band.

One wording for the app, the briefing and `repm montecarlo`. The projection's figure (equation 3
of model/README.md) has every project on its schedule; the draws add success draws and slips,
and the chain's capacity limits do not add up linearly. A note names only a cause that was
computed: the draws' mean, and the mean of the same draws with no slip.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# The projection's figure, named by its mode (short: legends, table headings, status bar).
FIGURE_LABELS = {
    "expected": "expected, on schedule",
    "committed": "committed",
    "all": "all deals",
}

# What each mode's figure is (tooltips, the guide, the briefing).
FIGURE_MEANINGS = {
    "expected": "deliveries weighted by their chance (project stage x deal or plant status), "
    "every project on its schedule; the Monte Carlo adds slips",
    "committed": "signed or acquired deals at full weight, on schedule, ignoring project-stage "
    "risk; not a floor, so it can exceed the expected figure",
    "all": "every deal not rejected at full weight, as if all succeed on schedule",
}

MODE_FREE = (
    "The band, P50 and P(target) are the same in every mode: each draw decides every deal, "
    "project and plant by its chance."
)

TOLERANCE_T = 0.5  # a figure this close to P10/P90 is inside the band


def beyond_band(figure: np.ndarray, p10: np.ndarray, p90: np.ndarray) -> np.ndarray:
    """By year, where the expected figure lies nearly TOLERANCE_T beyond P10 or P90: only there
    can a note need the same draws with no slip (half the tolerance to spare covers rounding
    between two projections of the same inputs)."""
    slack = TOLERANCE_T / 2
    return (figure > p90 + slack) | (figure < p10 - slack)


DELAYED = "with the scenario's delays"


def figure_meaning(mode: str, delayed: bool = False) -> str:
    """FIGURE_MEANINGS[mode], saying so when the scenario delays starts."""
    meaning = FIGURE_MEANINGS.get(mode, mode)
    if not delayed:
        return meaning
    meaning = meaning.replace("on its schedule", "on the scenario's delayed schedule")
    return meaning.replace("on schedule", DELAYED)


def figure_name(mode: str, delayed: bool = False) -> str:
    """'expected, on schedule' / 'committed' / 'all deals'; under a scenario that delays
    starts 'expected, with the scenario's delays' (never 'on schedule': an official would
    read that as no delay assumed)."""
    if not delayed:
        return FIGURE_LABELS.get(mode, mode)
    return f"{'expected' if mode == 'expected' else FIGURE_LABELS.get(mode, mode)}, {DELAYED}"


@dataclass(frozen=True)
class BandFigures:
    """One year's projection figure beside its Monte Carlo figures (t magnets)."""

    year: int
    mode: str
    figure: float  # the projection in `mode`
    p10: float
    p90: float
    mean: float  # of the draws
    # The same draws with no slip: mean, P10, P90 (None: not computed)
    on_schedule: tuple[float, float, float] | None = None
    max_slip: int = 0  # longest slip (years) of a block that starts by `year`
    delayed: bool = False  # the scenario delays some start: the figure is not on schedule


def band_figures(projection, result, year: int) -> BandFigures | None:
    """The figures for `year` (None when the result does not cover it). `projection`: a
    model.projection.Projection; `result`: a model.montecarlo.MonteCarloResult."""
    if result is None or not result.years[0] <= year <= result.years[-1]:
        return None
    if not projection.years[0] <= year <= projection.years[-1]:
        return None
    k = year - int(result.years[0])
    on_schedule = None
    if result.on_schedule is not None:
        column = result.on_schedule[:, k]
        low, high = np.percentile(column, [10, 90])
        on_schedule = (float(column.mean()), float(low), float(high))
    return BandFigures(
        year=year,
        mode=projection.inputs.mode.value,
        figure=float(projection.magnets[projection.year_index(year)]),
        p10=float(result.percentile(10)[k]),
        p90=float(result.percentile(90)[k]),
        mean=float(result.mean[k]),
        on_schedule=on_schedule,
        max_slip=0 if result.max_slip is None else int(result.max_slip[k]),
        delayed=projection.inputs.delayed,
    )


def outside(f: BandFigures) -> str:
    """'above' P90, 'below' P10, or '' inside the band."""
    if f.figure > f.p90 + TOLERANCE_T:
        return "above"
    if f.figure < f.p10 - TOLERANCE_T:
        return "below"
    return ""


def band_note(f: BandFigures | None) -> str:
    """Why the year's figure lies outside the P10-P90 band ('' when inside)."""
    if f is None or not (side := outside(f)):
        return ""
    bound, edge = ("P90", f.p90) if side == "above" else ("P10", f.p10)
    head = f"{f.year}: {figure_name(f.mode, f.delayed)} ({f.figure:,.0f} t) is {side} {bound} ({edge:,.0f} t). "
    if f.mode != "expected":
        return (
            head
            + _MODE_REASONS.get((f.mode, side), f"It counts {FIGURE_MEANINGS[f.mode]}.")
            + " "
            + MODE_FREE
        )
    return head + _expected_reason(f, side)


# Why a committed or all figure lies outside the band: what it counts that the draws do not.
_MODE_REASONS = {
    ("committed", "above"): "It counts signed or acquired deals at full weight and on schedule, "
    "ignoring the project-stage risk and the slips that the draws apply.",
    ("committed", "below"): "It leaves out deals not yet signed, which the draws close by their "
    "chance.",
    ("all", "above"): "It counts every deal not rejected as if all succeed on schedule.",
}


def headline_note(f: BandFigures | None) -> str:
    """The note beside the headline: why the figure is outside the band, else (in committed or
    all) that the band does not depend on the mode."""
    if f is None:
        return ""
    return band_note(f) or ("" if f.mode == "expected" else MODE_FREE)


def _expected_reason(f: BandFigures, side: str) -> str:
    """The computed reason, from the same draws with and without their slips."""
    mean = f"The draws average {f.mean:,.0f} t"
    if f.on_schedule is None:
        return f"{mean}: the draws add slips and whole-or-nothing success to the expected line."
    on_mean, on_p10, on_p90 = f.on_schedule
    on_edge = on_p90 if side == "above" else on_p10
    bound = "P90" if side == "above" else "P10"
    outside_on_schedule = f.figure > on_p90 + TOLERANCE_T or f.figure < on_p10 - TOLERANCE_T
    if not outside_on_schedule:  # with no slip the figure is inside: the slips put it out
        slip = f" (up to {f.max_slip} years for blocks starting by {f.year})" if f.max_slip else ""
        return (
            f"{mean}; with no slip the same draws average {on_mean:,.0f} t, {bound} "
            f"{on_edge:,.0f} t. Slips{slip} make the difference: the expected line has every "
            + (
                "project on the scenario's delayed schedule."
                if f.delayed
                else "project on its schedule."
            )
        )
    mean_outside = (
        on_mean > on_p90 + TOLERANCE_T if side == "above" else on_mean < on_p10 - TOLERANCE_T
    )
    if mean_outside:  # a skewed spread even on schedule: a few draws carry the mean
        why = ": a large project or deal succeeds in only a few draws" if side == "above" else ""
        few = "far more" if side == "above" else "far less"
        return (
            f"Even with no slip, a few draws with {few} output carry the mean "
            f"({on_mean:,.0f} t) {side} {bound} ({on_edge:,.0f} t){why}."
        )
    return (
        f"Even with no slip the draws average {on_mean:,.0f} t ({bound} {on_edge:,.0f} t): "
        "each draw counts a project whole or not at all and the chain's capacity limits do "
        "not add up linearly, so the chance-weighted line differs from the draws."
    )

"""The one sentence that states a plan's cost (Plan view, `repm optimise`, the briefing): the
known part in USD m and INR crore, and how many chosen deals and options have no cost. A cost
that is not known is never shown as 0, nor as confidential."""

from __future__ import annotations

from collections.abc import Sequence

from model.assumptions import usd_m_to_crore


def _count(deals: int, options: int) -> str:
    words = [
        f"{n} {noun}{'' if n == 1 else 's'}"
        for n, noun in ((deals, "deal"), (options, "option"))
        if n
    ]
    return " and ".join(words)


def cost_sentence(
    cost_musd: float | None,
    deals: Sequence[str],
    plants: Sequence[str],
    uncosted: Sequence[str],
    inr_per_usd: float,
    hidden: str = "confidential",
) -> str:
    """'USD 130.0 m (INR 1,153 crore) plus 3 deals of unknown cost', 'unknown for all 22 deals':
    the words after a label that says cost ('cost ', 'cost:', 'Cost of the plan:'); `cost_musd`
    None: the known part is withheld (`hidden` says so)."""
    unknown = set(uncosted)
    unknown_deals = sum(1 for d in deals if d in unknown)
    unknown_options = sum(1 for p in plants if p in unknown)
    chosen = len(deals) + len(plants)
    if chosen and unknown_deals + unknown_options == chosen:
        return f"unknown for {'all ' if chosen > 1 else 'the '}{_count(len(deals), len(plants))}"
    known = (
        hidden
        if cost_musd is None
        else f"USD {cost_musd:,.1f} m (INR {usd_m_to_crore(cost_musd, inr_per_usd):,.0f} crore)"
    )
    if unknown_deals + unknown_options:
        return f"{known} plus {_count(unknown_deals, unknown_options)} of unknown cost"
    return known

"""The limits a plan was chosen under, in sentences a reader of the briefing can check: the
budget, the country limit in its form, the MoU minimum, the most new deals, how unknown costs
were counted, what was insisted on or ruled out, and the draws behind its chance.

Everything comes from the plan's own result (`PlanResult.constraints` and its draw counts), never
from the widgets or flags that asked for it, so the page states what the plan was found under.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from model.assumptions import usd_m_to_crore
from model.country_cap import cap_sentence

if TYPE_CHECKING:
    from model.optimise import PlanResult


def _share(share: float) -> str:
    """A limit as set: '40 %', '35.5 %' (never rounded to a whole percent it is not)."""
    return f"{100 * share:.4g} %"


def budget_sentence(budget_musd: float | None, inr_per_usd: float) -> str:
    if budget_musd is None:
        return "Budget: none (cost did not limit the plan)."
    crore = usd_m_to_crore(budget_musd, inr_per_usd)
    return f"Budget: INR {crore:,.0f} crore (USD {budget_musd:,.1f} m at {inr_per_usd:g} INR/USD)."


def uncosted_sentence(result: PlanResult) -> str:
    """How deals and options without a cost were counted."""
    c = result.constraints
    if c.include_uncosted:
        chosen = len(result.plan.uncosted) if result.plan is not None else 0
        return "Unknown costs counted as 0" + (
            f": {chosen} of the chosen deals and options have no cost entered, so the plan's "
            "cost leaves them out."
            if chosen
            else "."
        )
    if result.left_out_uncosted:
        n = len(result.left_out_uncosted)
        return f"Unknown costs not counted as 0: {n} deals and options without a cost left out."
    if c.budget_musd is None and result.objective != "min-cost":
        return "Unknown costs: no budget, so they did not matter."
    return "Unknown costs: none among the deals and options."


def limit_sentences(result: PlanResult, names: dict[str, str]) -> list[str]:
    """One sentence per limit. `names`: deal and plant ids to the names a reader knows
    (model.optimise.item_names)."""
    c = result.constraints
    lines = [
        budget_sentence(c.budget_musd, result.inr_per_usd),
        cap_sentence(c.max_country_share, c.cap_imported_only),
        "No minimum share from India's MoU partners."
        if c.min_mou_share is None
        else f"From India's MoU partners: at least {_share(c.min_mou_share)} of supply.",
        "New deals: no limit on their number."
        if c.max_deals is None
        else f"New deals: at most {c.max_deals}.",
        uncosted_sentence(result),
    ]
    for ids, said in ((c.include, "Insisted on"), (c.exclude, "Ruled out")):
        if ids:
            lines.append(f"{said}: " + ", ".join(names.get(i, i) for i in ids) + ".")
    draws = f"P(target) from {result.evaluation_draws:,} Monte Carlo draws"
    if result.sample_draws:
        draws += f", not the {result.sample_draws:,} the plan was chosen on"
    lines.append(draws + ".")
    return lines

"""The briefing's optional "recommended plan" page: a plan from the optimiser (the Plan tab or
`repm report --plan-objective`), as the model projects it, beside the rank-order plan.

Deal costs are confidential by default: unless the copy includes confidential fields, the page
gives the capex of plant options only and says that deal costs are left out, so no total reveals
them."""

from __future__ import annotations

import html

from model.assumptions import usd_m_to_crore
from model.countries import country_name
from model.fields import MONEY
from model.number_text import chance
from model.optimise import PlanResult, item_names
from model.plan import OUTSIDE_SHARE_LIMITS, PlanFigures
from model.plan_cost_words import cost_sentence
from model.plan_terms import limit_sentences
from model.portfolio import Portfolio
from model.stage_words import stage_name

OBJECTIVE_WORDS = {
    "max-expected": "the most expected magnets within the budget",
    "min-cost": "the cheapest plan whose expected magnets reach the target",
    "max-probability": "the highest chance of meeting the target",
}
STATUS_WORDS = {
    "optimal": "the best plan, proven by the solver and checked by the model",
    "infeasible": "no plan meets every limit",
    "time_limit": "the best plan found before the time limit, not proven best",
}
esc = html.escape
# How a reader of the briefing counts unknown costs as 0: the Plan tab's box, or repm's flag.
BRIEFING_UNCOSTED = 'tick "Count unknown costs as 0" in the Plan tab (or use --include-uncosted)'
BRIEFING_IMPORTED = (
    'tick "of imports only" beside the country share in the Plan tab (or use --cap-imported-only)'
)


def _shares(figures: PlanFigures, of_imports: bool = False) -> str:
    shares = figures.import_shares if of_imports else figures.country_shares
    ordered = sorted(shares.items(), key=lambda kv: -kv[1])
    return ", ".join(f"{esc(country_name(c))} {s:.0%}" for c, s in ordered) or "none"


def plan_page(result: PlanResult, portfolio: Portfolio, include_confidential: bool) -> list[str]:
    """HTML parts of the page (the caller adds the page break; write_pdf the marking)."""
    deal_costs_shown = (
        include_confidential or "deals.cost_musd" not in portfolio.confidential_fields
    )
    rate = portfolio.assumptions.inr_per_usd
    deals = {d.id: d for d in portfolio.deals}
    blocks = {b.id: b for b in portfolio.blocks}
    plants = {p.id: p for p in portfolio.plants}
    parts = [
        f"<h2>Recommended plan for {result.year}</h2>",
        f"<p>Objective: {OBJECTIVE_WORDS[result.objective]}. Result: "
        f"{STATUS_WORDS[result.status]}. Target {result.target_t:,.0f} t magnets.</p>",
        "<p><b>Limits this plan was chosen under</b></p><ul>"
        + "".join(f"<li>{esc(s)}</li>" for s in limit_sentences(result, item_names(portfolio)))
        + "</ul>",
    ]
    if result.plan is None:
        parts.append(
            "<p>No plan to recommend: "
            + esc(" ".join(result.all_notes(BRIEFING_UNCOSTED, BRIEFING_IMPORTED)))
            + "</p>"
        )
        return parts
    plan = result.plan
    rows = []
    for deal_id in plan.plan.closed:
        deal = deals[deal_id]
        cost = deal.cost_musd if deal_costs_shown else None
        label = "unknown" if deal.cost_musd is None or deal_costs_shown else "confidential"
        rows.append((f"Close: {blocks[deal.block_id].name}", cost, label))
    for plant_id in plan.plan.built:
        rows.append((f"Build: {plants[plant_id].name}", plants[plant_id].capex_musd, "unknown"))
    body = "".join(
        f"<tr><td>{esc(name)}</td><td align='right'>"
        + (
            f"{cost:,.1f}</td><td align='right'>{usd_m_to_crore(cost, rate):,.0f}"
            if cost is not None
            else f"{label}</td><td>"
        )
        + "</td></tr>"
        for name, cost, label in rows
    )
    parts.append(
        "<table border='1' cellspacing='0' cellpadding='3'><tr><th>Decision</th>"
        f"<th>{MONEY}</th><th>INR crore</th></tr>"
        + (body or "<tr><td>nothing new</td><td></td><td></td></tr>")
        + "</table>"
    )
    closed, built, unknown = plan.plan.closed, plan.plan.built, plan.uncosted
    withheld = not deal_costs_shown and any(deals[d].cost_musd is not None for d in closed)
    if not withheld:  # a deal without a cost has nothing to withhold: it is unknown
        cost = cost_sentence(plan.cost_musd, closed, built, unknown, rate)
        cost_line = f"Cost of the plan: {cost} (at {rate:g} INR/USD)."
    else:
        capex = sum(plants[p].capex_musd or 0.0 for p in built)
        options = cost_sentence(capex, [], built, unknown, rate)
        cost_line = (
            f"Plant options: {options}. Deal costs are confidential and left out of this copy."
        )
    n = result.evaluation_draws
    met = "" if plan.p_target is None else f"; P(target met) {chance(plan.p_target, n)}"
    greedy = result.greedy
    g_met = "" if greedy.p_target is None else f"; P(target met) {chance(greedy.p_target, n)}"
    imports = result.constraints.cap_imported_only  # the shares the limit was on, beside
    plan_imports = f" Shares of imports: {_shares(plan, True)}." if imports else ""
    greedy_imports = f" Shares of imports: {_shares(greedy, True)}." if imports else ""
    held = greedy.extra.get("meets_constraints", True)
    outside = "" if held else f" It is {OUTSIDE_SHARE_LIMITS}."
    parts += [
        f"<p>{cost_line}</p>",
        f"<p><b>The plan</b>: {plan.magnets_in_year:,.0f} t expected in {result.year}{met}. "
        f"Country shares: {_shares(plan)}; from India's MoU partners {plan.mou_share:.0%}."
        f"{plan_imports}</p>",
        f"<p><b>Deals in ranking order</b> with the same budget ({len(greedy.plan.closed)} "
        f"deals): {greedy.magnets_in_year:,.0f} t{g_met}. Country shares: "
        f"{_shares(greedy)}.{greedy_imports}{outside}</p>",
    ]
    if result.shortfall_t is not None:
        parts.append(
            f"<p>No plan reaches the target: short by {result.shortfall_t:,.0f} t; "
            f"{esc(stage_name(str(result.binding_stage)))} binds.</p>"
        )
    notes = [
        n
        for n in result.all_notes(BRIEFING_UNCOSTED, BRIEFING_IMPORTED)
        if deal_costs_shown or "cost" not in n
    ]
    if notes:
        parts.append("<p class='small'>" + esc(" ".join(notes)) + "</p>")
    parts.append(
        "<p class='small'>Every figure is the capacity model's projection of the plan (expected "
        "mode; P(target) from its Monte Carlo on draws the plan was not chosen on). Closing a deal "
        "leaves only its project's risk; a built option counts as a committed plant.</p>"
    )
    return parts

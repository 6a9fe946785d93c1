"""Why no plan meets the limits: which limit, and by how much (`repm optimise` and the Plan
view say it in the same words; only the name of the unknown-costs switch differs).

Direct facts first (what the deals insisted on cost against the budget and the deal limit; the
largest country share and the MoU share with no new deal), then each limit relaxed on its own:
the optimiser is run again without it, and a limit whose removal gives a plan is named. For the
largest-country share, a bisection finds a limit near the lowest that gives a plan within the
other limits (a re-solve that runs out of time counts as no plan, so the figure said is one that
is proven to work, not a proven lowest; when no limit below 100% was found to work, the note
says that only dropping the limit does, and the highest limit proven to leave no plan). The
country limit is in the form the request chose (model/country_cap.py): over all supply, where
India's own output counts as a country, or over imported supply only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from model.assumptions import usd_m_to_crore
from model.countries import country_name
from model.country_cap import CLI_IMPORTED, capped_shares
from model.country_cap import limit_name as country_limit_name
from model.geo import mou_countries
from model.optimise_model import Constraints, Problem

BISECTION_STEPS = 5  # a workable country share to within 1/32 of the gap above the limit

# A limit dropped on its own: its key, and the constraints without it.
RELAX: dict[str, Callable[[Constraints], Constraints]] = {
    "country": lambda c: replace(c, max_country_share=None),
    "mou": lambda c: replace(c, min_mou_share=None),
    "budget": lambda c: replace(c, budget_musd=None),
    "deals": lambda c: replace(c, max_deals=None),
    "include": lambda c: replace(c, include=()),
    "uncosted": lambda c: replace(c, include_uncosted=True),
}


@dataclass
class NoPlan:
    """The facts behind 'no plan meets the limits' (all shares in the plan's year)."""

    year: int
    inr_per_usd: float
    constraints: Constraints
    largest: tuple[str, float] | None = None  # (country, share the limit reads) with no new deal
    mou_share: float | None = None  # with no new deal
    insisted_cost_musd: float = 0.0
    insisted_deals: int = 0
    left_out_uncosted: int = 0
    fixes: list[str] = field(default_factory=list)  # limits that, relaxed alone, give a plan
    workable_country_share: float | None = None  # a limit that gives a plan (the others kept)
    # When no limit below 100% was found to give a plan: the highest one proven to give none.
    country_share_without_plan: float | None = None


def _active(c: Constraints, left_out: int) -> list[str]:
    on = {
        "country": c.max_country_share is not None,
        "mou": c.min_mou_share is not None,
        "budget": c.budget_musd is not None,
        "deals": c.max_deals is not None,
        "include": bool(c.include),
        "uncosted": left_out > 0 and not c.include_uncosted,
    }
    return [key for key, active in on.items() if active]


def diagnose(p: Problem, feasible: Callable[[Constraints], bool | None]) -> NoPlan:
    """`feasible(constraints)`: does the optimiser find a plan the model accepts (None: it ran
    out of time, so nothing is claimed)."""
    c = p.constraints
    x = p.x_lo.copy()  # no new deal: only the ones insisted on
    y = p.y_hi.copy()  # every option that may be built, so that shares are of the oxide
    result = p.project(x, y)
    total = float(result.magnets[p.k])
    shares = (
        {code: float(v[p.k]) / total for code, v in result.by_country().items()}
        if total > 0
        else {}
    )
    capped = capped_shares(shares, c.cap_imported_only)  # what the country limit reads
    partners = mou_countries()
    new = p.open_deal & (p.x_lo > 0.5)
    built = p.option & (p.y_lo > 0.5)
    facts = NoPlan(
        year=p.year,
        inr_per_usd=p.portfolio.assumptions.inr_per_usd,
        constraints=c,
        largest=max(capped.items(), key=lambda kv: kv[1]) if capped else None,
        mou_share=sum(s for code, s in shares.items() if code in partners) if shares else None,
        insisted_cost_musd=float(p.deal_cost @ new + p.plant_cost @ built),
        insisted_deals=int(new.sum()),
        left_out_uncosted=len(p.left_out_uncosted),
    )
    for key in _active(c, facts.left_out_uncosted):
        if feasible(RELAX[key](c)):
            facts.fixes.append(key)
    if "country" in facts.fixes and c.max_country_share is not None:
        lo, hi = c.max_country_share, 1.0
        proven = None  # the highest limit tried that is proven to give no plan
        for _ in range(BISECTION_STEPS):
            mid = (lo + hi) / 2
            found = feasible(replace(c, max_country_share=mid))
            if found:
                hi = mid
            else:
                lo = mid
                proven = mid if found is False else proven
        facts.workable_country_share = hi
        if hi >= 1.0 and proven is not None:
            facts.country_share_without_plan = proven
    return facts


def _money(musd: float, inr_per_usd: float) -> str:
    return f"INR {usd_m_to_crore(musd, inr_per_usd):,.0f} crore (USD {musd:,.1f} m)"


def _up(share: float) -> str | None:
    """A share below 100% rounded up to a whole percent (a limit set there is met), or to 0.1 or
    0.01 of a percent when a whole one would read 100%; None if even that would."""
    for digits in (0, 1, 2):
        up = np.ceil(share * 100 * 10**digits - 1e-9) / 10**digits
        if up < 100:
            return f"{up:.{digits}f}%"
    return None


def _down(share: float) -> str:
    """A share rounded down to a whole percent: a limit set there leaves no plan either."""
    return f"{np.floor(share * 100 + 1e-9):.0f}%"


def limit_name(key: str, facts: NoPlan, uncosted_switch: str) -> str:
    """What to change, in words: dropping a limit, or counting unknown costs as 0."""
    c = facts.constraints
    if key == "country":
        return "dropping " + country_limit_name(c.max_country_share or 0.0, c.cap_imported_only)
    if key == "mou":
        return f"dropping the minimum of {c.min_mou_share:.0%} from MoU partners"
    if key == "budget":
        return f"dropping the budget of {_money(c.budget_musd or 0.0, facts.inr_per_usd)}"
    if key == "deals":
        return f"dropping the limit of {c.max_deals} new deal{'' if c.max_deals == 1 else 's'}"
    if key == "include":
        return "letting the plan leave out the deals and options you insist on"
    return (
        f"counting the {facts.left_out_uncosted} of unknown cost as 0 ({uncosted_switch}) "
        "instead of leaving them out"
    )


def no_plan_words(facts: NoPlan, uncosted_switch: str, imported_switch: str = CLI_IMPORTED) -> str:
    """Which limit leaves no plan, and by how much. `uncosted_switch` says how to count unknown
    costs as 0 where the user is ("use --include-uncosted", 'tick "Count unknown costs as 0"'),
    `imported_switch` how to limit imported supply only."""
    c = facts.constraints
    y = facts.year
    said = []
    if c.budget_musd is not None and facts.insisted_cost_musd > c.budget_musd + 1e-9:
        said.append(
            f"the deals and options you insist on cost "
            f"{_money(facts.insisted_cost_musd, facts.inr_per_usd)}, over the budget of "
            f"{_money(c.budget_musd, facts.inr_per_usd)}"
        )
    if c.max_deals is not None and facts.insisted_deals > c.max_deals:
        said.append(
            f"you insist on {facts.insisted_deals} new deals, over the limit of {c.max_deals}"
        )
    without = (
        "with only the deals you insist on" if facts.insisted_deals else "without any new deal"
    )
    if c.max_country_share is not None and facts.largest is not None:
        code, share = facts.largest
        if share > c.max_country_share + 1e-6 and c.cap_imported_only:
            said.append(
                f"{country_name(code)} already supplies {share:.0%} of {y} imported supply "
                f"{without}, over {country_limit_name(c.max_country_share, True)}"
            )
        elif share > c.max_country_share + 1e-6:
            domestic = " (domestic supply)" if code == "IND" else ""
            said.append(
                f"{country_name(code)}{domestic} already supplies {share:.0%} of {y} magnets "
                f"{without}, over {country_limit_name(c.max_country_share, False)} (domestic "
                f"supply counts as a country; {imported_switch} to limit imported supply only)"
            )
    mou = facts.mou_share
    if c.min_mou_share is not None and mou is not None and mou < c.min_mou_share - 1e-6:
        said.append(
            f"MoU partners supply {mou:.0%} of {y} magnets {without}, under the "
            f"minimum of {c.min_mou_share:.0%}"
        )
    if facts.fixes:
        names = [limit_name(k, facts, uncosted_switch) for k in facts.fixes]
        relax = (
            f"{names[0]} gives a plan"
            if len(names) == 1
            else "any one of these on its own gives a plan: "
            + "; ".join(names[:-1])
            + f"; or {names[-1]}"
        )
        said.append(relax)
    else:
        said.append("no single limit dropped on its own gives a plan: drop or widen two or more")
    imports = "of imports " if c.cap_imported_only else ""
    if facts.country_share_without_plan is not None:
        said.append(
            f"with the other limits kept, no share limit below 100% works: even "
            f"{_down(facts.country_share_without_plan)} {imports}from one country leaves no plan"
        )
    elif facts.workable_country_share is not None and _up(facts.workable_country_share):
        said.append(
            f"with the other limits kept, allowing up to {_up(facts.workable_country_share)} "
            f"{imports}from one country gives a plan"
        )
    return " ".join(["No plan meets every limit."] + [f"{s[0].upper()}{s[1:]}." for s in said])


CLI_UNCOSTED = "use --include-uncosted"


def left_out_note(names: list[str], uncosted_switch: str) -> str:
    """The deals and options a budgeted plan left out for an unknown cost, and how to count
    them as 0 where the user is."""
    return (
        f"{len(names)} left out for an unknown cost (enter their costs, or {uncosted_switch} "
        "to count them as 0): " + ", ".join(names)
    )

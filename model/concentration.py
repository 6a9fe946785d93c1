"""Diversity of supply: country shares, the Herfindahl-Hirschman index, and what each country's
loss would cost."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.api import project
from model.countries import country_name
from model.portfolio import Portfolio
from model.projection import Projection
from model.scenario import HORIZON_END, HORIZON_START, Disruption, Mode, Scenario

HOME = "IND"  # India's own output is domestic supply, not a dependence on a foreign country


@dataclass(frozen=True)
class Concentration:
    years: np.ndarray
    shares: dict[str, np.ndarray]  # ISO code -> share of magnets by year (0..1)
    hhi: np.ndarray  # sum of squared percentage shares, 0..10,000 (0 where no magnets)
    largest: list[str]  # country with the largest share each year ('' where no magnets)
    largest_share: np.ndarray
    largest_foreign: list[str]  # the same, India's own output left out
    largest_foreign_share: np.ndarray  # of all supply (India's included)

    def rows(self) -> list[dict]:
        return [
            {
                "year": int(y),
                "hhi": float(self.hhi[k]),
                "largest_country": self.largest[k],
                "largest_share": float(self.largest_share[k]),
                "largest_foreign_country": self.largest_foreign[k],
                "largest_foreign_share": float(self.largest_foreign_share[k]),
                "shares": {c: float(v[k]) for c, v in self.shares.items() if v[k] > 0},
            }
            for k, y in enumerate(self.years.tolist())
        ]


def concentration(result: Projection, *, dytb: bool = False) -> Concentration:
    """HHI = sum over countries of (100 x share)^2: 10,000 is one country, under 1,500 is
    usually called unconcentrated and above 2,500 highly concentrated (US DoJ/FTC convention).
    `dytb`: of the Dy+Tb oxide the deals deliver (equation 8; the market's is not by country)
    instead of magnets."""
    by_country = result.dytb_by_country() if dytb else result.by_country()
    codes = list(by_country)
    total = result.deal_dytb.sum(axis=1) if dytb else result.magnets
    if not codes:
        zeros = np.zeros_like(total)
        none = [""] * total.size
        return Concentration(result.years, {}, zeros, none, zeros, none, zeros)
    stacked = np.vstack([by_country[c] for c in codes])
    shares = np.divide(stacked, total, out=np.zeros_like(stacked), where=total > 0)
    hhi = (100 * shares) ** 2
    top = shares.argmax(axis=0)
    largest = [codes[i] if total[k] > 0 else "" for k, i in enumerate(top.tolist())]
    foreign = np.where(np.array([c == HOME for c in codes])[:, None], 0.0, shares)
    top_foreign = foreign.argmax(axis=0)
    largest_foreign = [
        codes[i] if foreign[i, k] > 0 else "" for k, i in enumerate(top_foreign.tolist())
    ]
    return Concentration(
        years=result.years,
        shares=dict(zip(codes, shares, strict=True)),
        hhi=hhi.sum(axis=0),
        largest=largest,
        largest_share=shares.max(axis=0),
        largest_foreign=largest_foreign,
        largest_foreign_share=foreign.max(axis=0),
    )


def largest_words(c: Concentration, k: int) -> str:
    """The largest country's share of supply in year index `k`, in the words the app, the
    briefing and the CLI share; when it is India's own output, the largest foreign one too
    (India's output is domestic supply, not a dependence)."""
    code = c.largest[k]
    if not code:
        return "largest single-country share of supply: none"
    text = f"largest single-country share of supply: {country_name(code)} {c.largest_share[k]:.0%}"
    if code != HOME:
        return text
    foreign = c.largest_foreign[k]
    share = f"{country_name(foreign)} {c.largest_foreign_share[k]:.0%}" if foreign else "none"
    return f"{text} (domestic); largest foreign: {share}"


@dataclass(frozen=True)
class CountryCut:
    country: str
    name: str
    magnets_lost_t: float  # in the chosen year
    cumulative_lost_t: float  # over the horizon from the cut year on
    gap_t: float  # the gap to target in the chosen year with the country cut


def country_cuts(
    portfolio: Portfolio,
    *,
    from_year: int,
    year: int,
    mode: Mode | str | None = None,
    scenario: Scenario | None = None,
    start: int = HORIZON_START,
    end: int = HORIZON_END,
) -> list[CountryCut]:
    """'What if country X is cut from `from_year`' for every country with a block, largest loss
    first."""
    scenario = scenario or Scenario(name="Base")
    base = project(portfolio, scenario=scenario, mode=mode, start=start, end=end)
    i = base.year_index(year)
    cuts = []
    for code in sorted({b.country for b in portfolio.blocks}):
        cut = scenario.model_copy(
            update={
                "disruptions": [
                    *scenario.disruptions,
                    Disruption(country=code, from_year=from_year),
                ]
            }
        )
        result = project(portfolio, scenario=cut, mode=mode, start=start, end=end)
        lost = base.magnets - result.magnets
        cuts.append(
            CountryCut(
                country=code,
                name=country_name(code),
                magnets_lost_t=float(lost[i]),
                cumulative_lost_t=float(lost.sum()),
                gap_t=float(result.gap[i]),
            )
        )
    return sorted(cuts, key=lambda c: (-c.magnets_lost_t, -c.cumulative_lost_t, c.country))

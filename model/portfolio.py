"""The whole portfolio as one validated value, and the checks that span several records."""

from __future__ import annotations

from collections import defaultdict

from pydantic import Field, model_validator

from model.assumptions import Assumptions
from model.domain import Block, Deal, DealStatus, Firm, Plant, Record
from model.redaction import DEFAULT_CONFIDENTIAL, check_confidential_fields
from model.scenario import Scenario, Target

OFFTAKE_TOLERANCE = 1e-9


class PortfolioError(ValueError):
    """A portfolio that breaks a rule; `problems` lists each as 'path: message'."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class Portfolio(Record):
    name: str = Field(default="Portfolio", min_length=1, max_length=200)
    blocks: list[Block] = Field(default_factory=list)
    firms: list[Firm] = Field(default_factory=list)
    deals: list[Deal] = Field(default_factory=list)
    plants: list[Plant] = Field(default_factory=list)
    assumptions: Assumptions = Field(default_factory=Assumptions)
    target: Target = Field(default_factory=Target)
    scenarios: list[Scenario] = Field(default_factory=list)
    confidential_fields: list[str] = Field(
        default_factory=lambda: list(DEFAULT_CONFIDENTIAL),
        description="'kind.field' names left out of exports unless the user includes them",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Portfolio:
        problems = portfolio_problems(self)
        if problems:
            raise PortfolioError(problems)
        return self

    def block(self, block_id: str) -> Block:
        return next(b for b in self.blocks if b.id == block_id)

    def scenario(self, name: str) -> Scenario:
        for scenario in self.scenarios:
            if scenario.name == name:
                return scenario
        known = ", ".join(s.name for s in self.scenarios) or "none"
        raise KeyError(f"no scenario named '{name}' (known: {known})")


def check_unique_ids(portfolio: Portfolio) -> list[str]:
    problems = []
    for kind in ("blocks", "firms", "deals", "plants"):
        seen: dict[str, int] = {}
        for i, record in enumerate(getattr(portfolio, kind)):
            if record.id in seen:
                problems.append(
                    f"{kind}[{i}].id: '{record.id}' is already used by {kind}[{seen[record.id]}]"
                )
            seen.setdefault(record.id, i)
    seen_names: dict[str, int] = {}
    for i, scenario in enumerate(portfolio.scenarios):
        if scenario.name in seen_names:
            problems.append(f"scenarios[{i}].name: '{scenario.name}' is already used")
        seen_names.setdefault(scenario.name, i)
    return problems


def check_references(portfolio: Portfolio) -> list[str]:
    block_ids = {b.id for b in portfolio.blocks}
    firm_ids = {f.id for f in portfolio.firms}
    deal_ids = {d.id for d in portfolio.deals}
    problems = []
    for i, deal in enumerate(portfolio.deals):
        if deal.block_id not in block_ids:
            problems.append(f"deals[{i}].block_id: '{deal.block_id}' is not a block id")
        if deal.firm_id not in firm_ids:
            problems.append(f"deals[{i}].firm_id: '{deal.firm_id}' is not a firm id")
    for i, plant in enumerate(portfolio.plants):
        if plant.firm_id is not None and plant.firm_id not in firm_ids:
            problems.append(f"plants[{i}].firm_id: '{plant.firm_id}' is not a firm id")
    for i, scenario in enumerate(portfolio.scenarios):
        problems += scenario_reference_problems(scenario, block_ids, deal_ids, f"scenarios[{i}]")
    return problems


def scenario_reference_problems(
    scenario: Scenario, block_ids: set[str], deal_ids: set[str], where: str = "scenarios"
) -> list[str]:
    """Blocks and deals a scenario names must exist."""
    problems = []
    for field in ("block_delays", "block_overrides"):
        for block_id in getattr(scenario, field):
            if block_id not in block_ids:
                problems.append(f"{where}.{field}: '{block_id}' is not a block id")
    for deal_id in scenario.deal_overrides:
        if deal_id not in deal_ids:
            problems.append(f"{where}.deal_overrides: '{deal_id}' is not a deal id")
    return problems


def check_offtake(portfolio: Portfolio) -> list[str]:
    """India's deals on one block cannot take more than all of its output."""
    by_block: dict[str, list[tuple[int, Deal]]] = defaultdict(list)
    for i, deal in enumerate(portfolio.deals):
        if deal.status != DealStatus.rejected:
            by_block[deal.block_id].append((i, deal))
    problems = []
    for block_id, deals in by_block.items():
        total = sum(d.offtake_share for _, d in deals)
        if total > 1 + OFFTAKE_TOLERANCE:
            parts = ", ".join(f"deals[{i}] {d.offtake_share:g}" for i, d in deals)
            problems.append(
                f"deals on block '{block_id}': offtake shares of non-rejected deals add up to "
                f"{total:g} ({parts}); they must not exceed 1"
            )
    return problems


def portfolio_problems(portfolio: Portfolio) -> list[str]:
    return (
        check_unique_ids(portfolio)
        + check_references(portfolio)
        + check_offtake(portfolio)
        + check_confidential_fields(portfolio.confidential_fields)
    )

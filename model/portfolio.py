"""The whole portfolio as one validated value; the rules spanning records are model/rules.py."""

from __future__ import annotations

from pydantic import Field, model_validator

from model.assumptions import Assumptions
from model.demand import Demand
from model.domain import Block, Deal, Evidence, Firm, Plant, Record
from model.redaction import DEFAULT_CONFIDENTIAL
from model.rules import portfolio_problems
from model.scenario import Scenario, Target


class PortfolioError(ValueError):
    """A portfolio that breaks a rule; `problems` lists each (`model.problems.Problem`: "deal
    'x', firm: 'ghost' is not a firm id", knowing the record's place and field)."""

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
    demand: Demand = Field(
        default_factory=Demand, description="India's magnet demand path (model/demand.py)"
    )
    evidence: list[Evidence] = Field(
        default_factory=list, description="sourced values of figures (model/evidence.py)"
    )
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

"""SQLModel tables of the portfolio file. The DDL (with its CHECK constraints, foreign keys and the
offtake trigger) lives in the alembic migrations; a test checks the two agree column by column."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class BlockRow(SQLModel, table=True):
    __tablename__ = "blocks"
    id: str = Field(primary_key=True)
    name: str = Field(unique=True)
    country: str
    lat: float | None = None
    lon: float | None = None
    operator: str = ""
    deposit_type: str = ""
    stage: str
    product: str
    nameplate_tpa: float | None = None
    ndpr_share: float | None = None
    dytb_share: float | None = None
    first_year: int | None = None
    ramp_years: int = 1
    resource_treo_t: float | None = None
    acquisition_cost_musd: float | None = None
    source: str = ""
    as_of: str = ""
    notes: str = ""


class FirmRow(SQLModel, table=True):
    __tablename__ = "firms"
    id: str = Field(primary_key=True)
    name: str = Field(unique=True)
    kind: str
    roles: str = "[]"  # JSON list of role names
    notes: str = ""


class DealRow(SQLModel, table=True):
    __tablename__ = "deals"
    id: str = Field(primary_key=True)
    block_id: str = Field(foreign_key="blocks.id")
    firm_id: str = Field(foreign_key="firms.id")
    status: str
    offtake_share: float
    equity_share: float = 0.0
    start_year: int | None = None
    cost_musd: float | None = None
    notes: str = ""


class PlantRow(SQLModel, table=True):
    __tablename__ = "plants"
    id: str = Field(primary_key=True)
    firm_id: str | None = Field(default=None, foreign_key="firms.id")
    name: str = Field(unique=True)
    stage: str
    capacity_tpa: float
    first_year: int | None = None
    ramp_years: int = 1
    status: str
    capex_musd: float | None = None
    source: str = ""
    notes: str = ""


class ScenarioRow(SQLModel, table=True):
    __tablename__ = "scenarios"
    name: str = Field(primary_key=True)
    body: str  # JSON of model.scenario.Scenario


class AssumptionRow(SQLModel, table=True):
    __tablename__ = "assumptions"
    name: str = Field(primary_key=True)  # e.g. oxide_to_metal, p_stage.feasibility
    value: float | None = None  # numbers
    text_value: str | None = None  # words: separation_allocation
    source: str | None = None


class TargetYearRow(SQLModel, table=True):
    __tablename__ = "target_path"
    year: int = Field(primary_key=True)
    tpa: float


class MetaRow(SQLModel, table=True):
    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str

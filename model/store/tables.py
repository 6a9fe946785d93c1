"""SQLModel tables of the portfolio file. The four record tables are derived from the record
declarations in model/domain.py; the DDL (with its CHECK constraints, foreign keys and the offtake
trigger) lives in the alembic migrations, and a test checks the two agree column by column, range
by range."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from model.domain import KINDS, Kind


def _table_class(kind: Kind) -> type[SQLModel]:
    """The record class as a table: a subclass that adds nothing but `table=True` and a name."""
    name = f"{kind.record.__name__}Row"
    return type(kind.record)(name, (kind.record,), {"__tablename__": kind.table}, table=True)


ROWS: dict[str, type[SQLModel]] = {name: _table_class(kind) for name, kind in KINDS.items()}
BlockRow, FirmRow, DealRow, PlantRow = (ROWS[k] for k in ("blocks", "firms", "deals", "plants"))


class ScenarioRow(SQLModel, table=True):
    __tablename__ = "scenarios"
    name: str = Field(primary_key=True)
    body: str  # JSON of model.scenario.Scenario


class AssumptionRow(SQLModel, table=True):
    __tablename__ = "assumptions"
    name: str = Field(primary_key=True)  # e.g. oxide_to_metal, p_stage.feasibility
    value: float | None = None  # numbers
    text_value: str | None = None  # words: separation_allocation, dytb_process
    source: str | None = None


class TargetYearRow(SQLModel, table=True):
    __tablename__ = "target_path"
    year: int = Field(primary_key=True)
    tpa: float


class MetaRow(SQLModel, table=True):
    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str

"""Initial schema: blocks, firms, deals, plants, scenarios, assumptions, target path, meta.

The database enforces what the model checks in Python (ranges, enums, references, the offtake
sum per block), so that no tool writing to the file can store what the model would refuse.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

STAGES = ("exploration", "prefeasibility", "feasibility", "construction", "producing")
PRODUCTS = ("concentrate", "mixed", "separated", "ndpr_oxide")
FIRM_KINDS = ("psu", "private", "foreign")
DEAL_STATUSES = ("candidate", "negotiating", "mou", "signed", "acquired", "rejected")
PLANT_STAGES = ("separation", "metal", "magnet")
PLANT_STATUSES = ("operating", "construction", "committed", "planned")


def one_of(column: str, values: tuple[str, ...]) -> sa.CheckConstraint:
    listed = ", ".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({listed})", name=f"{column}_valid")


def between(column: str, low: float, high: float, nullable: bool = True) -> sa.CheckConstraint:
    rule = f"{column} BETWEEN {low} AND {high}"
    return sa.CheckConstraint(
        f"{column} IS NULL OR {rule}" if nullable else rule, name=f"{column}_range"
    )


def at_least(column: str, low: float, nullable: bool = True) -> sa.CheckConstraint:
    rule = f"{column} >= {low}"
    return sa.CheckConstraint(
        f"{column} IS NULL OR {rule}" if nullable else rule, name=f"{column}_min"
    )


def text(name: str, **kw) -> sa.Column:
    return sa.Column(name, sa.String(), nullable=False, server_default="", **kw)


def upgrade() -> None:
    op.create_table(
        "blocks",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False, unique=True),
        sa.Column("country", sa.String(), nullable=False),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        text("operator"),
        text("deposit_type"),
        sa.Column("stage", sa.String(), nullable=False),
        sa.Column("product", sa.String(), nullable=False),
        sa.Column("nameplate_tpa", sa.Float()),
        sa.Column("ndpr_share", sa.Float()),
        sa.Column("dytb_share", sa.Float()),
        sa.Column("first_year", sa.Integer()),
        sa.Column("ramp_years", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("resource_treo_t", sa.Float()),
        sa.Column("acquisition_cost_musd", sa.Float()),
        text("source"),
        text("as_of"),
        text("notes"),
        sa.CheckConstraint("length(id) BETWEEN 1 AND 64", name="id_length"),
        sa.CheckConstraint("length(name) >= 1", name="name_length"),
        sa.CheckConstraint("length(country) = 3", name="country_iso3"),
        between("lat", -90, 90),
        between("lon", -180, 180),
        one_of("stage", STAGES),
        one_of("product", PRODUCTS),
        at_least("nameplate_tpa", 0),
        between("ndpr_share", 0, 1),
        between("dytb_share", 0, 1),
        between("first_year", 1950, 2100),
        between("ramp_years", 1, 50, nullable=False),
        at_least("resource_treo_t", 0),
        at_least("acquisition_cost_musd", 0),
    )
    op.create_table(
        "firms",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False, unique=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("roles", sa.String(), nullable=False, server_default="[]"),
        text("notes"),
        sa.CheckConstraint("length(id) BETWEEN 1 AND 64", name="id_length"),
        sa.CheckConstraint("length(name) >= 1", name="name_length"),
        one_of("kind", FIRM_KINDS),
        sa.CheckConstraint("json_valid(roles) AND json_type(roles) = 'array'", name="roles_json"),
    )
    op.create_table(
        "deals",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column(
            "block_id", sa.String(), sa.ForeignKey("blocks.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column(
            "firm_id", sa.String(), sa.ForeignKey("firms.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("offtake_share", sa.Float(), nullable=False),
        sa.Column("equity_share", sa.Float(), nullable=False, server_default="0"),
        sa.Column("start_year", sa.Integer()),
        text("notes"),
        sa.CheckConstraint("length(id) BETWEEN 1 AND 64", name="id_length"),
        one_of("status", DEAL_STATUSES),
        between("offtake_share", 0, 1, nullable=False),
        between("equity_share", 0, 1, nullable=False),
        between("start_year", 1950, 2100),
    )
    op.create_index("deals_by_block", "deals", ["block_id"])
    op.create_table(
        "plants",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("firm_id", sa.String(), sa.ForeignKey("firms.id", ondelete="RESTRICT")),
        sa.Column("name", sa.String(), nullable=False, unique=True),
        sa.Column("stage", sa.String(), nullable=False),
        sa.Column("capacity_tpa", sa.Float(), nullable=False),
        sa.Column("first_year", sa.Integer()),
        sa.Column("ramp_years", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("status", sa.String(), nullable=False),
        text("source"),
        text("notes"),
        sa.CheckConstraint("length(id) BETWEEN 1 AND 64", name="id_length"),
        sa.CheckConstraint("length(name) >= 1", name="name_length"),
        one_of("stage", PLANT_STAGES),
        one_of("status", PLANT_STATUSES),
        at_least("capacity_tpa", 0, nullable=False),
        between("first_year", 1950, 2100),
        between("ramp_years", 1, 50, nullable=False),
    )
    op.create_table(
        "scenarios",
        sa.Column("name", sa.String(), primary_key=True),
        sa.Column("body", sa.String(), nullable=False),
        sa.CheckConstraint("length(name) >= 1", name="name_length"),
        sa.CheckConstraint("json_valid(body)", name="body_json"),
    )
    op.create_table(
        "assumptions",
        sa.Column("name", sa.String(), primary_key=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("source", sa.String()),
        between("value", 0, 1, nullable=False),
    )
    op.create_table(
        "target_path",
        sa.Column("year", sa.Integer(), primary_key=True),
        sa.Column("tpa", sa.Float(), nullable=False),
        between("year", 1950, 2100, nullable=False),
        at_least("tpa", 0, nullable=False),
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("value", sa.String(), nullable=False),
    )
    # India's non-rejected deals on one block cannot take more than all of its output.
    for event in ("INSERT", "UPDATE"):
        op.execute(
            f"""
            CREATE TRIGGER deals_offtake_{event.lower()} BEFORE {event} ON deals
            WHEN NEW.status != 'rejected' AND NEW.offtake_share + (
                SELECT coalesce(sum(offtake_share), 0) FROM deals
                WHERE block_id = NEW.block_id AND status != 'rejected' AND id != NEW.id
            ) > 1.000000001
            BEGIN
                SELECT RAISE(ABORT, 'offtake shares of non-rejected deals on one block exceed 1');
            END
            """
        )


def downgrade() -> None:
    for table in ("meta", "target_path", "assumptions", "scenarios", "plants", "deals", "firms"):
        op.drop_table(table)
    op.drop_table("blocks")

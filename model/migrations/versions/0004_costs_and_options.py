"""Deals get a cost (USD m India commits to close them); plants get a capex and the status
'option' (not decided: a plan may build it).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

OLD_STATUSES = "status IN ('operating', 'construction', 'committed', 'planned')"
NEW_STATUSES = "status IN ('operating', 'construction', 'committed', 'planned', 'option')"


def _plants(status_rule: str, *extra: sa.Column) -> sa.Table:
    """The plants table as migration 0001 made it, with a status rule and extra columns."""
    return sa.Table(
        "plants",
        sa.MetaData(),
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("firm_id", sa.String(), sa.ForeignKey("firms.id", ondelete="RESTRICT")),
        sa.Column("name", sa.String(), nullable=False, unique=True),
        sa.Column("stage", sa.String(), nullable=False),
        sa.Column("capacity_tpa", sa.Float(), nullable=False),
        sa.Column("first_year", sa.Integer()),
        sa.Column("ramp_years", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False, server_default=""),
        sa.Column("notes", sa.String(), nullable=False, server_default=""),
        *extra,
        sa.CheckConstraint("length(id) BETWEEN 1 AND 64", name="id_length"),
        sa.CheckConstraint("length(name) >= 1", name="name_length"),
        sa.CheckConstraint("stage IN ('separation', 'metal', 'magnet')", name="stage_valid"),
        sa.CheckConstraint(status_rule, name="status_valid"),
        sa.CheckConstraint("capacity_tpa >= 0", name="capacity_tpa_min"),
        sa.CheckConstraint(
            "first_year IS NULL OR first_year BETWEEN 1950 AND 2100", name="first_year_range"
        ),
        sa.CheckConstraint("ramp_years BETWEEN 1 AND 50", name="ramp_years_range"),
    )


def upgrade() -> None:
    # A deal's cost is confidential by default, also in files whose list the user has edited.
    op.execute(
        "UPDATE meta SET value = json_insert(value, '$[#]', 'deals.cost_musd') "
        "WHERE key = 'confidential_fields' AND NOT EXISTS "
        "(SELECT 1 FROM json_each(meta.value) WHERE json_each.value = 'deals.cost_musd')"
    )
    # ADD COLUMN keeps the deals table (and its offtake triggers) in place.
    op.execute(
        "ALTER TABLE deals ADD COLUMN cost_musd FLOAT "
        "CONSTRAINT cost_musd_min CHECK (cost_musd IS NULL OR cost_musd >= 0)"
    )
    with op.batch_alter_table(
        "plants", copy_from=_plants(OLD_STATUSES), recreate="always"
    ) as batch:
        batch.add_column(sa.Column("capex_musd", sa.Float()))
        batch.drop_constraint("status_valid", type_="check")
        batch.create_check_constraint("status_valid", sa.text(NEW_STATUSES))
        batch.create_check_constraint(
            "capex_musd_min", sa.text("capex_musd IS NULL OR capex_musd >= 0")
        )


def downgrade() -> None:
    op.execute("DELETE FROM plants WHERE status = 'option'")
    capex = sa.Column("capex_musd", sa.Float())
    with op.batch_alter_table(
        "plants", copy_from=_plants(NEW_STATUSES, capex), recreate="always"
    ) as batch:
        batch.drop_column("capex_musd")
        batch.drop_constraint("status_valid", type_="check")
        batch.create_check_constraint("status_valid", sa.text(OLD_STATUSES))
    op.execute("ALTER TABLE deals DROP COLUMN cost_musd")

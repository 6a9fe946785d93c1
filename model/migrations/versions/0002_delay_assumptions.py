"""Assumptions may hold Monte Carlo delay ranges (whole years), not only values in 0..1.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Probabilities and chain factors stay in 0..1; delay ranges are 0..20 whole years.
NEW_RULE = (
    "(name LIKE 'max_delay_%' AND value BETWEEN 0 AND 20 AND value = CAST(value AS INTEGER)) "
    "OR (name NOT LIKE 'max_delay_%' AND value BETWEEN 0 AND 1)"
)
OLD_RULE = "value BETWEEN 0 AND 1"


def _assumptions(rule: str) -> sa.Table:
    return sa.Table(
        "assumptions",
        sa.MetaData(),
        sa.Column("name", sa.String(), primary_key=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("source", sa.String()),
        sa.CheckConstraint(rule, name="value_range"),
    )


def upgrade() -> None:
    # SQLite cannot alter a CHECK constraint: batch mode copies the table into the new shape.
    with op.batch_alter_table("assumptions", copy_from=_assumptions(NEW_RULE), recreate="always"):
        pass


def downgrade() -> None:
    op.execute("DELETE FROM assumptions WHERE name LIKE 'max_delay_%'")
    with op.batch_alter_table("assumptions", copy_from=_assumptions(OLD_RULE), recreate="always"):
        pass

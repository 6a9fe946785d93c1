"""Assumptions may hold a word (separation_allocation: merit_order | pro_rata) and the exchange
rate inr_per_usd (rupees per dollar, not a share).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

WORDS = (
    "name = 'separation_allocation' AND value IS NULL AND text_value IN ('merit_order', 'pro_rata')"
)
RATE = "name = 'inr_per_usd' AND text_value IS NULL AND value BETWEEN 1 AND 1000"
DELAYS = (
    "name LIKE 'max_delay_%' AND text_value IS NULL "
    "AND value BETWEEN 0 AND 20 AND value = CAST(value AS INTEGER)"
)
SHARES = (
    "name NOT LIKE 'max_delay_%' AND name NOT IN ('separation_allocation', 'inr_per_usd') "
    "AND text_value IS NULL AND value BETWEEN 0 AND 1"
)
NEW_RULE = f"({WORDS}) OR ({RATE}) OR ({DELAYS}) OR ({SHARES})"
OLD_RULE = (
    "(name LIKE 'max_delay_%' AND value BETWEEN 0 AND 20 AND value = CAST(value AS INTEGER)) "
    "OR (name NOT LIKE 'max_delay_%' AND value BETWEEN 0 AND 1)"
)


def _table(*columns: sa.Column, rule: str) -> sa.Table:
    return sa.Table(
        "assumptions",
        sa.MetaData(),
        sa.Column("name", sa.String(), primary_key=True),
        *columns,
        sa.Column("source", sa.String()),
        sa.CheckConstraint(rule, name="value_range"),
    )


def upgrade() -> None:
    old = _table(sa.Column("value", sa.Float(), nullable=False), rule=OLD_RULE)
    # SQLite cannot alter a CHECK constraint: batch mode copies the table into the new shape.
    with op.batch_alter_table("assumptions", copy_from=old, recreate="always") as batch:
        batch.add_column(sa.Column("text_value", sa.String()))
        batch.alter_column("value", existing_type=sa.Float(), nullable=True)
        batch.drop_constraint("value_range", type_="check")
        batch.create_check_constraint("value_range", sa.text(NEW_RULE))


def downgrade() -> None:
    op.execute("DELETE FROM assumptions WHERE name IN ('separation_allocation', 'inr_per_usd')")
    new = _table(
        sa.Column("value", sa.Float()), sa.Column("text_value", sa.String()), rule=NEW_RULE
    )
    with op.batch_alter_table("assumptions", copy_from=new, recreate="always") as batch:
        batch.drop_constraint("value_range", type_="check")
        batch.drop_column("text_value")
        batch.alter_column("value", existing_type=sa.Float(), nullable=False)
        batch.create_check_constraint("value_range", sa.text(OLD_RULE))

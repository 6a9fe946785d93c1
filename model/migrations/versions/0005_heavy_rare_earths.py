"""Assumptions of the heavy rare earth limit (equation 8): the word dytb_process
(conventional | grain_boundary_diffusion) and dytb_market_tpa (t Dy+Tb oxide/yr, not a share).
The other new assumptions are shares (0..1) and need no new rule.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

WORD_RULE = (
    "(name = 'separation_allocation' AND text_value IN ('merit_order', 'pro_rata')) "
    "OR (name = 'dytb_process' AND text_value IN ('conventional', 'grain_boundary_diffusion'))"
)
WORDS = f"value IS NULL AND ({WORD_RULE})"
RATE = "name = 'inr_per_usd' AND text_value IS NULL AND value BETWEEN 1 AND 1000"
MARKET = "name = 'dytb_market_tpa' AND text_value IS NULL AND value BETWEEN 0 AND 100000"
DELAYS = (
    "name LIKE 'max_delay_%' AND text_value IS NULL "
    "AND value BETWEEN 0 AND 20 AND value = CAST(value AS INTEGER)"
)
NOT_SHARES = "'separation_allocation', 'inr_per_usd', 'dytb_process', 'dytb_market_tpa'"
SHARES = (
    f"name NOT LIKE 'max_delay_%' AND name NOT IN ({NOT_SHARES}) "
    "AND text_value IS NULL AND value BETWEEN 0 AND 1"
)
NEW_RULE = f"({WORDS}) OR ({RATE}) OR ({MARKET}) OR ({DELAYS}) OR ({SHARES})"

# The rule of migration 0003.
OLD_WORDS = (
    "name = 'separation_allocation' AND value IS NULL AND text_value IN ('merit_order', 'pro_rata')"
)
OLD_SHARES = (
    "name NOT LIKE 'max_delay_%' AND name NOT IN ('separation_allocation', 'inr_per_usd') "
    "AND text_value IS NULL AND value BETWEEN 0 AND 1"
)
NEW_NAMES = (
    "'high_temp_share', 'dytb_intensity_conventional', 'dytb_intensity_gbd', "
    "'dytb_oxide_to_metal', 'dytb_market_tpa', 'dytb_process'"
)
OLD_RULE = f"({OLD_WORDS}) OR ({RATE}) OR ({DELAYS}) OR ({OLD_SHARES})"


def _table(rule: str) -> sa.Table:
    return sa.Table(
        "assumptions",
        sa.MetaData(),
        sa.Column("name", sa.String(), primary_key=True),
        sa.Column("value", sa.Float()),
        sa.Column("text_value", sa.String()),
        sa.Column("source", sa.String()),
        sa.CheckConstraint(rule, name="value_range"),
    )


def _recreate(old: str, new: str) -> None:
    # SQLite cannot alter a CHECK constraint: batch mode copies the table into the new shape.
    with op.batch_alter_table("assumptions", copy_from=_table(old), recreate="always") as batch:
        batch.drop_constraint("value_range", type_="check")
        batch.create_check_constraint("value_range", sa.text(new))


def upgrade() -> None:
    _recreate(OLD_RULE, NEW_RULE)


def downgrade() -> None:
    op.execute(f"DELETE FROM assumptions WHERE name IN ({NEW_NAMES})")
    _recreate(NEW_RULE, OLD_RULE)

"""Sourced values left behind by a deleted block or plant (before deletes took them along) are
removed: they described a record that no longer exists, and the rules now refuse them.

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for kind in ("blocks", "plants"):
        op.execute(
            f"DELETE FROM evidence WHERE record_kind = '{kind}' "
            f"AND record_id NOT IN (SELECT id FROM {kind})"
        )


def downgrade() -> None:
    pass  # the rows removed described nothing: there is nothing to put back

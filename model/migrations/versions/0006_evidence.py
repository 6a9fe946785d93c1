"""The evidence register: several sourced values per figure, one of them chosen.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.String(), nullable=False, server_default="")


def upgrade() -> None:
    op.create_table(
        "evidence",
        sa.Column("id", sa.String(), primary_key=True),
        _text("record_kind"),
        _text("record_id"),
        _text("field_name"),
        sa.Column("value", sa.Float(), nullable=False),
        _text("unit"),
        _text("source"),
        _text("url"),
        _text("as_of"),
        _text("note"),
        sa.Column("chosen", sa.Integer(), nullable=False, server_default="0"),
        sa.CheckConstraint("length(id) BETWEEN 1 AND 64", name="id_length"),
        sa.CheckConstraint("length(record_kind) >= 1", name="record_kind_length"),
        sa.CheckConstraint("length(record_id) >= 1", name="record_id_length"),
        sa.CheckConstraint("length(field_name) >= 1", name="field_name_length"),
        sa.CheckConstraint("length(source) >= 1", name="source_length"),
        sa.CheckConstraint("length(as_of) >= 1", name="as_of_length"),
        sa.CheckConstraint("chosen BETWEEN 0 AND 1", name="chosen_range"),
    )
    op.create_index("evidence_figure", "evidence", ["record_kind", "record_id", "field_name"])


def downgrade() -> None:
    op.drop_index("evidence_figure", "evidence")
    op.drop_table("evidence")

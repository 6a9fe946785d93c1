"""Sourced magnet-import figures keep their own unit: files made before the import figures were
re-unit-ed hold them in the demand's unit, so they could be chosen as demand (~460-900 t of
imports are not India's demand). Their unit is rewritten, only where it is exactly the old one.

An import figure is a sourced value of the demand's base whose note says it counts imports only
(every version of the demo wrote 'imports only' on them; demand figures never). One that was the
value in use is unmarked: it cannot be demand, and the figure keeps its value, now typed by hand.
Running it again changes nothing.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

OLD_UNIT = "t sintered NdFeB (rare-earth) magnets/yr"  # the demand's unit (model.demand.UNIT)
IMPORTS_UNIT = "t sintered NdFeB (rare-earth) magnets imported/yr"
IMPORT_FIGURES = (
    "record_kind = 'demand' AND field_name = 'base_t' AND note LIKE '%imports only%' "
    "AND unit = '{unit}'"
)


def upgrade() -> None:
    op.execute(
        f"UPDATE evidence SET unit = '{IMPORTS_UNIT}', chosen = 0 "
        f"WHERE {IMPORT_FIGURES.format(unit=OLD_UNIT)}"
    )


def downgrade() -> None:
    # The unit only: which value was in use before is not known.
    op.execute(
        f"UPDATE evidence SET unit = '{OLD_UNIT}' WHERE {IMPORT_FIGURES.format(unit=IMPORTS_UNIT)}"
    )

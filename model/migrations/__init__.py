"""Alembic migrations of the portfolio file (run automatically on open, after a backup).

REVISIONS lists every revision, oldest first, so that opening a file can check its schema without
importing alembic (a third of a second at start-up); a test keeps it equal to alembic's own list.
Add the new revision here when adding a migration.
"""

REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")
HEAD = REVISIONS[-1]

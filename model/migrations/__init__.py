"""Alembic migrations of the portfolio file (run automatically on open, after a backup)."""

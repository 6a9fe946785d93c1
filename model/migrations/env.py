"""Alembic environment: always run on the connection the store hands over."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=True)  # batch: SQLite ALTER TABLE
with context.begin_transaction():
    context.run_migrations()

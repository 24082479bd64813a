"""Alembic environment for the platform database: always run on a connection handed in by migrate.py."""

from alembic import context

from sync.server.db import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    version_table="platform_alembic_version",
)
with context.begin_transaction():
    context.run_migrations()

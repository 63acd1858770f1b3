"""Alembic environment: runs every pending migration on the connection it is handed.

The caller (``desktop_app.storage.migrate``) passes an open connection with foreign
keys switched off; all migrations run in one transaction, and a foreign key check
must come back clean before it commits.
"""

from alembic import context

from desktop_app.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
    violations = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if violations:
        raise RuntimeError(f"foreign key check failed after migrating: {violations[:5]}")

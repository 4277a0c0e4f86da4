"""Alembic environment. Run only through `qms_desktop.store.engine.upgrade()`, which passes an open
connection inside a transaction (so no alembic.ini and no URL here)."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with qms_desktop.store.upgrade(engine)")

# transactional_ddl: the whole upgrade commits or rolls back as one, on SQLite too (we emit BEGIN).
context.configure(connection=connection, transactional_ddl=True, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()

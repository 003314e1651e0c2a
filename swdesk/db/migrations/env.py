"""Alembic environment: migrations always run on a connection handed over by swdesk.db.migrate."""

from alembic import context

from swdesk.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic revision --autogenerate` from a developer's shell
    from swdesk.db.database import make_engine, resolve_url

    connection = make_engine(resolve_url(context.config.get_main_option("sqlalchemy.url"))).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite can only alter tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

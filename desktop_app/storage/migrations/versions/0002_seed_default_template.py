"""Fill the checklist template with the default items that ship with the app.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desktop_app.storage.default_template import load_default_template

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

template_items = sa.table(
    "checklist_template_items",
    sa.column("section", sa.String),
    sa.column("text", sa.Text),
    sa.column("due_offset_days", sa.Integer),
    sa.column("position", sa.Integer),
)


def upgrade() -> None:
    already = op.get_bind().execute(sa.text("SELECT COUNT(*) FROM checklist_template_items")).scalar()
    if already:
        return
    op.bulk_insert(
        template_items,
        [
            {"section": e.section, "text": e.text, "due_offset_days": e.due_offset_days, "position": i}
            for i, e in enumerate(load_default_template())
        ],
    )


def downgrade() -> None:
    op.execute("DELETE FROM checklist_template_items")

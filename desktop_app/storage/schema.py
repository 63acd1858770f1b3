"""The schema revisions this version of Bounceback knows.

Kept as constants so a normal start-up can tell whether anything needs migrating
without importing Alembic; a test checks they match the migration scripts.
"""

KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002")
HEAD_REVISION = KNOWN_REVISIONS[-1]

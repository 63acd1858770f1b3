"""Storage: SQLAlchemy models, the engine and its PRAGMAs, migrations, backups and repositories.

Nothing in this package imports Qt.
"""

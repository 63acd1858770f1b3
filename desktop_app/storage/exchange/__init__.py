"""Export to and import from Bounceback's JSON format (described in docs/export-format.md)."""

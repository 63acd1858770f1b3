"""Export and import: a full round trip, merging, and every kind of bad file refused harmlessly."""

from __future__ import annotations

import json
import shutil
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.exchange import FORMAT_VERSION, MAX_NESTING, ImportProblem, ImportRefusedError, ValueKind
from desktop_app.paths import DataPaths
from desktop_app.storage.backups import list_backups
from desktop_app.storage.database import Database
from desktop_app.storage.exchange.json_export import build_document, encode_document, export_json
from desktop_app.storage.exchange.json_import import import_bytes, import_json
from desktop_app.storage.exchange.tables import ENUM_COLUMNS, exported_tables, read_snapshot, table_by_name
from desktop_app.storage.migrate import open_database
from tests.storage.sample_records import fill_every_table

DOCS = Path(__file__).resolve().parents[2] / "docs" / "export-format.md"


@pytest.fixture(scope="module")
def full_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed database with three of everything, built once and copied for each test."""
    paths = DataPaths(tmp_path_factory.mktemp("template") / "data")
    database = open_database(paths)
    fill_every_table(database, copies=3)
    database.close()
    return paths.database


@pytest.fixture
def full_db(full_template: Path, data_paths: DataPaths) -> Iterator[Database]:
    data_paths.ensure_root()
    shutil.copy2(full_template, data_paths.database)
    database = open_database(data_paths)
    yield database
    database.close()


def _document(db: Database) -> dict[str, Any]:
    return json.loads(encode_document(build_document(read_snapshot(db))))


def test_sample_data_fills_every_table(full_db: Database) -> None:
    snapshot = read_snapshot(full_db)
    assert all(snapshot[table.name] for table in exported_tables()), "add rows for new tables to sample_records.py"


def test_export_then_import_into_a_new_data_folder_reproduces_every_record(full_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    counts = export_json(full_db, out)
    assert counts["interviews"] == 3
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

    fresh = open_database(DataPaths(tmp_path / "elsewhere"))
    try:
        summary = import_json(fresh, out)
        assert summary.restored
        assert summary.added["interviews"] == 3
        assert summary.added["checklist_template_items"] == counts["checklist_template_items"]
        original, copy = read_snapshot(full_db), read_snapshot(fresh)
        for table in exported_tables():
            assert copy[table.name] == original[table.name], table.name
        # And exporting the copy gives the same file, apart from the export time.
        again = _document(fresh)
        first = json.loads(out.read_text(encoding="utf-8"))
        assert {**again, "exported_at": ""} == {**first, "exported_at": ""}
    finally:
        fresh.close()


def test_import_into_a_used_database_adds_beside_what_is_there(full_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    export_json(full_db, out)
    before = read_snapshot(full_db)
    summary = import_json(full_db, out)
    after = read_snapshot(full_db)
    assert not summary.restored
    assert summary.added["interviews"] == 3
    assert summary.skipped["checklist_template_items"] == len(before["checklist_template_items"])
    assert "checklist_template_items" not in summary.added
    for table in exported_tables():
        assert len(after[table.name]) == len(before[table.name]) + summary.added.get(table.name, 0)
    # The new interviews' debriefs, lessons and checklist items point at the new rows.
    new_interviews = {row["id"] for row in after["interviews"]} - {row["id"] for row in before["interviews"]}
    new_debriefs = [row for row in after["debriefs"] if row["id"] not in {r["id"] for r in before["debriefs"]}]
    assert {row["interview_id"] for row in new_debriefs} == new_interviews
    new_items = [row for row in after["checklist_items"] if row["interview_id"] in new_interviews]
    new_lessons = {row["id"] for row in after["lessons"] if row["debrief_id"] in {d["id"] for d in new_debriefs}}
    assert {row["lesson_id"] for row in new_items} <= new_lessons
    # Top-level lists (plans, evidence) continue after the existing ones.
    assert min(row["position"] for row in after["plans"][3:]) > max(row["position"] for row in before["plans"])


def test_import_takes_a_backup_first(full_db: Database, data_paths: DataPaths, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    export_json(full_db, out)
    summary = import_json(full_db, out)
    labels = [info.label for info in list_backups(data_paths)]
    assert "before-import" in labels
    assert summary.backup_name == next(i.path.name for i in list_backups(data_paths) if i.label == "before-import")


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _json(change: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], bytes]:
    def build(document: dict[str, Any]) -> bytes:
        change(document)
        return json.dumps(document, indent=1).encode()

    return build


def _raw(data: bytes) -> Callable[[dict[str, Any]], bytes]:
    return lambda document: data


def _replace(old: str, new: str) -> Callable[[dict[str, Any]], bytes]:
    return lambda document: json.dumps(document, indent=1).replace(old, new, 1).encode()


def _nested(depth: int) -> Callable[[dict[str, Any]], bytes]:
    return lambda document: b'{"format": "bounceback-export", "x": ' + b"[" * depth + b"]" * depth + b"}"


LONG = "x" * 201
# (name, how the file is made from a valid export, problem, where, line)
REFUSED = [
    ("not UTF-8", _raw('{"format": "bounceback-export",\n "x": "caf\xe9"}'.encode("latin-1")), "NOT_UTF8", "", 2),
    ("UTF-16", lambda d: json.dumps(d).encode("utf-16"), "NOT_UTF8", "", 1),
    ("not JSON", _raw(b"interviews:\n  - company: Acme\n"), "NOT_JSON", "", 1),
    ("cut short", lambda d: json.dumps(d, indent=1).encode()[:500], "NOT_JSON", "", None),
    ("trailing comma", _replace('"format_version": 1,', '"format_version": 1,,'), "NOT_JSON", "", 3),
    ("empty file", _raw(b""), "NOT_JSON", "", 1),
    ("deeply nested", _nested(100_000), "TOO_DEEP", "", 1),
    ("just over the nesting limit", _nested(MAX_NESTING), "TOO_DEEP", "", 1),
    ("a list, not an object", _raw(b"[1, 2, 3]"), "WRONG_TYPE", "", None),
    ("another program's JSON", _raw(b'{"name": "my-package", "version": "1.0.0"}'), "NOT_AN_EXPORT", "format", None),
    (
        "newer format version",
        _json(_set(["format_version"], FORMAT_VERSION + 1)),
        "NEWER_VERSION",
        "format_version",
        None,
    ),
    ("newer schema", _json(_set(["schema_revision"], "9999")), "NEWER_VERSION", "schema_revision", None),
    ("version as text", _json(_set(["format_version"], "1")), "WRONG_TYPE", "format_version", None),
    (
        "huge version",
        _replace('"format_version": 1', '"format_version": 1e999'),
        "NUMBER_TOO_LARGE",
        "format_version",
        None,
    ),
    ("unknown top-level key", _json(_set(["telemetry"], True)), "UNKNOWN_KEY", "", None),
    ("unknown table", _json(_set(["tables", "passwords"], [])), "UNKNOWN_KEY", "tables", None),
    (
        "unknown column",
        _json(_set(["tables", "interviews", 0, "salary"], 1)),
        "UNKNOWN_KEY",
        "tables.interviews[0]",
        None,
    ),
    (
        "duplicate key",
        _replace('"company":', '"company": "A", "company":'),
        "DUPLICATE_KEY",
        "tables.interviews[0]",
        None,
    ),
    (
        "missing required",
        _json(lambda d: d["tables"]["interviews"][1].pop("company")),
        "MISSING_KEY",
        "tables.interviews[1]",
        None,
    ),
    ("missing id", _json(lambda d: d["tables"]["plans"][0].pop("id")), "MISSING_KEY", "tables.plans[0]", None),
    ("table not a list", _json(_set(["tables", "plans"], {"0": {}})), "WRONG_TYPE", "tables.plans", None),
    ("row not an object", _json(_set(["tables", "plans", 1], "plan")), "WRONG_TYPE", "tables.plans[1]", None),
    (
        "number for text",
        _json(_set(["tables", "interviews", 0, "company"], 42)),
        "WRONG_TYPE",
        "tables.interviews[0].company",
        None,
    ),
    (
        "text for number",
        _json(_set(["tables", "plans", 0, "liking"], "10")),
        "WRONG_TYPE",
        "tables.plans[0].liking",
        None,
    ),
    (
        "true for number",
        _json(_set(["tables", "plans", 0, "liking"], True)),
        "WRONG_TYPE",
        "tables.plans[0].liking",
        None,
    ),
    (
        "fraction for number",
        _json(_set(["tables", "plans", 0, "liking"], 2.5)),
        "WRONG_TYPE",
        "tables.plans[0].liking",
        None,
    ),
    (
        "number for true/false",
        _json(_set(["tables", "interviews", 0, "internal"], 1)),
        "WRONG_TYPE",
        "tables.interviews[0].internal",
        None,
    ),
    (
        "null for text",
        _json(_set(["tables", "interviews", 0, "notes"], None)),
        "WRONG_TYPE",
        "tables.interviews[0].notes",
        None,
    ),
    (
        "huge integer",
        _replace('"liking": 10', '"liking": 99999999999999999999999999999'),
        "NUMBER_TOO_LARGE",
        "tables.plans[0].liking",
        None,
    ),
    (
        "very long integer",
        _replace('"liking": 10', '"liking": ' + "9" * 5000),
        "NUMBER_TOO_LARGE",
        "tables.plans[0].liking",
        None,
    ),
    (
        "just past 64 bits",
        _replace('"liking": 10', '"liking": 9223372036854775808'),
        "NUMBER_TOO_LARGE",
        "tables.plans[0].liking",
        None,
    ),
    ("huge float", _replace('"liking": 10', '"liking": 1e400'), "NUMBER_TOO_LARGE", "tables.plans[0].liking", None),
    ("NaN", _replace('"liking": 10', '"liking": NaN'), "NUMBER_TOO_LARGE", "tables.plans[0].liking", None),
    ("-Infinity", _replace('"liking": 10', '"liking": -Infinity'), "NUMBER_TOO_LARGE", "tables.plans[0].liking", None),
    (
        "gauge out of range",
        _json(_set(["tables", "plans", 0, "liking"], 11)),
        "REFUSED_BY_DATABASE",
        "tables.plans[0]",
        None,
    ),
    (
        "too-long company",
        _json(_set(["tables", "interviews", 2, "company"], LONG)),
        "TEXT_TOO_LONG",
        "tables.interviews[2].company",
        None,
    ),
    (
        "too-long notes",
        _json(_set(["tables", "interviews", 0, "notes"], "n" * 1_000_001)),
        "TEXT_TOO_LONG",
        "tables.interviews[0].notes",
        None,
    ),
    (
        "lone surrogate",
        _replace('"stage": "final"', '"stage": "fin\\ud800al"'),
        "BAD_TEXT",
        "tables.interviews[0].stage",
        None,
    ),
    (
        "lone low surrogate in a key",
        _replace('"stage": "final"', '"st\\udc00age": "final"'),
        "UNKNOWN_KEY",
        "tables.interviews[0]",
        None,
    ),
    (
        "NUL character",
        _json(_set(["tables", "interviews", 0, "notes"], "a\x00b")),
        "BAD_TEXT",
        "tables.interviews[0].notes",
        None,
    ),
    (
        "bad date",
        _json(_set(["tables", "plans", 0, "trigger_date"], "2027-02-30")),
        "BAD_VALUE",
        "tables.plans[0].trigger_date",
        None,
    ),
    (
        "date in another format",
        _json(_set(["tables", "plans", 0, "trigger_date"], "01/03/2027")),
        "BAD_VALUE",
        "tables.plans[0].trigger_date",
        None,
    ),
    (
        "time zone",
        _json(_set(["tables", "interviews", 0, "scheduled_at"], "2026-11-20T09:30:15+02:00")),
        "BAD_VALUE",
        "tables.interviews[0].scheduled_at",
        None,
    ),
    (
        "unknown outcome",
        _json(_set(["tables", "interviews", 0, "outcome"], "hired")),
        "BAD_VALUE",
        "tables.interviews[0].outcome",
        None,
    ),
    ("duplicate id", _json(_set(["tables", "plans", 1, "id"], 1)), "DUPLICATE_ID", "tables.plans[1]", None),
    (
        "dangling link",
        _json(_set(["tables", "debriefs", 0, "interview_id"], 777)),
        "MISSING_REFERENCE",
        "tables.debriefs[0].interview_id",
        None,
    ),
    (
        "two debriefs of one interview",
        _json(_set(["tables", "debriefs", 1, "interview_id"], 1)),
        "REFUSED_BY_DATABASE",
        "tables.debriefs[1]",
        None,
    ),
]


def test_every_refusal_case_is_a_distinct_file() -> None:
    assert len({name for name, *_ in REFUSED}) == len(REFUSED)


@pytest.mark.parametrize(("name", "make", "problem", "where", "line"), REFUSED, ids=[case[0] for case in REFUSED])
def test_bad_files_are_refused_with_the_place_and_nothing_changes(
    full_db: Database,
    data_paths: DataPaths,
    name: str,
    make: Callable[[dict[str, Any]], bytes],
    problem: str,
    where: str,
    line: int | None,
) -> None:
    data = make(_document(full_db))
    before = read_snapshot(full_db)
    backups_before = list_backups(data_paths)
    with pytest.raises(ImportRefusedError) as refused:
        import_bytes(full_db, data)
    assert refused.value.problem is ImportProblem[problem], str(refused.value)
    assert refused.value.where == where
    if line is not None:
        assert refused.value.line == line
    assert read_snapshot(full_db) == before
    if problem != "REFUSED_BY_DATABASE":
        # Refused before anything was written: not even a backup was needed.
        assert list_backups(data_paths) == backups_before


def test_refusals_name_what_was_expected_and_the_limit(full_db: Database) -> None:
    document = _document(full_db)
    document["tables"]["interviews"][0]["company"] = "c" * 201
    with pytest.raises(ImportRefusedError) as refused:
        import_bytes(full_db, json.dumps(document).encode())
    assert refused.value.limit == 200
    document["tables"]["interviews"][0]["company"] = 5
    with pytest.raises(ImportRefusedError) as refused:
        import_bytes(full_db, json.dumps(document).encode())
    assert refused.value.expected is ValueKind.TEXT
    assert "tables.interviews[0].company" in str(refused.value)


def test_a_file_over_the_size_limit_is_refused_unread(db: Database, tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024 + 1)
    with pytest.raises(ImportRefusedError) as refused:
        import_json(db, big)
    assert refused.value.problem is ImportProblem.TOO_LARGE
    assert refused.value.limit == 64 * 1024 * 1024


def test_a_missing_file_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ImportRefusedError) as refused:
        import_json(db, tmp_path / "nowhere.json")
    assert refused.value.problem is ImportProblem.UNREADABLE


def test_a_utf8_byte_order_mark_is_accepted(full_db: Database, tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + encode_document(build_document(read_snapshot(full_db)))
    fresh = open_database(DataPaths(tmp_path / "other"))
    try:
        assert import_bytes(fresh, data).restored
    finally:
        fresh.close()


def test_an_older_export_without_optional_columns_still_imports(full_db: Database) -> None:
    document = _document(full_db)
    for row in document["tables"]["interviews"]:
        for key in ("notes", "created_at", "updated_at", "internal"):
            row.pop(key)
    del document["tables"]["evidence_plans"]
    summary = import_bytes(full_db, json.dumps(document).encode())
    assert summary.added["interviews"] == 3
    assert "evidence_plans" not in summary.added


def test_the_format_description_covers_every_table_and_column() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for table in exported_tables():
        assert f"`{table.name}`" in text, f"docs/export-format.md does not describe table {table.name}"
        for column in table.columns:
            assert f"`{column.name}`" in text, f"docs/export-format.md does not describe {table.name}.{column.name}"
    assert f"`format_version`: {FORMAT_VERSION}" in text


def test_enum_columns_name_real_columns() -> None:
    tables = table_by_name()
    for table, column in ENUM_COLUMNS:
        assert column in tables[table].columns

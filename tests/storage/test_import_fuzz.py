"""Fuzzing the importer: whatever the bytes, it either imports or refuses cleanly.

Inputs that once broke it are kept as ``@example`` cases. For a long run set
``BOUNCEBACK_FUZZ_EXAMPLES`` (e.g. 5000); the normal suite runs a quick sample.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop_app.core.exchange import ImportRefusedError
from desktop_app.paths import DataPaths
from desktop_app.storage.database import Database
from desktop_app.storage.exchange.json_export import build_document, encode_document
from desktop_app.storage.exchange.json_import import import_bytes
from desktop_app.storage.exchange.tables import read_snapshot
from desktop_app.storage.migrate import open_database
from desktop_app.storage.models import Debrief, Interview, Plan
from tests.storage.sample_records import fill_every_table

EXAMPLES = int(os.environ.get("BOUNCEBACK_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(DataPaths(tmp_path_factory.mktemp("fuzz") / "data"))
    fill_every_table(database, copies=2)
    yield database
    database.close()


@pytest.fixture(scope="module")
def fresh_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, empty, migrated database file to copy (cheaper than migrating each time)."""
    paths = DataPaths(tmp_path_factory.mktemp("fresh") / "data")
    open_database(paths).close()
    return paths.database


def _fresh_copy(fresh_file: Path, root: Path) -> Database:
    paths = DataPaths(root)
    paths.ensure_root()
    shutil.copy2(fresh_file, paths.database)
    return open_database(paths)


@pytest.fixture(scope="module")
def valid_document(fuzz_db: Database) -> dict[str, Any]:
    return json.loads(encode_document(build_document(read_snapshot(fuzz_db))))


def _import_or_refuse(db: Database, data: bytes) -> None:
    """The importer's contract: success, or ImportRefusedError with the database untouched."""
    before = read_snapshot(db)
    try:
        import_bytes(db, data)
    except ImportRefusedError as refused:
        assert str(refused)
        assert read_snapshot(db) == before


json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["2026-02-30", "2026-11-22T25:00:00", "on_site", "never", "", "\ud800", "a\x00b", "x" * 300])
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@FUZZ
@given(data=st.binary(max_size=400))
@example(data=b"\xef\xbb\xbf")
@example(data=b'{"format": "bounceback-export", "format_version": 1, "tables": {}}')
@example(data=b'"\\ud800"')
@example(data=b"[" * 50_000)
@example(data=b'{"a": "' + b"\\" * 10_001)
def test_random_bytes_never_crash_the_importer(fuzz_db: Database, data: bytes) -> None:
    _import_or_refuse(fuzz_db, data)


@FUZZ
@given(text=st.text(alphabet=st.sampled_from('{}[]",:0123456789.eE+-tfnrul \n\\'), max_size=200))
def test_json_like_text_never_crashes_the_importer(fuzz_db: Database, text: str) -> None:
    _import_or_refuse(fuzz_db, text.encode())


@FUZZ
@given(
    table=st.sampled_from(
        ["interviews", "plans", "debriefs", "checklist_items", "contact_plans", "lessons", "checklist_template_items"]
    ),
    row=st.integers(min_value=0, max_value=1),
    key=st.sampled_from(
        ["id", "company", "interview_id", "plan_id", "position", "liking", "nerves", "done", "due", "lesson_id", "x"]
    ),
    value=json_values,
)
@example(table="plans", row=0, key="id", value=True)
@example(table="debriefs", row=0, key="nerves", value=0)
@example(table="checklist_items", row=0, key="lesson_id", value=None)
def test_a_changed_value_anywhere_is_imported_or_refused_cleanly(
    fuzz_db: Database, valid_document: dict[str, Any], table: str, row: int, key: str, value: Any
) -> None:
    document = json.loads(json.dumps(valid_document))
    document["tables"][table][row][key] = value
    _import_or_refuse(fuzz_db, json.dumps(document).encode("utf-8", "surrogatepass"))


@FUZZ
@given(key=st.sampled_from(["format", "format_version", "schema_revision", "tables", "exported_at"]), value=json_values)
def test_a_changed_header_is_imported_or_refused_cleanly(
    fuzz_db: Database, valid_document: dict[str, Any], key: str, value: Any
) -> None:
    document = dict(valid_document)
    document[key] = value
    _import_or_refuse(fuzz_db, json.dumps(document).encode("utf-8", "surrogatepass"))


record_text = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=40)


@settings(
    max_examples=max(EXAMPLES // 4, 10), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(company=record_text, notes=record_text, nerves=st.none() | st.integers(1, 10), liking=st.integers(0, 10))
def test_any_valid_text_survives_a_round_trip(
    tmp_path: Path, fresh_file: Path, company: str, notes: str, nerves: int | None, liking: int
) -> None:
    folder = tmp_path / "round"
    shutil.rmtree(folder, ignore_errors=True)
    source = _fresh_copy(fresh_file, folder / "a")
    target = _fresh_copy(fresh_file, folder / "b")
    try:
        with source.session() as session:
            interview = Interview(company=company[:200], notes=notes, role=notes[:200])
            session.add(interview)
            session.flush()
            session.add(Debrief(interview_id=interview.id, nerves=nerves, feelings=company))
            session.add(Plan(title=notes[:200] or "x", liking=liking, why=company))
        data = encode_document(build_document(read_snapshot(source)))
        summary = import_bytes(target, data)
        assert summary.restored
        assert read_snapshot(target) == read_snapshot(source)
    finally:
        source.close()
        target.close()

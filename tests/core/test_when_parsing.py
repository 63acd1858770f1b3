"""Dates typed in ISO form are always understood; anything else is reported, never guessed."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop_app.core.when_parsing import UnreadableDateError, format_iso_when, parse_iso_when


def test_iso_forms_are_read() -> None:
    assert parse_iso_when("2026-11-25 14:30") == datetime(2026, 11, 25, 14, 30)
    assert parse_iso_when(" 2026-11-25T09:05 ") == datetime(2026, 11, 25, 9, 5)
    assert parse_iso_when("2026-11-25") == datetime(2026, 11, 25)
    assert parse_iso_when("   ") is None


@pytest.mark.parametrize("text", ["next tuesday", "2026-13-01 10:00", "25/11", "2026-11-25 25:00"])
def test_unreadable_text_is_reported(text: str) -> None:
    with pytest.raises(UnreadableDateError):
        parse_iso_when(text)


def test_round_trip() -> None:
    when = datetime(2026, 1, 2, 3, 4)
    assert parse_iso_when(format_iso_when(when)) == when
    assert format_iso_when(None) == ""

"""Dates, times and counts shown in the user's locale."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second))


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def format_datetime(value: datetime | None, long: bool = False) -> str:
    if value is None:
        return ""
    kind = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(to_qdatetime(value), kind)


def format_date(value: date | None, long: bool = False) -> str:
    if value is None:
        return ""
    kind = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(to_qdate(value), kind)

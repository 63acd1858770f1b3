"""Plain-words, translated explanations for import refusals, import results, checks and save problems."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.core.exchange import ImportProblem, ImportRefusedError, ImportSummary, ValueKind
from desktop_app.storage.errors import SaveProblem
from desktop_app.storage.integrity import CheckResult, CheckStatus


def _tr(text: str) -> str:
    return QCoreApplication.translate("SafetyMessages", text)


def kind_label(kind: ValueKind) -> str:
    labels = {
        ValueKind.OBJECT: _tr("a group of named values ({ … })"),
        ValueKind.LIST: _tr("a list ([ … ])"),
        ValueKind.TEXT: _tr("text"),
        ValueKind.INTEGER: _tr("a whole number"),
        ValueKind.BOOLEAN: _tr("true or false"),
        ValueKind.DATE: _tr("a date written YYYY-MM-DD"),
        ValueKind.DATETIME: _tr("a date and time written YYYY-MM-DDTHH:MM:SS"),
    }
    return labels[kind]


def table_label(name: str) -> str:
    labels = {
        "interviews": _tr("interviews"),
        "checklist_items": _tr("checklist items"),
        "checklist_template_items": _tr("checklist template items"),
        "debriefs": _tr("debriefs"),
        "debrief_questions": _tr("debrief questions"),
        "competency_ratings": _tr("self-assessment ratings"),
        "lessons": _tr("lessons"),
        "plans": _tr("plans"),
        "plan_steps": _tr("plan steps"),
        "contacts": _tr("contacts"),
        "evidence": _tr("pieces of evidence"),
        "contact_plans": _tr("links between contacts and plans"),
        "contact_interviews": _tr("links between contacts and interviews"),
        "evidence_plans": _tr("links between evidence and plans"),
    }
    return labels.get(name, name)


def describe_refusal(error: ImportRefusedError) -> str:
    """What is wrong with the file and where, and that nothing was changed."""
    problems = {
        ImportProblem.UNREADABLE: _tr("The file could not be read ({detail})."),
        ImportProblem.TOO_LARGE: _tr(
            "The file is too large ({detail} bytes); Bounceback imports files up to {limit} bytes."
        ),
        ImportProblem.NOT_UTF8: _tr("The file is not UTF-8 text (bytes {detail})."),
        ImportProblem.NOT_JSON: _tr("The file is not valid JSON ({detail})."),
        ImportProblem.TOO_DEEP: _tr("The file nests brackets more than {limit} levels deep."),
        ImportProblem.NOT_AN_EXPORT: _tr("The file is not a Bounceback export."),
        ImportProblem.NEWER_VERSION: _tr(
            "The file was made by a newer version of Bounceback ({detail}); install that version to import it."
        ),
        ImportProblem.UNKNOWN_KEY: _tr("The file contains “{detail}”, which Bounceback does not know."),
        ImportProblem.MISSING_KEY: _tr("The file lacks “{detail}”, which is required."),
        ImportProblem.DUPLICATE_KEY: _tr("The file gives “{detail}” twice."),
        ImportProblem.WRONG_TYPE: _tr("The file has a value of the wrong kind; it should be {expected}."),
        ImportProblem.NUMBER_TOO_LARGE: _tr("The file has a number Bounceback cannot store ({detail})."),
        ImportProblem.TEXT_TOO_LONG: _tr("The file has a text of {detail} characters; at most {limit} fit here."),
        ImportProblem.BAD_TEXT: _tr("The file has a text that cannot be stored ({detail})."),
        ImportProblem.BAD_VALUE: _tr("The file has a value that is not allowed here (“{detail}”)."),
        ImportProblem.DUPLICATE_ID: _tr("The file has two records with the same number ({detail})."),
        ImportProblem.MISSING_REFERENCE: _tr("The file refers to a record that is not in it ({detail})."),
        ImportProblem.REFUSED_BY_DATABASE: _tr("A record breaks a rule of the database ({detail})."),
    }
    text = problems[error.problem].format(
        detail=error.detail,
        limit=error.limit,
        expected=kind_label(error.expected) if error.expected else "",
    )
    if error.line is not None:
        text += " " + _tr("Place: line {line}, column {column}.").format(line=error.line, column=error.column)
    elif error.where:
        text += " " + _tr("Place: {where}.").format(where=error.where)
    return text + " " + _tr("Nothing was imported; your data is unchanged.")


def describe_summary(summary: ImportSummary) -> str:
    """What an import added, one line per kind of record."""
    if not summary.added:
        lines = [_tr("The file held nothing new; nothing was added.")]
    else:
        lines = [_tr("Imported (kind of record: how many):")]
        lines += [f"• {table_label(name)}: {count}" for name, count in summary.added.items()]
    for name, count in summary.skipped.items():
        lines.append(
            _tr("{count} {what} were already there and were not added again.").format(
                count=count, what=table_label(name)
            )
        )
    if summary.backup_name:
        lines.append(_tr("A backup from just before the import was saved as {name}.").format(name=summary.backup_name))
    return "\n".join(lines)


def describe_save_problem(problem: SaveProblem) -> str:
    reasons = {
        SaveProblem.DISK_FULL: _tr("the disk is full"),
        SaveProblem.READ_ONLY: _tr("the data folder cannot be written to"),
        SaveProblem.IO_ERROR: _tr("the disk reported an error"),
        SaveProblem.BUSY: _tr("the database is busy"),
        SaveProblem.DAMAGED: _tr("the database file is damaged"),
    }
    return reasons[problem]


def describe_check(result: CheckResult) -> str:
    texts = {
        CheckStatus.OK: _tr("Your database is healthy: every page and every link between records checks out."),
        CheckStatus.MISSING: _tr("The database file is missing."),
        CheckStatus.NOT_A_DATABASE: _tr("The database file is not a Bounceback database any more."),
        CheckStatus.DAMAGED: _tr("The database file is damaged."),
        CheckStatus.BROKEN_LINKS: _tr("Some records in the database point to records that no longer exist."),
    }
    return texts[result.status]


def backup_label(label: str) -> str:
    """Why a backup was taken, from the label in its file name."""
    if label.startswith("daily"):
        return _tr("daily")
    if label.startswith("before-import"):
        return _tr("before an import")
    if label.startswith("before-restore"):
        return _tr("before a restore")
    if label.startswith("before-migration"):
        return _tr("before an upgrade")
    return label

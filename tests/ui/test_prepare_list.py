"""The interview list: order, columns, filtering as you type, and the item model's contract."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.storage.database import Database
from desktop_app.storage.interviews import create_interview
from tests.ui.prepare_helpers import add_interviews, companies, make_tab


def test_upcoming_soonest_first_then_past_most_recent_first(qtbot, db: Database) -> None:
    add_interviews(db)
    tab = make_tab(qtbot, db)
    assert companies(tab) == ["Soonco", "Laterco", "Recentco", "Oldco"]
    outcome_column = 5
    texts = [tab.model.index(row, outcome_column).data() for row in range(4)]
    assert texts == ["", "", "Waiting", "Rejected"]
    assert tab.model.index(0, 4).data() == "0 of 20 done"
    assert tab.model.index(0, 3).data()


def test_list_model_passes_qtmodeltester(qtbot, qtmodeltester, db: Database) -> None:
    add_interviews(db)
    tab = make_tab(qtbot, db)
    qtmodeltester.check(tab.model, force_py=True)


def test_search_filters_by_company_role_or_notes_as_you_type(qtbot, db: Database) -> None:
    add_interviews(db)
    tab = make_tab(qtbot, db)
    qtbot.keyClicks(tab.interviews.search, "REC")
    assert companies(tab) == ["Recentco"]
    tab.interviews.search.clear()
    qtbot.keyClicks(tab.interviews.search, "engineer")
    assert companies(tab) == ["Soonco"]
    tab.interviews.search.setText("laptop")
    assert companies(tab) == ["Soonco"]
    tab.interviews.search.setText("co")
    assert len(companies(tab)) == 4
    qtbot.keyClicks(tab.interviews.search, "x")
    assert companies(tab) == []
    assert not tab.interviews.no_match.isHidden()
    assert "cox" in tab.interviews.no_match.text()
    qtbot.keyClick(tab.interviews.search, Qt.Key.Key_Backspace)
    assert len(companies(tab)) == 4
    assert tab.interviews.no_match.isHidden()


def test_filter_keeps_the_selected_interview_in_the_editor(qtbot, db: Database) -> None:
    ids = add_interviews(db)
    tab = make_tab(qtbot, db)
    tab.interviews.select_interview(ids["later"])
    tab.interviews.search.setText("oldco")
    assert tab.editor.company.text() == "Laterco"
    tab.interviews.search.clear()
    assert tab.model.row_at(tab.interviews.table.currentIndex().row()).id == ids["later"]


def test_company_is_shown_literally(qtbot, db: Database) -> None:
    create_interview(db, "<b>Acme</b> & Co")
    tab = make_tab(qtbot, db)
    assert tab.model.index(0, 0).data() == "<b>Acme</b> & Co"
    assert tab.editor.company.text() == "<b>Acme</b> & Co"

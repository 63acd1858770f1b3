"""The checklist template dialog: edits are written at once and apply to new interviews only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from desktop_app.storage.checklist_templates import list_template
from desktop_app.storage.checklists import list_checklist
from desktop_app.storage.database import Database
from desktop_app.storage.default_template import load_default_template
from desktop_app.storage.interviews import create_interview
from desktop_app.ui.template_dialog import DUE_COLUMN, SECTION_COLUMN, TEXT_COLUMN, TemplateDialog, TemplateModel
from tests.ui.prepare_helpers import make_tab, show_active


def _dialog(qtbot, db: Database, answer: bool = True) -> TemplateDialog:  # type: ignore[no-untyped-def]
    dialog = TemplateDialog(db, confirm=lambda *_: answer)
    qtbot.addWidget(dialog)
    return dialog


def test_the_shipped_template_has_about_twenty_items_in_every_standard_section(db: Database) -> None:
    items = load_default_template()
    assert 18 <= len(items) <= 24
    assert [item.text for item in list_template(db)] == [item.text for item in items]
    assert all(item.text.strip() for item in items)


def test_template_model_passes_qtmodeltester(qtbot, qtmodeltester, db: Database) -> None:
    model = TemplateModel(db)
    qtmodeltester.check(model, force_py=True)


def test_template_edits_apply_to_new_interviews_only(qtbot, db: Database) -> None:
    existing = create_interview(db, "Before")
    before = [item.text for item in list_checklist(db, existing)]
    dialog = _dialog(qtbot, db)
    show_active(qtbot, dialog)
    model = dialog.model
    assert model.setData(model.index(0, TEXT_COLUMN), "Read the posting and underline the must-haves")
    assert model.setData(model.index(0, DUE_COLUMN), -2)
    dialog.select_row(1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    added = dialog.add_item()
    dialog.table.closePersistentEditor(model.index(model.row_of(added), TEXT_COLUMN))
    assert model.setData(model.index(model.row_of(added), TEXT_COLUMN), "Check the commute")
    assert model.setData(model.index(model.row_of(added), SECTION_COLUMN), "Logistics")

    template = list_template(db)
    assert template[0].text == "Read the posting and underline the must-haves"
    assert template[0].due_offset_days == -2
    assert before[1] not in [item.text for item in template]
    dialog.close()

    assert [item.text for item in list_checklist(db, existing)] == before
    new = list_checklist(db, create_interview(db, "After"))
    texts = [item.text for item in new]
    assert texts[0] == "Read the posting and underline the must-haves"
    assert new[0].due_offset_days == -2
    assert before[1] not in texts
    assert "Check the commute" in [item.text for item in new if item.section == "Logistics"]


def test_delete_in_the_template_is_undone_and_reorder_from_the_keyboard(qtbot, db: Database) -> None:
    dialog = _dialog(qtbot, db)
    show_active(qtbot, dialog)
    texts = [item.text for item in list_template(db)]
    dialog.table.setFocus()
    dialog.select_row(2)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert [item.text for item in list_template(db)] == texts[:2] + texts[3:]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [item.text for item in list_template(db)] == texts
    dialog.select_row(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [item.text for item in list_template(db)][:2] == [texts[1], texts[0]]
    assert dialog.current_row() == 1


def test_restoring_the_default_template_asks_first(qtbot, db: Database) -> None:
    dialog = _dialog(qtbot, db, answer=False)
    dialog.model.setData(dialog.model.index(0, TEXT_COLUMN), "Mine")
    dialog.restore_defaults()
    assert list_template(db)[0].text == "Mine"
    dialog.confirm = lambda *_: True
    dialog.restore_defaults()
    assert list_template(db)[0].text == load_default_template()[0].text


def test_the_tab_opens_the_template_dialog(qtbot, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[TemplateDialog] = []
    monkeypatch.setattr(TemplateDialog, "exec", lambda self: opened.append(self) or 0)
    tab = make_tab(qtbot, db)
    tab.template_action.trigger()
    assert len(opened) == 1 and opened[0].model.rowCount() == len(load_default_template())


def test_return_after_editing_an_item_saves_it_and_adds_nothing(qtbot, db: Database) -> None:
    dialog = _dialog(qtbot, db)
    show_active(qtbot, dialog)
    count = dialog.model.rowCount()
    assert dialog.table.hasFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not dialog.table
    editor.selectAll()
    qtbot.keyClicks(editor, "Read the posting")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.state() != QAbstractItemView.State.EditingState)
    assert dialog.model.rowCount() == count
    assert list_template(db)[0].text == "Read the posting"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.model.rowCount() == count

"""The Plan B tab as one piece: Plans, Network and Evidence pages, kept in step with each other."""

from __future__ import annotations

from desktop_app.storage.contacts import create_contact
from desktop_app.storage.database import Database
from tests.ui.planb_helpers import make_tab, saver_of


def test_the_tab_has_plans_network_and_evidence_pages(qtbot, db: Database) -> None:
    tab = make_tab(qtbot, db)
    titles = [tab.pages.tabText(index) for index in range(tab.pages.count())]
    assert titles == ["Plans", "Network", "Evidence"]


def test_a_plan_added_on_the_plans_page_can_be_linked_on_the_network_and_evidence_pages(qtbot, db: Database) -> None:
    create_contact(db, "Priya Raman")
    tab = make_tab(qtbot, db)
    tab.show()
    qtbot.waitExposed(tab)
    tab.network_page.refresh()
    assert tab.network_page.editor.plans.choice_texts() == []

    tab.plans_page.new_plan()
    qtbot.keyClicks(tab.plans_page.editor.title, "Freelance dashboards")
    saver_of(tab).flush()

    tab.pages.setCurrentWidget(tab.network_page)
    assert tab.network_page.editor.plans.choice_texts() == ["Freelance dashboards"]
    tab.pages.setCurrentWidget(tab.evidence_page)
    assert tab.evidence_page.editor.plans.choice_texts() == ["Freelance dashboards"]

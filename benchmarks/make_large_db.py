"""Fill a data folder with a large, realistic-looking database for benchmarks.

    python -m benchmarks.make_large_db DIR [--interviews 10000] [--items 20]

Goes through the app's own ``open_database`` (so the schema, PRAGMAs and template are
real) and inserts rows in bulk with SQLAlchemy Core.
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from desktop_app.core.choices import CHECKLIST_SECTIONS, Outcome
from desktop_app.paths import DataPaths
from desktop_app.storage.interviews import section_position
from desktop_app.storage.migrate import open_database
from desktop_app.storage.models import ChecklistItem, Interview

COMPANIES = ("Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Adatum", "Proseware", "Woodgrove")
ROLES = ("Data Analyst", "Software Engineer", "Product Manager", "Designer", "Support Lead", "Recruiter")
STAGES = ("Phone screen", "Technical", "Panel", "On site", "Final")


def make_large_database(folder: Path, interviews: int = 10_000, items_per_interview: int = 20, seed: int = 7) -> Path:
    """Create (or extend) the database in ``folder``; return the database path."""
    rng = random.Random(seed)
    db = open_database(DataPaths(folder))
    now = datetime.now().replace(second=0, microsecond=0)
    try:
        with db.session() as session:
            first_id = (session.query(Interview.id).order_by(Interview.id.desc()).limit(1).scalar() or 0) + 1
            rows = []
            for n in range(interviews):
                when = now + timedelta(hours=rng.randint(-24 * 700, 24 * 60))
                rows.append(
                    {
                        "id": first_id + n,
                        "company": f"{rng.choice(COMPANIES)} {n}",
                        "role": rng.choice(ROLES),
                        "stage": rng.choice(STAGES),
                        "scheduled_at": when,
                        "outcome": Outcome.WAITING if when > now else rng.choice(list(Outcome)),
                        "notes": f"Interview number {n}; remember to ask about the team.",
                        "location": "",
                        "interviewers": "",
                        "posting": "",
                        "internal": False,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
            if rows:
                session.execute(insert(Interview), rows)
            items = []
            for n in range(interviews):
                for k in range(items_per_interview):
                    section = CHECKLIST_SECTIONS[k % len(CHECKLIST_SECTIONS)]
                    items.append(
                        {
                            "interview_id": first_id + n,
                            "section": section,
                            "section_position": section_position(section),
                            "text": f"Checklist item {k} for interview {n}",
                            "done": rng.random() < 0.4,
                            "position": k,
                            "due_offset_days": rng.choice((-7, -3, -1, 0, 1, None)),
                            "origin": "template",
                            "origin_note": "",
                            "created_at": now,
                            "updated_at": now,
                        }
                    )
                if len(items) >= 50_000:
                    session.execute(insert(ChecklistItem), items)
                    items = []
            if items:
                session.execute(insert(ChecklistItem), items)
    finally:
        db.close()
    return db.path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--interviews", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=20)
    args = parser.parse_args()
    path = make_large_database(args.folder, args.interviews, args.items)
    print(f"wrote {args.interviews} interviews x {args.items} items to {path}")


if __name__ == "__main__":
    main()

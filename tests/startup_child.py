"""Run by test_startup as another user: start Bounceback on a folder, answering every dialog.

Prints one JSON line: the exit code and the text of each dialog that was shown.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QMessageBox

from desktop_app import app


def main(argv: list[str]) -> dict[str, object]:
    shown: list[str] = []
    QMessageBox.exec = lambda box: shown.append(box.text()) or 0  # type: ignore[method-assign]
    code = app.main(argv)
    return {"code": code, "dialogs": shown}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))

"""The app survives long sessions despite PySide6 6.12's reference-count bugs on Python 3.11.

Run in a child process: without the guard the interpreter aborts ("bool_dealloc" after a
thousand or so signal emits, "none_dealloc" after many calls returning nothing), which would
take the whole test run down with it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CHILD = textwrap.dedent(
    """
    import desktop_app.ui  # installs the guard, as the app does
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QLineEdit

    class Typist(QObject):
        typed = Signal(str)

    app = QApplication([])
    typist = Typist()
    edit = QLineEdit()
    for number in range(20_000):
        typist.typed.emit("a")  # every keystroke of an editor that saves as you type
        edit.setText(str(number))  # a Qt call that returns nothing
    print("survived")
    """
)


def test_twenty_thousand_emits_and_void_calls_do_not_abort_python() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout

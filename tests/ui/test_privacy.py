"""Privacy: no network, private files, and user text never rendered as rich text.

The app runs from start-up through every tab and the data-safety actions, with data whose
text contains HTML such as ``<b>bold?</b>``.
"""

from __future__ import annotations

import os
import socket
import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtNetwork import QAbstractSocket
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QLabel, QWidget

from desktop_app import app
from desktop_app.cli import build_parser
from desktop_app.paths import DataPaths
from desktop_app.ui.safety.dialogs import RestoreDialog
from tests.storage.sample_records import fill_every_table
from tests.ui.safety_helpers import capture_boxes

MARKERS = ("<b>bold?</b>", "<script>", "<i>not</i>")


class NetworkWatch:
    """Records every attempt to reach the network from Python or through QtNetwork."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.attempts: list[str] = []
        real_connect, real_connect_ex, real_sendto = (
            socket.socket.connect,
            socket.socket.connect_ex,
            socket.socket.sendto,
        )

        def watched(real):  # type: ignore[no-untyped-def]
            def call(sock: socket.socket, *args, **kwargs):  # type: ignore[no-untyped-def]
                if sock.family != socket.AF_UNIX:
                    self.attempts.append(f"socket {sock.family!r} {args[:1]!r}")
                return real(sock, *args, **kwargs)

            return call

        monkeypatch.setattr(socket.socket, "connect", watched(real_connect))
        monkeypatch.setattr(socket.socket, "connect_ex", watched(real_connect_ex))
        monkeypatch.setattr(socket.socket, "sendto", watched(real_sendto))
        monkeypatch.setattr(socket, "create_connection", lambda *a, **k: self.attempts.append(f"connect {a}"))
        monkeypatch.setattr(
            QAbstractSocket, "connectToHost", lambda *a, **k: self.attempts.append(f"QAbstractSocket {a[1:]}")
        )


def inet_sockets_of_this_process() -> list[str]:
    """Every TCP/UDP socket this process holds open, as the kernel sees it (Linux)."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6"):
        path = Path(f"/proc/self/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            if len(fields) > 9 and fields[9] in inodes:
                found.append(f"{table}: {line.strip()}")
    return found


@pytest.fixture
def running(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The app started on a data folder full of HTML-looking text, driven through its features."""
    watch = NetworkWatch(monkeypatch)
    boxes = capture_boxes(monkeypatch)
    paths = DataPaths(tmp_path / "data")
    started = app.start_gui(build_parser().parse_args(["--demo", "--data-dir", str(paths.root)]))
    assert isinstance(started, app.StartedApp)
    qtbot.addWidget(started.window)
    assert started.wait_until_open()
    window = started.window
    fill_every_table(window.db)
    for tab in (window.prepare_tab, window.debrief_tab, window.planb_tab):
        tab.refresh()
    exports = iter(
        [
            (str(paths.root / "export.json"), ""),
            (str(paths.root / "export.md"), "Markdown, for reading and printing (*.md)"),
        ]
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: next(exports))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(paths.root / "export.json"), ""))
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda cls, parent, backups: None))
    window.safety.export_action.trigger()
    window.safety.export_action.trigger()
    window.safety.import_action.trigger()
    window.safety.check_action.trigger()
    window.safety.restore_action.trigger()
    window.show_about()
    yield started, watch, boxes, paths
    window.close()
    started.shutdown()


def _visit_every_tab_and_row(window) -> None:  # type: ignore[no-untyped-def]
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        for view in window.tabs.widget(index).findChildren(QAbstractItemView):
            model = view.model()
            if model is not None and model.rowCount() and view.selectionModel() is not None:
                for row in range(min(model.rowCount(), 3)):
                    view.setCurrentIndex(model.index(row, 0))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the kernel's socket tables in /proc")
def test_the_app_never_opens_a_network_socket(running) -> None:  # type: ignore[no-untyped-def]
    started, watch, _boxes, _paths = running
    _visit_every_tab_and_row(started.window)
    assert watch.attempts == []
    assert inet_sockets_of_this_process() == []


def test_every_file_is_private_to_the_user(running) -> None:  # type: ignore[no-untyped-def]
    started, _watch, _boxes, paths = running
    started.window.save_state()
    seen = []
    for folder, dirs, files in os.walk(paths.root):
        for name in dirs:
            mode = stat.S_IMODE(os.stat(Path(folder) / name).st_mode)
            assert mode == 0o700, f"{name} is {oct(mode)}"
        for name in files:
            mode = stat.S_IMODE(os.stat(Path(folder) / name).st_mode)
            assert mode == 0o600, f"{name} is {oct(mode)}"
            seen.append(name)
    assert stat.S_IMODE(paths.root.stat().st_mode) == 0o700
    for expected in ("bounceback.sqlite3", "settings.ini", "bounceback.lock", "running", "export.json", "export.md"):
        assert expected in seen
    assert any(name.endswith("-before-import.sqlite3") for name in seen)


def rich_text_offenders(widget: QWidget) -> list[str]:
    """Labels that show user text (a marker) without being set to plain text."""
    return [
        label.text()
        for label in widget.findChildren(QLabel)
        if label.textFormat() != Qt.TextFormat.PlainText and any(marker in label.text() for marker in MARKERS)
    ]


def test_the_rich_text_check_catches_an_auto_text_label(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    QLabel("Company: <b>bold?</b>", parent)
    assert rich_text_offenders(parent) == ["Company: <b>bold?</b>"]


def test_user_text_is_never_rendered_as_rich_text(running) -> None:  # type: ignore[no-untyped-def]
    started, _watch, boxes, _paths = running
    window = started.window
    _visit_every_tab_and_row(window)
    labels = window.findChildren(QLabel)
    assert labels
    showing_user_text = [label for label in labels if any(marker in label.text() for marker in MARKERS)]
    assert rich_text_offenders(window) == []
    assert boxes, "the about box and the safety actions showed messages"
    assert all(box.plain for box in boxes), [box.text for box in boxes if not box.plain]
    print(f"labels checked: {len(labels)}, showing user text: {len(showing_user_text)}, message boxes: {len(boxes)}")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the kernel's socket tables in /proc")
def test_the_socket_scan_sees_an_inet_socket() -> None:
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        probe.bind(("127.0.0.1", 0))
        probe.listen()
        assert inet_sockets_of_this_process()
    finally:
        probe.close()
    assert inet_sockets_of_this_process() == []

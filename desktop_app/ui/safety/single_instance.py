"""One Bounceback per data folder: a lock file, and a local socket to wake the running one.

The first start takes ``DataPaths.lock`` (a QLockFile; a lock left by a killed process is
noticed by its dead PID and taken over) and, once its window is up, listens on a local
socket named after the data folder. A second start fails to take the lock, never opens
the database, and asks the first one over the socket to bring its window to the front.
QtNetwork is imported only for the socket, so it costs nothing before the window shows.
"""

from __future__ import annotations

import hashlib
import os
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

from desktop_app.paths import DataPaths, make_private

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

_WAKE = b"raise\n"
_ACK = b"ok\n"
# Generous: a first instance on a busy machine (a build running, a slow disk) may take a while to answer.
_TIMEOUT_MS = 5000


class SecondStart(Enum):
    """What happened when another Bounceback already had the data folder."""

    ACTIVATED = "activated"
    NO_ANSWER = "no_answer"


def server_name(paths: DataPaths) -> str:
    """A local socket name unique to this user and data folder."""
    digest = hashlib.sha256(str(paths.root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:20]
    return f"bounceback-{os.getuid() if hasattr(os, 'getuid') else 0}-{digest}"


class SingleInstance(QObject):
    """Holds the data folder's lock while the app runs; ``activation_requested`` wakes the window."""

    activation_requested = Signal()

    def __init__(self, paths: DataPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self._lock = QLockFile(str(paths.lock))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, however old
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the lock; False if another instance holds it. ``listen()`` then answers later starts."""
        if not self._lock.tryLock(100):
            if self._lock.error() == QLockFile.LockError.LockFailedError and self._lock.removeStaleLockFile():
                if not self._lock.tryLock(100):
                    return False
            else:
                return False
        make_private(self.paths.lock)
        return True

    def listen(self) -> None:
        """Answer later starts on the local socket (a start in the moment before this finds no answer)."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None or not self.held:
            return
        name = server_name(self.paths)
        QLocalServer.removeServer(name)  # a socket file left by a killed process
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(name):
            server.newConnection.connect(self._answer)
            self._server = server

    def _answer(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.waitForReadyRead(_TIMEOUT_MS)
            if bytes(socket.readAll().data()).startswith(_WAKE):
                socket.write(_ACK)
                socket.flush()
                socket.waitForBytesWritten(_TIMEOUT_MS)
                self.activation_requested.emit()
            socket.disconnectFromServer()
            socket.deleteLater()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    @property
    def listening(self) -> bool:
        """True once later starts are answered on the local socket."""
        return self._server is not None and self._server.isListening()

    @property
    def held(self) -> bool:
        return self._lock.isLocked()


def wake_running_instance(paths: DataPaths) -> SecondStart:
    """Ask the Bounceback that holds ``paths`` to show its window."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(paths))
    if not socket.waitForConnected(_TIMEOUT_MS):
        return SecondStart.NO_ANSWER
    socket.write(_WAKE)
    socket.flush()
    answered = socket.waitForReadyRead(_TIMEOUT_MS) and bytes(socket.readAll().data()).startswith(_ACK)
    socket.disconnectFromServer()
    return SecondStart.ACTIVATED if answered else SecondStart.NO_ANSWER


def folder_in_use(paths: DataPaths) -> bool:
    """True while a running Bounceback holds the data folder (for the command line)."""
    lock = QLockFile(str(paths.lock))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        lock.unlock()
        return False
    return not lock.removeStaleLockFile()

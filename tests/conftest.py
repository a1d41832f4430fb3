"""Test-wide guard: the lessons must work offline, so tests may not reach the network.

The guard is the ``pytest-socket`` plugin, switched on for every run by ``addopts`` in
``pyproject.toml``: ``--allow-hosts=127.0.0.1,::1,localhost --allow-unix-socket``. A
``socket.connect`` to any other host raises ``pytest_socket.SocketConnectBlockedError`` (a
``RuntimeError``). Loopback stays open because Jupyter kernels talk to their client over it and
the browser tests drive local Voila/JupyterLab servers. A silent download in some helper would
otherwise pass on a developer's machine and fail in a classroom without internet.

pytest-socket guards ``socket.connect`` (and with it ``socket.create_connection``) but not
``socket.connect_ex``; the small fixture below sends ``connect_ex`` through the same guard so
that no way of opening a connection is left out.
"""

from __future__ import annotations

import errno
import socket

import pytest

# Taken when this file is imported, before pytest-socket patches anything for a test.
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _guarded_connect_ex(self, address):
    if socket.socket.connect is _real_connect:  # no restriction in force
        return _real_connect_ex(self, address)
    try:
        socket.socket.connect(self, address)  # pytest-socket's guard: raises if not allowed
    except OSError as err:
        return err.errno if err.errno is not None else errno.ETIMEDOUT
    return 0


@pytest.fixture(autouse=True)
def _connect_ex_is_guarded_too(monkeypatch):
    """Route ``socket.connect_ex`` through pytest-socket's ``connect`` guard for each test."""
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
    yield

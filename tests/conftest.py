"""Test-wide guard: the lessons must work offline, so tests may not reach the network.

Every test except those marked ``browser`` runs with ``socket.socket.connect``,
``socket.socket.connect_ex`` and ``socket.create_connection`` wrapped: a connection to anything
other than loopback (127.0.0.0/8, ::1, ``localhost``) or a Unix socket raises
``RuntimeError("network access in tests")``. Loopback stays open because Jupyter kernels talk to
their client over it. A silent download in some helper would otherwise pass on a developer's
machine and fail in a classroom without internet.
"""

from __future__ import annotations

import ipaddress
import socket

import pytest

NETWORK_ERROR = "network access in tests"


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: executes notebooks in a kernel (tens of seconds)")


def _is_loopback(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:  # a host name: resolving it would already use the network
        return False


def _allowed(sock: socket.socket, address: object) -> bool:
    if getattr(socket, "AF_UNIX", None) is not None and sock.family == socket.AF_UNIX:
        return True
    return isinstance(address, tuple) and bool(address) and _is_loopback(address[0])


@pytest.fixture(autouse=True)
def _no_network(request, monkeypatch):
    """Refuse non-loopback connections for the duration of each non-browser test."""
    if request.node.get_closest_marker("browser"):
        yield
        return
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_create_connection = socket.create_connection

    def connect(self, address):
        if not _allowed(self, address):
            raise RuntimeError(f"{NETWORK_ERROR}: connect to {address!r}")
        return real_connect(self, address)

    def connect_ex(self, address):
        if not _allowed(self, address):
            raise RuntimeError(f"{NETWORK_ERROR}: connect_ex to {address!r}")
        return real_connect_ex(self, address)

    def create_connection(address, *args, **kwargs):
        if not (isinstance(address, tuple) and address and _is_loopback(address[0])):
            raise RuntimeError(f"{NETWORK_ERROR}: create_connection to {address!r}")
        return real_create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    yield

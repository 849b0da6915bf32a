"""Suite-wide test configuration: the tool never uses the network, so tests cannot either.

Every test runs with Internet sockets blocked by pytest-socket (Unix sockets
stay allowed: Qt's offscreen platform and asyncio use them). A test that
really needs the network must say so with ``@pytest.mark.enable_socket``.
Child processes (the crash harness) are not covered by this guard; they run
only annotator code, which opens no socket (tests/core/test_reliability_network.py).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from pytest_socket import disable_socket

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    # urllib3 (pulled in by trafilatura) binds a socket to ::1 when first imported, to
    # probe IPv6 support; loaded here, before the block, that probe is not mistaken for
    # a test using the network (the probe itself sends nothing).
    import urllib3  # noqa: F401


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Block sockets before fixtures run; pytest-socket lifts it after each test."""
    if item.get_closest_marker("enable_socket"):
        return
    disable_socket(allow_unix_socket=True)


@pytest.fixture()
def connections() -> Iterator[Any]:
    """Every connection the store opens during the test (see tests/storage.py)."""
    from tests.storage import Connections  # imported late: after urllib3 above

    with Connections().recording() as recorded:
        yield recorded

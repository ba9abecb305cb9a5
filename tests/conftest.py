"""Shared test set-up: Qt offscreen, a private CountyClear home, an in-memory keyring.

QT_QPA_PLATFORM is set here, before anything imports Qt, so every Qt test runs without a
display; COUNTYCLEAR_HOME points settings, logs and workspaces at a temporary folder.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring

from tests.keyring_memory import MemoryKeyring


@pytest.fixture(autouse=True)
def countyclear_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("countyclear-home")
    monkeypatch.setenv("COUNTYCLEAR_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend

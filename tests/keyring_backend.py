"""A credential store for tests (CI has no Secret Service, and a test never touches a developer's own).

``FileKeyring`` keeps its entries in the JSON file named by ``SWDESK_TEST_KEYRING``, so a child process
(`PYTHON_KEYRING_BACKEND=tests.keyring_backend.FileKeyring`) and the test share one store; with the variable
unset it keeps them in memory.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self._memory: dict[str, str] = {}

    def _load(self) -> dict[str, str]:
        name = os.environ.get("SWDESK_TEST_KEYRING")
        if not name:
            return self._memory
        path = Path(name)
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def _save(self, data: dict[str, str]) -> None:
        name = os.environ.get("SWDESK_TEST_KEYRING")
        if name:
            Path(name).write_text(json.dumps(data), encoding="utf-8")
        else:
            self._memory = data

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}/{username}", None)
        self._save(data)


ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def keystore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A credential store of the test's own (a JSON file), for this process and its child processes; no
    key is known to the process when the test starts or after it ends."""
    import keyring

    from swdesk.db import encryption

    previous = keyring.get_keyring()  # before the variables below: keyring may load its backend only now
    path = tmp_path / "kr.json"
    monkeypatch.setenv("SWDESK_TEST_KEYRING", str(path))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.keyring_backend.FileKeyring")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    keyring.set_keyring(FileKeyring())
    encryption._known.clear()
    encryption.forget_recovery_keys()
    yield path
    keyring.set_keyring(previous)
    encryption._known.clear()
    encryption.forget_recovery_keys()

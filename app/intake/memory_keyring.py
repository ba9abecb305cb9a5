"""A keyring that lives only in this process: for tests (headless Linux has no working
backend, and a plaintext file backend would test the wrong thing) and for the developer
screenshots command, which must never touch the real OS keyring."""

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


def install_memory_keyring() -> MemoryKeyring:
    """A fresh, empty in-memory keyring as the process's keyring; returns it for checks."""
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend

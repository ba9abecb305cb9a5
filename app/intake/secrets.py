"""Passphrases and keys: asked once per session, remembered only in the OS keyring.

A `SecretSource` is what intake asks for a passphrase. The command line uses
`EnvSecrets` (the passphrase is in an environment variable named by `--passphrase-env`); the
app uses `PromptSecrets` (a callback shows a dialog; "remember on this PC" stores the
passphrase in the OS keyring under the service "CountyClear": Windows Credential Manager, the
macOS Keychain, or the desktop's Secret Service keyring on Linux). A PC without a working
keyring is normal (a Linux desktop without Secret Service, a locked-down account): then
nothing is remembered, every failure is logged, and the callers say so in plain words.
Passphrases are never written to settings files or logs.
"""

import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal, Protocol

from app.errors import InputError

SERVICE: Final = "CountyClear"
DELIVERY_ENTRY: Final = "delivery passphrase"

log = logging.getLogger("countyclear.intake")

SecretKind = Literal["delivery", "private_key"]


@dataclass(frozen=True)
class PassphraseRequest:
    where: str  # the file the passphrase opens, as shown to the user
    kind: SecretKind  # "delivery": an encrypted file or zip; "private_key": a key file
    attempt: int = 0  # 0 the first time; 1, 2, ... after a wrong passphrase
    key_fingerprint: str = ""  # for kind "private_key"

    def keyring_entry(self) -> str:
        if self.kind == "private_key":
            return f"private key {self.key_fingerprint}"
        return DELIVERY_ENTRY


@dataclass(frozen=True)
class PassphraseAnswer:
    passphrase: str
    remember: bool = False  # store in the OS keyring ("remember on this PC")


class SecretSource(Protocol):
    """Supplies passphrases (and the private key file) to intake."""

    @property
    def key_file(self) -> Path | None:
        """The user's private key file (OpenPGP, possibly passphrase-protected), if any."""
        ...

    @property
    def hint(self) -> str:
        """How the user supplies a passphrase here, for messages ('... with --passphrase-env')."""
        ...

    def known(self, request: PassphraseRequest) -> Sequence[str]:
        """Passphrases already given this session (or remembered) to try before asking."""
        ...

    def ask(self, request: PassphraseRequest) -> str | None:
        """A passphrase to try, or None when there is none (or the user cancelled)."""
        ...

    def accepted(self, request: PassphraseRequest, passphrase: str) -> None:
        """The passphrase worked: keep it for this session (and remember it if asked)."""
        ...


# --- the OS keyring -------------------------------------------------------------------------

PROBE_ENTRY: Final = "keyring check"


def keyring_name(platform: str | None = None) -> str:
    """The keyring of this platform, as its users know it."""
    platform = sys.platform if platform is None else platform
    if platform in ("win32", "cygwin"):
        return "Windows Credential Manager"
    if platform == "darwin":
        return "the macOS Keychain"
    return "the desktop's Secret Service keyring, such as GNOME Keyring or KWallet"


def keyring_works() -> bool:
    """Whether this PC has a keyring CountyClear can use; a failure is logged, not raised."""
    import keyring  # loaded only when the OS keyring is really used
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        log.warning("no OS keyring on this PC: %s is not available", keyring_name())
        return False
    try:
        keyring.get_password(SERVICE, PROBE_ENTRY)
    except Exception as exc:  # a backend may raise its own errors (D-Bus, Windows API)
        log.warning("the OS keyring does not work (%s: %s)", type(exc).__name__, exc)
        return False
    return True


def keyring_get(entry: str) -> str | None:
    """The secret stored under `entry`, or None (also when the keyring does not work)."""
    import keyring  # loaded only when the OS keyring is really used

    try:
        value = keyring.get_password(SERVICE, entry)
    except Exception as exc:  # a backend may raise its own errors (D-Bus, Windows API)
        log.warning("the OS keyring could not be read (%s)", type(exc).__name__)
        log.info("the OS keyring's own words: %s", exc)
        return None
    return value if isinstance(value, str) else None


def keyring_set(entry: str, secret: str) -> None:
    """Store a secret; InputError when this PC has no working keyring (the caller logs it:
    only it knows what the failure means for the clerk)."""
    import keyring  # loaded only when the OS keyring is really used

    try:
        keyring.set_password(SERVICE, entry, secret)
    except Exception as exc:  # a backend may raise its own errors (D-Bus, Windows API)
        log.info("the OS keyring's own words: %s", exc)
        raise InputError(
            "OS keyring",
            f"could not store a secret in {keyring_name()} ({type(exc).__name__}); check that "
            "it is installed and unlocked for your account",
        ) from exc


def keyring_delete(entry: str) -> None:
    import keyring  # loaded only when the OS keyring is really used
    import keyring.errors

    try:
        keyring.delete_password(SERVICE, entry)
    except keyring.errors.PasswordDeleteError:
        pass  # nothing stored: nothing to forget
    except keyring.errors.KeyringError as exc:
        log.warning("the OS keyring entry could not be removed (%s)", type(exc).__name__)


# --- the session cache shared by both sources ------------------------------------------------


class _SessionSecrets:
    """Accepted passphrases, held in memory for this session only."""

    def __init__(self, key_file: Path | None, *, use_keyring: bool) -> None:
        self._key_file = key_file
        self._use_keyring = use_keyring
        self._accepted: dict[str, list[str]] = {}

    @property
    def key_file(self) -> Path | None:
        return self._key_file

    def known(self, request: PassphraseRequest) -> Sequence[str]:
        found = list(self._accepted.get(request.keyring_entry(), []))
        if self._use_keyring:
            stored = keyring_get(request.keyring_entry())
            if stored is not None and stored not in found:
                found.append(stored)
        return found

    def accepted(self, request: PassphraseRequest, passphrase: str) -> None:
        entry = self._accepted.setdefault(request.keyring_entry(), [])
        if passphrase in entry:
            entry.remove(passphrase)
        entry.insert(0, passphrase)  # the latest one is tried first next time


class EnvSecrets(_SessionSecrets):
    """Command line: one passphrase from an environment variable, for files and the key."""

    def __init__(self, env_var: str | None, key_file: Path | None = None) -> None:
        super().__init__(key_file, use_keyring=False)
        self._env_var = env_var

    @property
    def hint(self) -> str:
        if self._env_var:
            return f"put the passphrase in the environment variable {self._env_var}"
        return "put the passphrase in an environment variable and name it with --passphrase-env VAR"

    def ask(self, request: PassphraseRequest) -> str | None:
        if request.attempt > 0 or not self._env_var:
            return None  # one passphrase per run: no second guess
        value = os.environ.get(self._env_var)
        return value if value else None


PromptCallback = Callable[[PassphraseRequest], PassphraseAnswer | None]


class PromptSecrets(_SessionSecrets):
    """The app: a dialog asks; "remember on this PC" stores the passphrase in the keyring."""

    def __init__(
        self, prompt: PromptCallback, key_file: Path | None = None, *, max_attempts: int = 3
    ) -> None:
        super().__init__(key_file, use_keyring=True)
        self._prompt = prompt
        self._max_attempts = max_attempts
        self._remember: set[str] = set()

    @property
    def hint(self) -> str:
        return "open the file again and type the passphrase that came with the delivery"

    def ask(self, request: PassphraseRequest) -> str | None:
        if request.attempt >= self._max_attempts:
            return None
        answer = self._prompt(request)
        if answer is None or not answer.passphrase:
            return None
        if answer.remember:
            self._remember.add(request.keyring_entry())
        else:
            self._remember.discard(request.keyring_entry())
        return answer.passphrase

    def accepted(self, request: PassphraseRequest, passphrase: str) -> None:
        super().accepted(request, passphrase)
        if request.keyring_entry() in self._remember:
            try:
                keyring_set(request.keyring_entry(), passphrase)
            except InputError as exc:  # the file is open; only "remember" failed
                log.warning("passphrase not remembered: %s", exc.message)

    def forget_remembered(self) -> None:
        """Remove the remembered delivery passphrase from this PC's keyring."""
        keyring_delete(DELIVERY_ENTRY)

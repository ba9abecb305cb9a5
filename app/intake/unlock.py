"""Try passphrases (known ones first, then asked) until one opens the file."""

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from app.errors import InputError
from app.intake.secrets import PassphraseRequest, SecretSource

T = TypeVar("T")


def unlock(
    secrets: SecretSource, request: PassphraseRequest, attempt: Callable[[str], T | None]
) -> T:
    """`attempt(passphrase)` returns the opened thing, or None for a wrong passphrase.

    Raises InputError naming the file when no passphrase was given or none was right.
    """
    for known in secrets.known(request):
        opened = attempt(known)
        if opened is not None:
            secrets.accepted(request, known)
            return opened
    tries = 0
    while (passphrase := secrets.ask(replace(request, attempt=tries))) is not None:
        opened = attempt(passphrase)
        if opened is not None:
            secrets.accepted(request, passphrase)
            return opened
        tries += 1
    what = "private key" if request.kind == "private_key" else "file"
    if tries == 0:
        raise InputError(
            request.where,
            f"this {what} is protected by a passphrase and none was given: {secrets.hint}",
        )
    raise InputError(
        request.where,
        f"wrong passphrase for this {what}: check the passphrase that came with it "
        f"(capitals, spaces) and try again",
    )

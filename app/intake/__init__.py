"""Opening DOJ deliveries (plain, OpenPGP, AES zip) in memory; secrets via the OS keyring."""

from app.intake.deliveries import Container, open_deliveries, recognise
from app.intake.secrets import (
    EnvSecrets,
    PassphraseAnswer,
    PassphraseRequest,
    PromptSecrets,
    SecretSource,
)

__all__ = [
    "Container",
    "EnvSecrets",
    "PassphraseAnswer",
    "PassphraseRequest",
    "PromptSecrets",
    "SecretSource",
    "open_deliveries",
    "recognise",
]

"""The in-memory OS keyring tests use (it lives in app/intake/memory_keyring.py)."""

from app.intake.memory_keyring import MemoryKeyring, install_memory_keyring

__all__ = ["MemoryKeyring", "install_memory_keyring"]

"""Offline by construction, enforced: refuse every network socket from Python code.

`install()` adds an audit hook (PEP 578) that raises NetworkBlocked on any attempt to create
an internet socket or resolve a host name, so a future dependency that tries to phone home
fails loudly instead of leaking data. Local IPC stays allowed unless `allow_local=False`
(the Linux keyring talks to its D-Bus service over a Unix socket). Audit hooks cannot be
removed: install it only in a process that must stay offline for its whole life (the app,
the CLI, a test's subprocess).
"""

import socket
import sys
from typing import Any, Final

# Unix sockets are local IPC (the Linux keyring's D-Bus); every other family is refused.
_LOCAL_FAMILIES: Final = frozenset({int(socket.AF_UNIX)} if hasattr(socket, "AF_UNIX") else ())
_NAME_LOOKUPS: Final = frozenset(
    {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "socket.getnameinfo"}
)
_installed: dict[str, bool] = {}


class NetworkBlocked(OSError):
    """Something tried to reach the network; CountyClear never does."""


def install(*, allow_local: bool = True) -> None:
    """Block network sockets (and, with allow_local=False, every socket) from now on."""
    if _installed:
        _installed["allow_local"] = _installed["allow_local"] and allow_local
        return
    _installed["allow_local"] = allow_local
    sys.addaudithook(_audit)


def installed() -> bool:
    return bool(_installed)


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event == "socket.__new__":
        family = int(args[1]) if len(args) > 1 and isinstance(args[1], int) else -1
        if family not in _LOCAL_FAMILIES or not _installed["allow_local"]:
            raise NetworkBlocked(f"CountyClear works offline: socket family {family} refused")
    elif event in _NAME_LOOKUPS or (event == "socket.connect" and _is_network_address(args)):
        raise NetworkBlocked(f"CountyClear works offline: {event} refused")


def _is_network_address(args: tuple[Any, ...]) -> bool:
    """socket.connect's address: a (host, port...) tuple is the network; a path is local."""
    return len(args) > 1 and isinstance(args[1], tuple)

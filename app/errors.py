"""The one kind of error a clerk sees: what file, which line, what is wrong, what to do."""

from pathlib import Path


class InputError(Exception):
    """Bad input (a file, a passphrase, a policy). Shown once as `error: <where>: <message>`."""

    def __init__(self, where: str, message: str, line: int | None = None) -> None:
        self.where = where
        self.line = line
        self.message = _sentence(message)
        super().__init__(self.render())

    def render(self) -> str:
        place = f"{self.where}:{self.line}" if self.line is not None else self.where
        return f"{place}: {self.message}"


def _sentence(message: str) -> str:
    """The message as one sentence on one line, with its full stop: the clerk reads every
    one the same way, and the command line's `error:` line stays one line even when a
    library's own text (quoted in some messages) runs over several."""
    message = " ".join(message.split())
    return message if message.endswith((".", "?", "!")) else f"{message}."


def cannot_read(path: Path | str, what: str, exc: OSError) -> InputError:
    """Why `path` (the `what`: "policy file", "key file"...) could not be opened, and the fix."""
    if isinstance(exc, FileNotFoundError):
        reason = "there is no such file. Check the name and the folder"
    elif isinstance(exc, IsADirectoryError):
        reason = f"this is a folder. Choose the {what} in it"
    elif isinstance(exc, PermissionError):
        reason = ("this Windows account may not open it, or another program holds it open. "
                  "Close that program, or copy the file to a folder of your own")
    else:
        reason = f"{exc.strerror or exc}. Check the disk or copy the file again"
    return InputError(str(path), f"cannot read the {what}: {reason}.")


def read_input(path: Path, what: str, size: int | None = None) -> bytes:
    """The file's bytes (the first `size` only, if given), or one InputError saying why not."""
    try:
        with path.open("rb") as handle:
            return handle.read() if size is None else handle.read(size)
    except OSError as exc:
        raise cannot_read(path, what, exc) from None


def read_utf8(path: Path, what: str) -> str:
    """A settings file's text (policy, office details), or one InputError saying why not."""
    return utf8_text(read_input(path, what), str(path), what)


def utf8_text(data: bytes, where: str, what: str) -> str:
    """`data` as UTF-8 text (a byte-order mark is dropped), or an InputError on the line of
    the first byte that is not UTF-8: Notepad and Excel often save in Windows-1252."""
    data = data.removeprefix(b"\xef\xbb\xbf")  # so error positions count from the data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(where, f"the {what} is not UTF-8 text (byte 0x{data[exc.start]:02X} "
                         "on this line). Save it again with the encoding UTF-8 (Notepad: "
                         "File, Save As, Encoding UTF-8).", line) from None

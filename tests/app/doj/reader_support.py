"""What the reader tests share: reading bytes as a delivery, and spies on how it reads."""

import pytest

from app.doj.reader import read_sources
from app.doj.source import DojSource
from app.errors import InputError


def read(data: bytes, name: str = "doj.dat"):  # type: ignore[no-untyped-def]
    return read_sources([DojSource(name=name, data=data)])


def encodings_used(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The `encoding` of every main read (pl.read_csv), in order."""
    import polars as pl

    real, used = pl.read_csv, []

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        used.append(kwargs.get("encoding", "utf8"))
        return real(*args, **kwargs)

    monkeypatch.setattr(pl, "read_csv", spy)
    return used


def expect(data: bytes, line: int | None, *words: str) -> None:
    with pytest.raises(InputError) as caught:
        read(data, name="delivery.dat")
    error = caught.value
    assert error.where == "delivery.dat"
    assert error.line == line
    for word in words:
        assert word in error.message

"""ASCII armor decodes to the same packets whatever the size of the pieces it is decoded in,
and as a plain line-by-line reading of RFC 9580's armor would."""

import base64

import pysequoia
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import app.intake.packets as packets
from app.intake.packets import NotOpenPgp, dearmor


def line_by_line(data: bytes) -> bytes:
    """The reference: every line between BEGIN and END, less armor headers and the CRC."""
    lines = data.strip().splitlines()
    assert lines[0].startswith(b"-----BEGIN PGP ")
    end = next(i for i, line in enumerate(lines) if line.strip().startswith(b"-----END PGP "))
    body = [line.strip() for line in lines[1:end]]
    kept = [line for line in body
            if line and b":" not in line and not (line.startswith(b"=") and len(line) == 5)]
    return base64.b64decode(b"".join(kept), validate=True)


@st.composite
def armors(draw: st.DrawFn) -> bytes:
    plain = draw(st.binary(max_size=3000))
    lines = pysequoia.encrypt(plain, passwords=["pw"], armor=True).split(b"\n")
    # Rewrapped at another width: lines whose length is no multiple of 4 split base64 groups.
    first, crc = lines.index(b"") + 1, next(i for i, line in enumerate(lines) if line[:1] == b"=")
    width = draw(st.sampled_from([3, 5, 63, 64, 76]))
    body = b"".join(lines[first:crc])
    wrapped = [body[at : at + width] for at in range(0, len(body), width)]
    lines = [*lines[:first], *wrapped, *lines[crc:]]
    if draw(st.booleans()):
        lines.insert(1, b"Comment: made by a county tool")
    if draw(st.booleans()) and lines[2] == b"":
        del lines[2]  # no blank line after the headers
    if draw(st.booleans()):
        lines = [line for line in lines if not (line.startswith(b"=") and len(line) == 5)]
    if draw(st.booleans()):
        lines = [line + b" \t" for line in lines]
    text = b"\n".join(lines)
    if draw(st.booleans()):
        text = text.replace(b"\n", b"\r\n")
    return draw(st.sampled_from([b"", b"\n  "])) + text


@settings(max_examples=150, deadline=None)
@given(armors(), st.sampled_from([1, 5, 64, 1 << 20]))
def test_armor_decodes_as_read_line_by_line(armored: bytes, piece: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(packets, "_PIECE", piece)
        assert dearmor(armored) == line_by_line(armored)


def test_armor_damage_is_named() -> None:
    armored = pysequoia.encrypt(b"x" * 500, passwords=["pw"], armor=True)
    with pytest.raises(NotOpenPgp, match="no END line"):
        dearmor(armored[: armored.index(b"-----END")])
    with pytest.raises(NotOpenPgp, match="not valid base64"):
        dearmor(armored.replace(b"\n", b"\n!", 3))
    with pytest.raises(NotOpenPgp, match="not valid base64"):
        last = armored.rindex(b"\n=")
        dearmor(armored[: last - 3] + armored[last:])  # three letters lost
    with pytest.raises(NotOpenPgp, match="no armor header"):
        dearmor(b"hello\n" + armored)

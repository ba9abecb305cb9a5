from pathlib import Path

import pytest

from app.errors import InputError
from app.intake import Container, EnvSecrets, open_deliveries, recognise
from app.intake.encrypt import encrypt_openpgp_passphrase, make_aes_zip
from app.jobs import Cancelled, CancelToken, Progress
from tests.app.intake.doj_bytes import doj_file


@pytest.mark.parametrize("name", ["doj.dat", "doj.csv", "doj.txt", "doj.gpg", "no_extension"])
def test_plain_doj_file_is_flagged_unprotected(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(doj_file(2, header=False))
    [source] = open_deliveries([path], EnvSecrets(None))
    assert source.path == path and source.data is None  # unread: the reader maps it
    assert source.read_bytes() == doj_file(2, header=False)
    assert not source.protected


def test_recognised_by_content_not_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CC_PASS", "pw")
    message, archive = tmp_path / "looks_plain.dat", tmp_path / "looks_plain.txt"
    message.write_bytes(encrypt_openpgp_passphrase(doj_file(1, tag="M"), "pw", armor=True))
    archive.write_bytes(make_aes_zip({"x.dat": doj_file(1, tag="Z")}, "pw"))
    sources = open_deliveries([message, archive], EnvSecrets("CC_PASS"))
    assert [s.data for s in sources] == [doj_file(1, tag="M"), doj_file(1, tag="Z")]
    assert all(s.protected for s in sources)


def test_recognise() -> None:
    assert recognise(encrypt_openpgp_passphrase(b"x", "p")) is Container.OPENPGP
    assert recognise(encrypt_openpgp_passphrase(b"x", "p", armor=True)) is Container.OPENPGP
    assert recognise(make_aes_zip({"a": b"x"}, "p")) is Container.ZIP
    assert recognise(doj_file()) is Container.TEXT
    assert recognise(b"\x80\x81 binary junk") is Container.TEXT


NOT_A_RECORD = r"first line does not look like a DOJ record \(3 columns"


@pytest.mark.parametrize(
    ("content", "expected", "line"),
    [
        (b"", "it is empty", None),
        (b"\n\n  \n", "it is empty", None),
        (b"a,b,c\n1,2,3\n", NOT_A_RECORD, 1),
        # The line named is the file's own: a BOM and blank lines before it count as DOJ's do.
        (b"\xef\xbb\xbf\r\n \r\na,b,c\r\n", NOT_A_RECORD, 3),
        (b"\n" + b"\t".join([b"x"] * 95) + b"\n", "separated by tabs", 2),
        (b"PDF\x00\x01binary", "binary data", None),
        (b"7z\xbc\xaf\x27\x1c\x00\x04", "7z archive", None),
    ],
)
def test_not_a_doj_file(tmp_path: Path, content: bytes, expected: str, line: int | None) -> None:
    path = tmp_path / "input.dat"
    path.write_bytes(content)
    with pytest.raises(InputError, match=expected) as info:
        open_deliveries([path], EnvSecrets(None))
    assert info.value.where == str(path)
    assert info.value.line == line


def _excel_copy(how: str) -> bytes:
    """The DOJ file as Excel saves it again under a clerk's choice of format."""
    text = doj_file(header=how != "tabs, no header").decode("latin-1")
    if how == "Unicode Text":
        return text.replace(",", "\t").encode("utf-16")
    if how == "CSV (Macintosh)":
        return text.replace("\r\n", "\r").encode("latin-1")
    if how == "CSV, European settings":
        return text.replace(",", ";").encode("latin-1")
    return text.replace(",", "\t").encode("latin-1")


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        ("Unicode Text", "it is UTF-16 text"),
        ("CSV (Macintosh)", "end with a carriage return alone"),
        ("CSV, European settings", "separated by semicolons, not commas"),
        ("Text (Tab delimited)", "separated by tabs, not commas"),
        ("tabs, no header", "separated by tabs, not commas"),
    ],
)
def test_a_copy_saved_from_excel_says_so(tmp_path: Path, how: str, expected: str) -> None:
    """Not 'binary data', 'no records' or 'found 1 field': what happened, and the fix."""
    path = tmp_path / "doj.csv"
    path.write_bytes(_excel_copy(how))
    with pytest.raises(InputError, match=expected) as info:
        open_deliveries([path], EnvSecrets(None))
    assert "as DOJ delivered it" in info.value.message


@pytest.mark.parametrize(
    "odd",
    [b"LINE ONE\nLINE TWO", b"LINE ONE\r\nLINE TWO", b"STRAY\rCR", b"GROUP\x1cSEPARATOR"],
    ids=["quoted LF", "quoted CRLF", "stray CR", "separator character"],
)
def test_odd_characters_in_the_first_record_still_look_like_a_doj_file(
    tmp_path: Path, odd: bytes
) -> None:
    """Python's splitlines and csv module cut lines where polars does not."""
    path = tmp_path / "doj.dat"
    path.write_bytes(doj_file(header=False).replace(b'"DOE0,JANE"', b'"DOE0,' + odd + b'"', 1))
    assert open_deliveries([path], EnvSecrets(None))[0].path == path


def test_semicolons_in_a_comment_are_not_a_separator(tmp_path: Path) -> None:
    path = tmp_path / "doj.dat"
    path.write_bytes(doj_file().replace(b"HS-POSSESS", b"HS;POSSESS;;;"))
    assert open_deliveries([path], EnvSecrets(None))[0].path == path


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="there is no such file"):
        open_deliveries([tmp_path / "nope.dat"], EnvSecrets(None))
    with pytest.raises(InputError, match="this is a folder"):
        open_deliveries([tmp_path], EnvSecrets(None))


def test_progress_and_cancel(tmp_path: Path) -> None:
    paths = []
    for n in range(2):
        paths.append(tmp_path / f"f{n}.dat")
        paths[-1].write_bytes(doj_file(1, tag=f"F{n}"))
    seen: list[Progress] = []
    open_deliveries(paths, EnvSecrets(None), progress=seen.append)
    assert [(p.done, p.total) for p in seen] == [(0, 2), (1, 2), (2, 2)]
    assert seen[0].text == "Opening f0.dat"

    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        open_deliveries(paths, EnvSecrets(None), cancel=token)


def test_armor_without_blank_line_after_headers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    armored = encrypt_openpgp_passphrase(doj_file(2), "pw", armor=True).decode("ascii")
    lines = [line for line in armored.splitlines() if line.strip()]  # drop the blank line
    lines.insert(1, "Comment: made by a terse tool")
    path = tmp_path / "terse.asc"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="ascii")
    monkeypatch.setenv("CC_PASS", "pw")
    [source] = open_deliveries([path], EnvSecrets("CC_PASS"))
    assert source.data == doj_file(2)

"""Files a clerk points CountyClear at that cannot be read: one message, the fix, no traceback."""

from pathlib import Path

import pytest

from app.eligibility.policy import load_bear_options, load_policy
from app.errors import InputError, cannot_read, read_input, utf8_text
from app.exports.office import load_office


def test_missing_file_names_it_and_the_fix(tmp_path: Path) -> None:
    missing = tmp_path / "policy.toml"
    with pytest.raises(InputError) as caught:
        load_policy(missing)
    assert caught.value.where == str(missing)
    assert caught.value.message == ("cannot read the policy file: there is no such file. "
                                    "Check the name and the folder.")


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"this is a folder\. Choose the BEAR options file in it"):
        load_bear_options(tmp_path)


def test_every_message_reads_as_a_sentence() -> None:
    # Messages are written in many modules; each reaches the clerk ending with a full stop,
    # and one that already has its own ending keeps it.
    assert InputError("doj.dat", "wrong passphrase for this file").render() == (
        "doj.dat: wrong passphrase for this file.")
    assert InputError("doj.dat", "empty (it holds nothing) ", 3).render() == (
        "doj.dat:3: empty (it holds nothing).")
    for finished in ("Ask DOJ for a fresh copy.", "Is this the delivery?", "Stop!"):
        assert InputError("x", finished).message == finished
    quoted = InputError("x.csv", "cannot be read (found more fields\n\nConsider this.)")
    assert quoted.render() == "x.csv: cannot be read (found more fields Consider this.)."


def test_locked_file() -> None:
    """As Windows reports a file another program holds (CI runs as root, where file modes
    do not stop a read, so the error is made here, not provoked)."""
    error = cannot_read("C:/DOJ/file.dat", "DOJ file", PermissionError(13, "Permission denied"))
    assert error.where == "C:/DOJ/file.dat"
    assert "another program holds it open" in error.message


def test_other_read_errors_keep_the_system_reason() -> None:
    error = cannot_read("E:/file.dat", "DOJ file", OSError(5, "Input/output error"))
    assert error.message == ("cannot read the DOJ file: Input/output error. Check the disk or "
                             "copy the file again.")


def test_read_input_reads_all_or_the_head(tmp_path: Path) -> None:
    path = tmp_path / "f.dat"
    path.write_bytes(b"0123456789")
    assert read_input(path, "DOJ file") == b"0123456789"
    assert read_input(path, "DOJ file", 4) == b"0123"


def test_utf8_text_points_at_the_line_of_the_first_bad_byte() -> None:
    data = b"\xef\xbb\xbfname = 'x'\n# ok\ncounty = 'San Jos\xe9'\n"
    with pytest.raises(InputError) as caught:
        utf8_text(data, "p.toml", "policy file")
    assert caught.value.line == 3
    assert "byte 0xE9" in caught.value.message
    assert "Encoding UTF-8" in caught.value.message
    assert utf8_text(b"\xef\xbb\xbfname = 'x'", "p.toml", "policy file") == "name = 'x'"


def test_policy_saved_as_windows_1252(tmp_path: Path) -> None:
    """Notepad's 'ANSI' encoding: was an internal error (UnicodeDecodeError)."""
    path = tmp_path / "county.toml"
    path.write_bytes('id = "county"\nname = "Pol\u00edtica del condado"\n'.encode("cp1252"))
    with pytest.raises(InputError) as caught:
        load_policy(path)
    assert (caught.value.where, caught.value.line) == (str(path), 2)


def test_bear_options_saved_as_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "options.json"
    path.write_bytes(b'{\n "baselineEligibility": {"dismiss": ["11357"]},\n "x": "\xe9"\n}')
    with pytest.raises(InputError, match="not UTF-8") as caught:
        load_bear_options(path)
    assert caught.value.line == 3


def test_bear_options_bad_json_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "options.json"
    path.write_text('{\n "baselineEligibility": {"dismiss": ["11357",]}\n}', encoding="utf-8")
    with pytest.raises(InputError, match=r"not valid JSON.*column \d+") as caught:
        load_bear_options(path)
    assert caught.value.line == 2


def test_office_details_saved_as_windows_1252(tmp_path: Path) -> None:
    """Was an internal error: tomllib decodes the bytes itself."""
    path = tmp_path / "office.toml"
    path.write_bytes(b'da_name = "Jos\xe9 Ruiz"\n')
    with pytest.raises(InputError, match="not UTF-8") as caught:
        load_office(path)
    assert caught.value.line == 1

"""Write a synthetic delivery to disk: plain files, OpenPGP messages or one AES zip.

Plain files stream to a temporary sibling and are renamed into place, so a 1,000,000-row
file never sits in memory. Encrypted output is built in memory and written the same atomic
way: its plaintext never touches the disk.
"""

import io
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from app.errors import InputError
from app.fileio import atomic_write_bytes, replace_durably, temp_sibling
from app.jobs import CancelToken, ProgressCallback, no_progress
from app.synth.options import SynthOptions
from app.synth.writer import SynthResult, generate

Encryption = Literal["openpgp", "zip"]


@dataclass(frozen=True)
class DeliveryResult:
    paths: tuple[Path, ...]  # what was written
    people: int
    rows: tuple[int, ...]  # data rows per delivered file


def numbered(path: Path, number: int, files: int) -> Path:
    """`doj.dat.gpg` -> `doj_2.dat.gpg` when a delivery has several files."""
    if files == 1:
        return path
    stem, dot, rest = path.name.partition(".")
    return path.with_name(f"{stem}_{number}{dot}{rest}")


def planned_paths(out: Path, files: int, encrypt: Encryption | None) -> list[Path]:
    if encrypt == "zip":
        return [out]
    return [numbered(out, n, files) for n in range(1, files + 1)]


def write_delivery(
    options: SynthOptions,
    out: Path,
    *,
    encrypt: Encryption | None = None,
    passphrase: str | None = None,
    force: bool = False,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> DeliveryResult:
    paths = planned_paths(out, options.files, encrypt)
    for path in paths:
        if path.exists() and not force:
            raise InputError(str(path), "already exists; choose another --out or add --force")
        if path.is_dir():
            raise InputError(str(path), "is a folder; give --out a file name")
    if encrypt is not None and not passphrase:
        raise InputError(
            "--passphrase-env",
            "encryption needs a passphrase: name the environment variable that holds it",
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    if encrypt is None:
        result = _write_plain(options, paths, progress, cancel)
        return DeliveryResult(tuple(paths), result.people, result.rows)
    assert passphrase is not None
    # Imported here: encryption pulls in pysequoia/pyzipper, which plain output never needs.
    from app.intake.encrypt import encrypt_openpgp_passphrase, make_aes_zip

    sinks = [io.BytesIO() for _ in range(options.files)]
    result = generate(options, sinks, progress=progress, cancel=cancel)
    plaintexts = [sink.getvalue() for sink in sinks]
    if encrypt == "zip":
        names = [numbered(Path(out.stem + ".dat"), n, options.files).name
                 for n in range(1, options.files + 1)]  # fmt: skip
        atomic_write_bytes(out, make_aes_zip(dict(zip(names, plaintexts, strict=True)), passphrase))
    else:
        for path, plaintext in zip(paths, plaintexts, strict=True):
            atomic_write_bytes(path, encrypt_openpgp_passphrase(plaintext, passphrase))
    return DeliveryResult(tuple(paths), result.people, result.rows)


def _write_plain(
    options: SynthOptions,
    paths: Sequence[Path],
    progress: ProgressCallback,
    cancel: CancelToken | None,
) -> SynthResult:
    temps: list[Path] = []
    try:
        with ExitStack() as stack:
            sinks: list[BinaryIO] = []
            for path in paths:
                temps.append(temp_sibling(path))
                sinks.append(stack.enter_context(temps[-1].open("wb")))
            result = generate(options, sinks, progress=progress, cancel=cancel)
        # every file is complete before the first is renamed into place
        for tmp, path in zip(temps, paths, strict=True):
            replace_durably(tmp, path)
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
    return result

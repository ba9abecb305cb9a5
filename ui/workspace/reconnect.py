"""Reading a reopened workspace's DOJ files again (no Qt): the workspace keeps only their
names and SHA-256, never their content, so the person view and the impact figures need the
files themselves. The files must be the very ones the workspace was made from."""

import tomllib
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from app.eligibility.policy import (
    Policy,
    bear_options_from_text,
    builtin_policy,
    policy_from_mapping,
)
from app.eligibility.summary import ImpactSummary
from app.errors import InputError
from app.intake import SecretSource
from app.jobs import CancelToken, ProgressCallback
from app.review.workspace import Workspace
from ui.dialogs.run_dialog import RunSettings
from ui.workspace.opening import evaluate, open_delivery


@dataclass(frozen=True)
class Reconnected:
    rows: pl.DataFrame
    summary: ImpactSummary | None  # None when the policy cannot be rebuilt (BEAR options)
    convictions: pl.DataFrame | None = None  # with the summary: the people figures need them


def delivery_paths(workspace: Workspace) -> list[Path]:
    """The delivery files named in the workspace ("archive.zip!inner.dat" is the zip)."""
    paths: list[Path] = []
    for source in workspace.sources:
        path = Path(source.name.split("!", 1)[0])
        if path not in paths:
            paths.append(path)
    return paths


def saved_policy(workspace: Workspace) -> Policy | None:
    record = workspace.policy
    if record.format == "builtin":
        return builtin_policy(record.id)
    if record.format == "toml":
        return policy_from_mapping(tomllib.loads(record.text), f"{workspace.path} (policy)")
    if record.format == "bear_json":
        return bear_options_from_text(record.text, f"{workspace.path} (BEAR options)")
    return None


def reconnect(
    workspace: Workspace, paths: list[Path], secrets: SecretSource,
    progress: ProgressCallback, cancel: CancelToken,
) -> Reconnected:  # fmt: skip
    policy = saved_policy(workspace)
    settings = RunSettings(county=workspace.county, as_of=workspace.as_of,
                           policy=policy or builtin_policy("statutory"))
    opened = open_delivery(paths, secrets, progress, cancel, expected=settings)
    saved = {s.name: s.sha256 for s in workspace.sources}
    found = {s.name: s.sha256 for s in opened.sources}
    if sorted(saved.values()) != sorted(found.values()):
        raise InputError(
            ", ".join(str(p) for p in paths),
            "these are not the DOJ files this workspace was made from (their contents "
            "differ); open the original delivery",
        )
    if policy is None:  # the rows are right; figures under another policy would not be
        return Reconnected(opened.rows, None)
    result = evaluate(opened, settings, progress, cancel)
    return Reconnected(result.rows, result.summary, result.convictions)

"""From files to a session: open (passphrases asked as needed), choose the run, evaluate,
create the encrypted workspace; or reopen a saved workspace.

Every step that takes time is a job on the runner with a progress window; every question is
a dialog opened without a nested event loop (tests and screenshots drive the same dialogs
through `dialogOpened`). The main window only connects `sessionReady`.

Where this PC has no working OS keyring, a workspace is protected by the passphrase the clerk
chose for it: it is asked once per app run (kept in memory, never on disk). The sample's
workspace is protected by the sample's published demo passphrase, which the app supplies
itself, so the sample never asks for anything.
"""

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.eligibility.policy import BUILTIN_POLICIES, Policy, builtin_policy
from app.eligibility.summary import ImpactSummary
from app.errors import InputError
from app.exports.office import load_office
from app.intake import PromptSecrets, SecretSource
from app.intake.secrets import keyring_name, keyring_works
from app.jobs import CancelToken, ProgressCallback
from app.paths import workspaces_dir
from app.pipeline import EvaluationResult
from app.review import NeedsRecovery
from app.review.workspace import PolicyRecord, Workspace, create_workspace, open_workspace
from app.sample import DEMO_PASSPHRASE, SAMPLE, SAMPLE_COUNTY, DemoSecrets
from ui.dialogs.dialog_parts import open_dialog
from ui.dialogs.messages import show_error
from ui.dialogs.passphrase_dialog import PassphrasePrompt
from ui.dialogs.policy_editor import policy_to_toml
from ui.dialogs.progress_dialog import ProgressDialog
from ui.dialogs.run_dialog import RunDialog, RunSettings
from ui.dialogs.workspace_dialogs import RecoveryPassphraseDialog
from ui.jobs import Job, JobFunction, JobRunner
from ui.settings import remember_workspace
from ui.workspace.opening import OpenedDelivery, evaluate, likely_settings, open_delivery
from ui.workspace.reconnect import delivery_paths, reconnect
from ui.workspace.session import Session
from ui.workspace.start_page import DOJ_FILE_FILTER

log = logging.getLogger("countyclear.ui.workspace.flow")


SAMPLE_PREFIX = "sample-"


@dataclass(frozen=True)
class _NeedsRecovery:
    path: Path
    message: str


@dataclass(frozen=True)
class _Loaded:
    workspace: Workspace
    passphrase: str | None  # the recovery passphrase that opened it (None: the keyring's key)


class OpenFlow(QObject):
    sessionReady = Signal(object)  # Session
    dialogOpened = Signal(object)  # every QDialog this flow opens, for tests and screenshots
    jobStarted = Signal(object)  # Job
    failed = Signal(str)

    def __init__(self, runner: JobRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self.runner = runner
        self.prompt = PassphrasePrompt(parent)
        self.prompt.dialogShown.connect(self.dialogOpened)
        # One secret source for the app's life: a passphrase is asked once per session.
        self.secrets = PromptSecrets(self.prompt)
        # Workspace passphrases typed or chosen in this run: asked once per run where the
        # keyring cannot hold the key. In memory only.
        self._workspace_passphrases: dict[Path, str] = {}

    # --- entry points --------------------------------------------------------------------
    def open_files(self, paths: list[Path]) -> None:
        self._open(paths, self.secrets, sample=False)

    def open_sample(self) -> None:
        if not SAMPLE.exists():
            show_error(self._window, f"{SAMPLE}: the sample data is not installed; reinstall "
                       "CountyClear or open your own DOJ files.")  # fmt: skip
            return
        self._open([SAMPLE], DemoSecrets(), sample=True)

    def open_workspace(self, path: Path, recovery: str | None = None) -> None:
        """Open with the keyring's key, else with a passphrase already known in this run (the
        sample's is public), else ask for it."""
        candidates = [recovery] if recovery is not None else self._known_passphrases(path)
        self.start_job(
            f"Opening workspace {path.name}",
            functools.partial(_load_workspace, path, candidates, asked=recovery is not None),
            self._workspace_loaded,
        )

    def _known_passphrases(self, path: Path) -> list[str]:
        known = [self._workspace_passphrases[path]] if path in self._workspace_passphrases else []
        if path.name.startswith(SAMPLE_PREFIX) and DEMO_PASSPHRASE not in known:
            known.append(DEMO_PASSPHRASE)
        return known

    # --- the steps -----------------------------------------------------------------------
    def _open(self, paths: list[Path], secrets: SecretSource, *, sample: bool) -> None:
        county = SAMPLE_COUNTY if sample else _office_county()
        function = functools.partial(open_delivery, paths, secrets,
                                     expected=likely_settings(county))
        self.start_job(
            "Opening DOJ files",
            function,
            lambda opened: self._choose_run(opened, sample),
            uses_prompt=True,
        )

    def _choose_run(self, opened: OpenedDelivery, sample: bool) -> None:
        counties = opened.counties
        if sample and SAMPLE_COUNTY in counties:
            counties = [SAMPLE_COUNTY] + [c for c in counties if c != SAMPLE_COUNTY]
        warning = ""
        if opened.unprotected:
            warning = (
                "Not encrypted: " + ", ".join(opened.unprotected) + ". This file holds "
                "criminal-history information; keep it only on a protected drive and delete "
                "stray copies."
            )
        dialog = RunDialog(counties, counts=opened.county_counts, warning=warning,
                           parent=self._window)
        expected = dialog.county.findData(opened.expected.county)
        if opened.expected.county and expected >= 0:  # already evaluated: no wait after OK
            dialog.county.setCurrentIndex(expected)
        open_dialog(dialog, self.dialogOpened,
                    lambda: self._evaluate(opened, dialog.settings(), sample))

    def _evaluate(self, opened: OpenedDelivery, settings: RunSettings, sample: bool) -> None:
        self.start_job(
            "Evaluating",
            functools.partial(evaluate, opened, settings),
            lambda result: self._new_workspace(opened, result, sample),
        )

    def _new_workspace(
        self, opened: OpenedDelivery, result: EvaluationResult, sample: bool
    ) -> None:
        path = _new_workspace_path(result.county, result.as_of, sample)
        if sample:
            self._create(opened, result, path, DEMO_PASSPHRASE)
            return
        keyring = keyring_works()
        dialog = RecoveryPassphraseDialog(str(path), confirm=True, keyring=keyring,
                                          parent=self._window)
        open_dialog(dialog, self.dialogOpened,
                    lambda: self._create(opened, result, path, dialog.value(), keyring))

    def _create(
        self, opened: OpenedDelivery, result: EvaluationResult, path: Path, recovery: str,
        keyring_expected: bool = False,
    ) -> None:
        def work(progress: ProgressCallback, cancel: CancelToken) -> Workspace:
            return create_workspace(
                path, recovery_passphrase=recovery, county=result.county, as_of=result.as_of,
                policy=policy_record(result.policy), sources=list(opened.sources),
                determinations=result.determinations,
                juvenile_not_evaluated=result.summary.juvenile_not_evaluated,
            )  # fmt: skip

        def created(workspace: Workspace) -> None:
            self._workspace_passphrases[path] = recovery
            if not workspace.key_in_keyring:
                log.warning("workspace %s: protected by its passphrase only", path.name)
                if keyring_expected:  # the clerk was told the keyring would keep it
                    self._tell(
                        f"CountyClear could not keep the key of this workspace in "
                        f"{keyring_name()}. Your work is saved and protected by the passphrase "
                        "you just chose; CountyClear asks for it once each time it starts."
                    )
            self._ready(workspace, result.rows, result.summary, result.convictions)

        self.start_job("Saving the new workspace", work, created)

    def _tell(self, message: str) -> None:
        """A notice (not a problem) the clerk should read once."""
        box = QMessageBox(QMessageBox.Icon.Information, "CountyClear", message,
                          QMessageBox.StandardButton.Ok, self._window)  # fmt: skip
        box.setObjectName("infoMessage")
        open_dialog(box, self.dialogOpened)

    def _workspace_loaded(self, loaded: _Loaded | _NeedsRecovery) -> None:
        if isinstance(loaded, _NeedsRecovery):
            dialog = RecoveryPassphraseDialog(str(loaded.path), confirm=False,
                                              keyring=keyring_works(), parent=self._window)
            open_dialog(dialog, self.dialogOpened,
                        lambda: self.open_workspace(loaded.path, dialog.value()))
            return
        if loaded.passphrase is not None:
            self._workspace_passphrases[loaded.workspace.path] = loaded.passphrase
        self._ready(loaded.workspace, None, None, None)

    def _ready(self, workspace: Workspace, rows: Any, summary: ImpactSummary | None,
               convictions: Any) -> None:
        remember_workspace(workspace.path)
        session = Session(workspace, rows=rows, summary=summary, convictions=convictions)
        self.sessionReady.emit(session)
        paths = delivery_paths(workspace)
        if rows is None and all(p.exists() for p in paths):
            self.reconnect(session, paths)

    def reconnect(self, session: Session, paths: list[Path]) -> None:
        """Read the workspace's DOJ files again for the person view and impact figures."""
        secrets: SecretSource = DemoSecrets() if paths == [SAMPLE] else self.secrets
        work = functools.partial(reconnect, session.workspace, paths, secrets)
        self.start_job(
            "Opening the DOJ files of this workspace",
            work,
            lambda found: session.attach_sources(found.rows, found.summary, found.convictions),
            uses_prompt=True,
        )

    def choose_and_reconnect(self, session: Session) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self._window, "Open the DOJ files of this workspace", "", DOJ_FILE_FILTER
        )
        if names:
            self.reconnect(session, [Path(n) for n in names])

    # --- plumbing ------------------------------------------------------------------------
    def start_job(
        self, title: str, function: JobFunction, on_success: Callable[[Any], None], *,
        uses_prompt: bool = False,
    ) -> Job:  # fmt: skip
        """Run a step as a job with a progress window; `on_success` gets its result."""

        def prepare(job: Job) -> None:
            if uses_prompt:
                self.prompt.cancel = job.token
            progress = ProgressDialog(job, self._window)
            job.succeeded.connect(on_success)
            # Every failure is in the log too (an internal one is logged where it happens).
            job.failed.connect(lambda message: log.warning("%s failed: %s", title, message))
            job.failed.connect(lambda message: show_error(self._window, message))
            job.failed.connect(self.failed)
            job.finished.connect(progress.deleteLater)
            progress.open()
            self.jobStarted.emit(job)

        return self.runner.start(title, function, prepare=prepare)


def _load_workspace(
    path: Path, passphrases: list[str], progress: ProgressCallback, cancel: CancelToken, *,
    asked: bool,
) -> _Loaded | _NeedsRecovery:
    """`passphrases`: the one the clerk typed (`asked`), or those known in this run, tried
    only when the keyring does not hold the key. A wrong typed passphrase is a plain error;
    a wrong known one only means asking."""
    if asked:
        return _Loaded(open_workspace(path, recovery_passphrase=passphrases[0]), passphrases[0])
    try:
        return _Loaded(open_workspace(path), None)
    except NeedsRecovery as exc:
        # The key is not in this PC's keyring: ask for the recovery passphrase instead of
        # failing. Any other problem (damaged, tampered) is a plain error.
        needs = _NeedsRecovery(path, exc.render())
    for passphrase in passphrases:
        cancel.check()
        try:
            return _Loaded(open_workspace(path, recovery_passphrase=passphrase), passphrase)
        except InputError:
            log.info("a passphrase known in this run did not open %s; asking", path.name)
    return needs


def _office_county() -> str:
    """The county in the office details, if any (a damaged office file is said at export)."""
    try:
        return load_office().county
    except InputError as exc:
        log.warning("office details not read: %s", exc.render())
        return ""


def policy_record(policy: Policy) -> PolicyRecord:
    """How the workspace remembers the policy: a shipped preset by id, else its file's text."""
    if policy.id in BUILTIN_POLICIES and policy == builtin_policy(policy.id):
        return PolicyRecord(policy.id, "builtin", "")
    source = Path(policy.source) if policy.source else None
    if policy.id == "bear_options" and source is not None and source.is_file():
        return PolicyRecord(policy.id, "bear_json", source.read_text(encoding="utf-8-sig"))
    return PolicyRecord(policy.id, "toml", policy_to_toml(policy))


def _new_workspace_path(county: str, as_of: date, sample: bool) -> Path:
    """A fresh file in the workspaces folder; never an existing one."""
    folder = workspaces_dir()
    folder.mkdir(parents=True, exist_ok=True)
    place = county.lower().replace(" ", "-")
    stem = f"{SAMPLE_PREFIX if sample else ''}{place}-{as_of.isoformat()}"
    path = folder / f"{stem}.ccws"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}.ccws"
        number += 1
    return path

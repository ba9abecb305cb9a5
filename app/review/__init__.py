"""Triage decisions, the audit log and the encrypted, autosaved workspace."""

from app.review.audit import AuditLog, ChainCheck, verify_chain
from app.review.autosave import Autosaver
from app.review.decisions import (
    DECISION_COLUMNS,
    FINAL_DETERMINATIONS,
    DecisionBook,
    DecisionChange,
    apply_decisions,
)
from app.review.vault import NeedsRecovery
from app.review.workspace import (
    PolicyRecord,
    SourceFile,
    Workspace,
    create_workspace,
    open_workspace,
)

__all__ = [
    "DECISION_COLUMNS",
    "FINAL_DETERMINATIONS",
    "AuditLog",
    "Autosaver",
    "ChainCheck",
    "DecisionBook",
    "DecisionChange",
    "NeedsRecovery",
    "PolicyRecord",
    "SourceFile",
    "Workspace",
    "apply_decisions",
    "create_workspace",
    "open_workspace",
    "verify_chain",
]

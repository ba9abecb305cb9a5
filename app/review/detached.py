"""A copy of a workspace, as it is now, that another thread can save while the original
keeps taking decisions.

Taken on the thread that changes the workspace, between two changes, so the copy's decisions
and audit log always match each other. It is cheap: the determinations (and their cached
parquet), the key and the decisions frame are immutable and shared; only the lists that
keep growing (audit entries, source files) are copied, one reference per item.
"""

import copy

from app.review.decisions import DecisionBook
from app.review.workspace import Workspace


def detached_copy(workspace: Workspace) -> Workspace:
    """A workspace the caller may `save()` on any thread; later changes to `workspace` do
    not reach it."""
    clone = copy.copy(workspace)
    clone.sources = list(workspace.sources)
    clone.decisions = DecisionBook(workspace.decisions.frame)
    clone.audit = workspace.audit.copy()
    return clone

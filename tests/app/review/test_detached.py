"""A detached copy saves the workspace as it was when copied, however the original moves on."""

import threading
from pathlib import Path

from app.review import open_workspace
from app.review.audit import verify_chain
from app.review.detached import detached_copy
from tests.app.review.frames import keys_of
from tests.app.review.test_workspace import new_workspace


def test_a_copy_saved_on_another_thread_holds_the_state_it_was_taken_in(tmp_path: Path) -> None:
    path = tmp_path / "county.ccws"
    workspace = new_workspace(path)
    frame = workspace.determinations
    workspace.decide(keys_of(frame, 0), user="clerk1")
    copy = detached_copy(workspace)
    # The original moves on before the copy is saved.
    workspace.decide(keys_of(frame, 1, 2), final="review", reason="check the file", user="clerk1")
    workspace.annotate(keys_of(frame, 0), "call the PD")
    workspace.record("export", after=["motion.pdf"])
    saver = threading.Thread(target=copy.save)
    saver.start()
    saver.join()

    then = open_workspace(path)
    assert then.decisions.frame.select("subject_id", "cnt_order").rows() == keys_of(frame, 0)
    assert then.decisions.frame.get_column("note").to_list() == [None]
    assert [e["action"] for e in then.audit.entries] == ["create", "decide"]
    assert verify_chain(then.audit.entries).ok

    workspace.save()
    now = open_workspace(path)
    assert now.decisions.frame.height == 3
    assert [e["action"] for e in now.audit.entries] == [
        "create", "decide", "decide", "note", "export",
    ]  # fmt: skip
    assert verify_chain(now.audit.entries).ok

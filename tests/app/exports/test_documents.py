"""All documents as one job, the way the app runs it on a worker thread."""

from pathlib import Path

import polars as pl
import pytest

from app.errors import InputError
from app.exports.documents import DocumentChoice, export_documents
from app.exports.office import OfficeDetails
from app.jobs import Cancelled, CancelToken, Progress
from tests.app.exports.frames import sample_determinations, sample_summary

PASSWORD = "Job-password-2026"


def test_the_job_reports_each_document_and_writes_them_all(tmp_path: Path) -> None:
    reports: list[Progress] = []
    written = export_documents(tmp_path, sample_determinations(), sample_summary(),
                               OfficeDetails(), password=PASSWORD,
                               progress=reports.append)  # fmt: skip
    assert [(d.path.name, d.description) for d in written] == [
        ("exhibit_1.xlsx", "5 convictions, sealed"),
        ("motion_and_order.pdf", "5 convictions granted"),
        ("challenged_cases.xlsx", "1 conviction, sealed"),
        ("impact_report.pdf", "figures and charts"),
    ]
    stages = [r.text for r in reports if r.total == 0]
    assert stages[0] == "Exhibit 1" and stages[-1] == "The impact report"
    assert all(d.path.exists() for d in written)


def test_cancelling_between_documents_keeps_what_is_done(tmp_path: Path) -> None:
    cancel = CancelToken()

    def stop_after_the_exhibit(progress: Progress) -> None:
        if progress.text.startswith("Sealing"):
            cancel.cancel()

    with pytest.raises(Cancelled):
        export_documents(tmp_path, sample_determinations(), sample_summary(), OfficeDetails(),
                         password=PASSWORD, progress=stop_after_the_exhibit,
                         cancel=cancel)  # fmt: skip
    assert [p.name for p in tmp_path.iterdir()] == ["exhibit_1.xlsx"]


def test_refusals_come_before_any_file(tmp_path: Path) -> None:
    frame, summary = sample_determinations(), sample_summary()
    with pytest.raises(InputError, match="an exhibit must be sealed"):
        export_documents(tmp_path, frame, summary, OfficeDetails(), password=None)
    with pytest.raises(InputError, match="the office details are for YOLO"):
        export_documents(tmp_path, frame, summary, OfficeDetails(county="YOLO"),
                         password=PASSWORD)  # fmt: skip
    (tmp_path / "impact_report.pdf").write_bytes(b"kept")
    with pytest.raises(InputError, match="already exists"):
        export_documents(tmp_path, frame, summary, OfficeDetails(), password=PASSWORD)
    assert [p.name for p in tmp_path.iterdir()] == ["impact_report.pdf"]
    only = DocumentChoice(exhibit=False, motion=True, challenged=False, summary=False)
    written = export_documents(tmp_path, frame, summary, OfficeDetails(), choice=only,
                               password=None)  # fmt: skip
    assert [d.path.name for d in written] == ["motion_and_order.pdf"]


def test_a_motion_that_would_grant_nothing_is_refused_before_any_file(tmp_path: Path) -> None:
    """It read "each of the no convictions identified ... lists no convictions of no
    persons"; a motion and order granting nothing is not a filing."""
    frame = sample_determinations().with_columns(determination=pl.lit("review"))
    with pytest.raises(InputError) as caught:
        export_documents(tmp_path, frame, sample_summary(), OfficeDetails(), password=PASSWORD)
    assert caught.value.where == str(tmp_path / "motion_and_order.pdf")
    assert caught.value.message == (
        "the motion would ask for nothing: none of the 7 evaluated is granted (7 pending "
        "review, 0 challenged, 0 not eligible). Decide the pending reviews first, or leave the "
        "motion out of this export."
    )
    assert list(tmp_path.iterdir()) == []
    without = DocumentChoice(motion=False)
    written = export_documents(tmp_path, frame, sample_summary(), OfficeDetails(),
                               choice=without, password=PASSWORD)  # fmt: skip
    assert [d.path.name for d in written] == [
        "exhibit_1.xlsx", "challenged_cases.xlsx", "impact_report.pdf"
    ]
    with pytest.raises(InputError, match="no conviction was evaluated"):
        export_documents(tmp_path / "empty", frame.head(0), sample_summary(), OfficeDetails(),
                         choice=DocumentChoice(exhibit=False), password=None)

"""All documents as one job, the way the app runs it on a worker thread, and the readiness
list the app shows before writing."""

from dataclasses import replace
from pathlib import Path

import polars as pl
import pytest

from app.errors import InputError
from app.exports.documents import DocumentChoice, check_request, export_documents
from app.exports.office import OfficeDetails
from app.exports.readiness import export_readiness
from app.jobs import Cancelled, CancelToken, Progress
from tests.app.exports.frames import facts, sample_determinations, sample_summary

PASSWORD = "Job-password-2026"
SUMMARY = sample_summary()
FACTS = facts(SUMMARY)
PAPERS = ["motion_and_order.pdf", "motion.pdf", "proposed_order.pdf", "exhibit_1_cover.pdf",
          "proof_of_service.pdf"]  # fmt: skip


def test_the_job_reports_each_document_and_writes_them_all(tmp_path: Path) -> None:
    reports: list[Progress] = []
    written = export_documents(tmp_path, sample_determinations(), FACTS, OfficeDetails(),
                               summary=SUMMARY, password=PASSWORD,
                               progress=reports.append)  # fmt: skip
    assert [(d.path.name, d.description) for d in written] == [
        ("exhibit_1.xlsx", "7 convictions, sealed"),
        *[(name, "7 convictions granted, 2 pending") for name in PAPERS],
        ("challenged_cases.xlsx", "4 convictions, sealed"),
        ("impact_report.pdf", "figures after staff decisions"),
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
        export_documents(tmp_path, sample_determinations(), FACTS, OfficeDetails(), summary=SUMMARY,
                         password=PASSWORD, progress=stop_after_the_exhibit,
                         cancel=cancel)  # fmt: skip
    assert [p.name for p in tmp_path.iterdir()] == ["exhibit_1.xlsx"]


def test_refusals_come_before_any_file(tmp_path: Path) -> None:
    frame = sample_determinations()
    with pytest.raises(InputError, match="always sealed: give a password"):
        export_documents(tmp_path, frame, FACTS, OfficeDetails(), summary=SUMMARY, password=None)
    challenged_only = DocumentChoice(exhibit=False, motion=False, challenged=True, summary=False)
    with pytest.raises(InputError, match=r"challenged_cases\.xlsx: it holds criminal-history"):
        export_documents(tmp_path, frame, FACTS, OfficeDetails(), summary=SUMMARY,
                         choice=challenged_only,
                         password=None)  # fmt: skip
    with pytest.raises(InputError, match="at least 8 characters"):
        export_documents(tmp_path, frame, FACTS, OfficeDetails(), summary=SUMMARY, password="short")
    with pytest.raises(InputError, match="the office details are for YOLO"):
        export_documents(tmp_path, frame, FACTS, OfficeDetails(county="YOLO"), summary=SUMMARY,
                         password=PASSWORD)  # fmt: skip
    with pytest.raises(InputError, match="has no relief, basis"):
        export_documents(tmp_path, frame.drop("relief", "basis"), FACTS, OfficeDetails(),
                         summary=SUMMARY,
                         password=PASSWORD)  # fmt: skip
    (tmp_path / "proposed_order.pdf").write_bytes(b"kept")
    with pytest.raises(InputError, match=r"proposed_order\.pdf: already exists"):
        export_documents(tmp_path, frame, FACTS, OfficeDetails(), summary=SUMMARY,
                         password=PASSWORD)
    assert [p.name for p in tmp_path.iterdir()] == ["proposed_order.pdf"]
    only = DocumentChoice(exhibit=False, motion=False, challenged=False, summary=True)
    written = export_documents(tmp_path, frame, FACTS, OfficeDetails(), summary=SUMMARY,
                               choice=only,
                               password=None)  # fmt: skip
    assert [d.path.name for d in written] == ["impact_report.pdf"]


def test_the_password_is_checked_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Export used to check the password up to four times and refuse existing files twice."""
    import app.exports.documents as documents

    checks: list[str] = []
    refusals: list[object] = []
    real_check, real_refuse = documents.check_password, documents.refuse_existing
    monkeypatch.setattr(documents, "check_password",
                        lambda *a: (checks.append(a[0]), real_check(*a))[1])  # fmt: skip
    monkeypatch.setattr(documents, "refuse_existing",
                        lambda *a, **k: (refusals.append(a), real_refuse(*a, **k))[1])  # fmt: skip
    export_documents(tmp_path, sample_determinations(), FACTS, OfficeDetails(), summary=SUMMARY,
                     password=PASSWORD)  # fmt: skip
    assert checks == [PASSWORD] and len(refusals) == 1
    check_request(tmp_path / "new", DocumentChoice(), PASSWORD, force=False)  # nothing there


def test_a_motion_that_would_grant_nothing_is_refused_before_any_file(tmp_path: Path) -> None:
    frame = sample_determinations().with_columns(determination=pl.lit("review"),
                                                 relief=pl.lit("none"))  # fmt: skip
    with pytest.raises(InputError) as caught:
        export_documents(tmp_path, frame, FACTS, OfficeDetails(), summary=SUMMARY,
                         password=PASSWORD)
    assert caught.value.where == str(tmp_path / "motion_and_order.pdf")
    assert caught.value.message == (
        "the motion would ask for nothing: none of the 11 identified is granted (11 pending "
        "review, 0 challenged, 0 not eligible, 0 already granted). Decide the pending reviews "
        "first, or leave the motion out of this export."
    )
    assert list(tmp_path.iterdir()) == []
    without = DocumentChoice(motion=False)
    written = export_documents(tmp_path, frame, FACTS, OfficeDetails(), summary=SUMMARY,
                               choice=without, password=PASSWORD)  # fmt: skip
    assert [d.path.name for d in written] == [
        "exhibit_1.xlsx", "challenged_cases.xlsx", "impact_report.pdf"
    ]


def test_the_apps_checklist_names_every_blank_and_what_is_held_back() -> None:
    readiness = export_readiness(sample_determinations(), FACTS,
                                 OfficeDetails(county="SACRAMENTO"))  # fmt: skip
    text = "\n".join(readiness.warnings)
    assert readiness.accounting.held_back == 1 and readiness.accounting.pending == 2
    for said in (
        "1 conviction(s) the policy would grant are held back from Exhibit 1 and the order",
        "2 conviction(s) are pending review",
        "1 granted conviction(s) have no court case number",
        "the office details leave the District Attorney's name (da_name) blank: the papers "
        "print [DA NAME].",
        "do not say which city attorneys prosecute here: the motion names no city attorney. "
        "Write city_attorneys = [...] in the office file, or [] when none does.",
        "do not say whether the county has an alternate public defender: the papers name "
        "none. Write alternate_public_defender = true or false in the office file.",
        "recall and resentence",
    ):
        assert said in text, said
    assert "DOJ produced the file" not in text  # the sample gives the date
    assert "court's address" not in text  # the shipped address of Sacramento's court
    full = OfficeDetails(county="SACRAMENTO", department="61", da_name="A", title="DA",
                         state_bar_number="1", office_address="x", phone="1", email="a@b.c",
                         city_attorneys=(), alternate_public_defender=False)  # fmt: skip
    unknown = replace(FACTS, doj_file_date=None)
    left = export_readiness(sample_determinations(), unknown, full).warnings
    assert [w.split(" ")[0] for w in left if "office details" in w] == []
    assert any("DOJ produced the file is not known" in w for w in left)


def test_the_impact_report_needs_the_figures(tmp_path: Path) -> None:
    """Without the figures (the app's DOJ files not read), the papers go out and the impact
    report is refused, naming it, before any file."""
    with pytest.raises(InputError) as caught:
        export_documents(tmp_path, sample_determinations(), FACTS, OfficeDetails(),
                         summary=None, password=PASSWORD)  # fmt: skip
    assert caught.value.where == str(tmp_path / "impact_report.pdf")
    assert "it needs the impact figures" in caught.value.message
    assert list(tmp_path.iterdir()) == []
    papers = DocumentChoice(exhibit=False, challenged=False, summary=False)
    written = export_documents(tmp_path, sample_determinations(), FACTS, OfficeDetails(),
                               summary=None, choice=papers, password=None)  # fmt: skip
    assert [d.path.name for d in written] == PAPERS

"""The app's export job goes through app.exports' documents job: the same checks as the
command line before the first file is written, and every file it would write checked first."""

from dataclasses import replace
from pathlib import Path

import pytest

from app.eligibility.summary import DecidedSummary
from app.errors import InputError
from app.exports.documents import DocumentChoice
from app.exports.office import OfficeDetails, save_office
from app.exports.papers import PAPER_FILES
from app.jobs import CancelToken, no_progress
from tests.app.exports.frames import facts, sample_determinations, sample_summary
from ui.workspace.exporting import ExportRequest, export_documents

PASSWORD = "a long sealing password"
EVERYTHING = ("exhibit", "motion", "challenged", "impact", "csv")
FACTS = facts(sample_summary())
FIGURES = DecidedSummary.unchanged(sample_summary())


def test_office_details_for_another_county_stop_the_export(tmp_path: Path) -> None:
    save_office(OfficeDetails(county="YOLO"))
    request = ExportRequest(tmp_path / "out", ("exhibit", "motion", "csv"), PASSWORD)
    with pytest.raises(InputError, match="office details are for YOLO"):
        export_documents(request, sample_determinations(), sample_determinations(),
                         FACTS, FIGURES, no_progress, CancelToken())
    assert list((tmp_path / "out").iterdir()) == []


def test_the_request_checks_every_file_the_exports_write() -> None:
    folder = Path("court")
    request = ExportRequest(folder, EVERYTHING, PASSWORD)
    assert request.targets() == [*DocumentChoice().targets(folder), folder / "determinations.csv",
                                 folder / "summary.json"]  # fmt: skip
    motion_only = ExportRequest(folder, ("motion",), None).targets()
    assert [p.name for p in motion_only] == list(PAPER_FILES)
    assert {"motion.pdf", "proposed_order.pdf", "exhibit_1_cover.pdf",
            "proof_of_service.pdf", "motion_and_order.pdf"} == set(PAPER_FILES)


def test_every_chosen_document_and_the_csv_are_written(tmp_path: Path) -> None:
    request = ExportRequest(tmp_path, EVERYTHING, PASSWORD)
    written = export_documents(request, sample_determinations(), sample_determinations(),
                               FACTS, FIGURES, no_progress, CancelToken())
    assert sorted(d.path for d in written) == sorted(request.targets())
    assert all(d.path.stat().st_size > 0 and d.description for d in written)


@pytest.mark.parametrize("name", [*PAPER_FILES, "summary.json"])
def test_a_file_already_there_stops_the_export_before_anything_is_written(
    tmp_path: Path, name: str
) -> None:
    # The separate papers too: the app once checked only the combined PDF, then replaced.
    (tmp_path / name).write_text("the clerk's own file")
    request = ExportRequest(tmp_path, EVERYTHING, PASSWORD)
    with pytest.raises(InputError, match="already exists"):
        export_documents(request, sample_determinations(), sample_determinations(),
                         FACTS, FIGURES, no_progress, CancelToken())
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert (tmp_path / name).read_text() == "the clerk's own file"
    written = export_documents(replace(request, replace=True), sample_determinations(),
                               sample_determinations(), FACTS, FIGURES, no_progress,
                               CancelToken())
    assert tmp_path / name in [d.path for d in written]
    assert (tmp_path / name).read_text(errors="replace") != "the clerk's own file"


def test_each_check_is_made_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's job checked the files already there twice (its own list, then the court
    documents' again): now once, the CSV's files with the documents'."""
    import app.exports.documents as documents

    checks: list[str] = []
    refusals: list[list[Path]] = []
    real_check, real_refuse = documents.check_password, documents.refuse_existing
    monkeypatch.setattr(documents, "check_password",
                        lambda *a: (checks.append(a[0]), real_check(*a))[1])  # fmt: skip
    monkeypatch.setattr(documents, "refuse_existing",
                        lambda paths, **k: (refusals.append(list(paths)),
                                            real_refuse(paths, **k))[1])  # fmt: skip
    request = ExportRequest(tmp_path, EVERYTHING, PASSWORD)
    export_documents(request, sample_determinations(), sample_determinations(), FACTS, FIGURES,
                     no_progress, CancelToken())  # fmt: skip
    assert checks == [PASSWORD]
    assert refusals == [request.targets()]


def test_without_the_figures_the_impact_report_and_csv_are_refused(tmp_path: Path) -> None:
    """A workspace whose DOJ files were not read has no figures: the papers go out, the
    impact report and summary.json cannot (the dialog does not offer them)."""
    for document, name in (("impact", "impact_report.pdf"), ("csv", "determinations.csv")):
        request = ExportRequest(tmp_path, ("motion", document), None)
        with pytest.raises(InputError, match="it needs the impact figures") as caught:
            export_documents(request, sample_determinations(), sample_determinations(), FACTS,
                             None, no_progress, CancelToken())  # fmt: skip
        assert caught.value.where == str(tmp_path / name)
        assert list(tmp_path.iterdir()) == []
    written = export_documents(ExportRequest(tmp_path, ("motion",), None),
                               sample_determinations(), sample_determinations(), FACTS, None,
                               no_progress, CancelToken())  # fmt: skip
    assert [d.path.name for d in written] == list(PAPER_FILES)

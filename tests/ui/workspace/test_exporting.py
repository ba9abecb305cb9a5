"""The app's export job goes through app.exports' documents job: the same checks as the
command line before the first file is written."""

from pathlib import Path

import pytest

from app.errors import InputError
from app.exports.office import OfficeDetails, save_office
from app.jobs import CancelToken, no_progress
from tests.app.exports.frames import sample_determinations, sample_summary
from ui.workspace.exporting import ExportRequest, export_documents

PASSWORD = "a long sealing password"


def test_office_details_for_another_county_stop_the_export(tmp_path: Path) -> None:
    save_office(OfficeDetails(county="YOLO"))
    request = ExportRequest(tmp_path / "out", ("exhibit", "motion", "csv"), PASSWORD)
    with pytest.raises(InputError, match="office details are for YOLO"):
        export_documents(request, sample_determinations(), sample_determinations(),
                         sample_summary(), "SACRAMENTO", no_progress, CancelToken())
    assert list((tmp_path / "out").iterdir()) == []


def test_every_chosen_document_and_the_csv_are_written(tmp_path: Path) -> None:
    request = ExportRequest(tmp_path, ("exhibit", "motion", "challenged", "impact", "csv"),
                            PASSWORD)
    written = export_documents(request, sample_determinations(), sample_determinations(),
                               sample_summary(), "SACRAMENTO", no_progress, CancelToken())
    assert sorted(p.name for p in written) == sorted(p.name for p in request.targets())
    assert all(p.stat().st_size > 0 for p in written)

import itertools
import tomllib
from pathlib import Path

import pytest

from app.counties import COUNTIES
from app.errors import InputError
from app.exports.office import (
    BLANKS,
    FIELD_NAMES,
    OfficeDetails,
    court_address_note,
    court_for_county,
    load_courts,
    load_office,
    office_file,
    save_office,
    shown,
    with_court_defaults,
)
from app.paths import RESOURCES


def full_details() -> OfficeDetails:
    return OfficeDetails(
        county="SAN LUIS OBISPO",
        court_name="Superior Court of California, County of San Luis Obispo",
        court_address="1035 Palm Street, San Luis Obispo, CA 93408",
        department="7",
        da_name='JANE "JJ" PROSECUTOR',
        title="District Attorney",
        state_bar_number="123456",
        office_address="1035 Palm Street, Room 450\nSan Luis Obispo, CA 93408",
        phone="(805) 555-0100",
        email="da@example.org",
        signing_deputy="JOHN DEPUTY",
        deputy_title="Deputy District Attorney",
    )


def test_office_details_round_trip_through_the_user_folder(countyclear_home: Path) -> None:
    details = full_details()
    path = save_office(details)
    assert path == countyclear_home / "office.toml" == office_file()
    assert load_office() == details
    assert [p.name for p in countyclear_home.iterdir()] == ["office.toml"]  # no temp left


def test_nothing_saved_yet_means_every_detail_blank() -> None:
    details = load_office()
    assert details == OfficeDetails()
    assert {name: shown(details, name) for name in FIELD_NAMES} == BLANKS
    assert shown(details, "da_name") == "[DA NAME]"


def test_unknown_key_names_the_key_and_the_allowed_ones(countyclear_home: Path) -> None:
    office_file().write_text('schema_version = 1\nda_nmae = "X"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown key 'da_nmae'; allowed keys: county, ") as e:
        load_office()
    assert e.value.line == 2


def test_a_county_outside_california_is_refused(countyclear_home: Path) -> None:
    office_file().write_text('# edited by hand\n\ncounty = "Gotham"\n', encoding="utf-8")
    with pytest.raises(InputError, match="'Gotham' is not one of California's 58 counties") as e:
        load_office()
    assert e.value.line == 3


def test_broken_toml_is_one_clear_error(countyclear_home: Path) -> None:
    office_file().write_text('county = "Kern"\nda_name = "unterminated\n', encoding="utf-8")
    with pytest.raises(InputError, match="is not valid TOML") as e:
        load_office()
    assert e.value.line == 2
    office_file().write_text('schema_version = 1\nda_name = 3\n', encoding="utf-8")
    with pytest.raises(InputError, match="'da_name' must be text in quotes") as e:
        load_office()
    assert e.value.line == 2


def test_county_names_are_normalised_on_load(countyclear_home: Path) -> None:
    office_file().write_text('county = "san joaquin county"\n', encoding="utf-8")
    assert load_office().county == "SAN JOAQUIN"


def test_the_court_table_lists_all_58_superior_courts() -> None:
    courts = load_courts()
    assert list(courts) == list(COUNTIES)
    for county, court in courts.items():
        words = " ".join(part.capitalize() for part in county.split())
        assert court.name == f"Superior Court of California, County of {words}"
        assert court.address == "" or court.address.endswith(tuple("0123456789"))
    raw = tomllib.loads((RESOURCES / "courts.toml").read_text(encoding="utf-8"))
    assert raw["schema_version"] == 1


def test_courts_no_source_confirmed_are_marked_in_the_data_as_in_the_comments() -> None:
    """`confirmed = false` exactly where the TOML's comment says "unverified" (docs/COURTS.md),
    so the app asks the office to check those addresses."""
    lines = (RESOURCES / "courts.toml").read_text(encoding="utf-8").splitlines()
    commented = {
        line.strip('[]"') for before, line in itertools.pairwise(lines)
        if line.startswith('["') and before.startswith("# unverified")
    }
    courts = load_courts()
    unconfirmed = {county for county, court in courts.items() if not court.confirmed}
    assert unconfirmed == commented == {"MODOC", "MONO", "SANTA CRUZ"}
    assert [county for county, court in courts.items() if not court.address] == ["STANISLAUS"]


def test_what_to_check_about_the_court_address() -> None:
    mono, stanislaus, kern = (court_for_county(c) for c in ("MONO", "STANISLAUS", "KERN"))
    assert mono is not None and stanislaus is not None and kern is not None
    assert "not confirmed" in (mono.needs_checking(mono.address) or "")
    assert mono.needs_checking("452 Old Mammoth Road, Mammoth Lakes") is None  # the office's
    assert "no address" in (stanislaus.needs_checking("  ") or "")
    assert stanislaus.needs_checking("800 11th Street, Modesto") is None
    assert kern.needs_checking(kern.address) is None
    assert court_address_note(OfficeDetails(), "MONO") == mono.needs_checking(mono.address)
    assert court_address_note(OfficeDetails(court_address="Our own"), "MONO") is None
    assert court_address_note(OfficeDetails(), "") is None  # no county yet: nothing to say


def test_court_defaults_fill_only_what_the_office_left_blank() -> None:
    filled = with_court_defaults(OfficeDetails(), "sacramento")
    assert filled.county == "SACRAMENTO"
    assert filled.court_name == "Superior Court of California, County of Sacramento"
    assert filled.court_address == court_for_county("Sacramento").address  # type: ignore[union-attr]
    own = OfficeDetails(county="SACRAMENTO", court_name="Own name", court_address="Own street")
    assert with_court_defaults(own, "SACRAMENTO") == own
    assert with_court_defaults(OfficeDetails(), "").court_name == ""

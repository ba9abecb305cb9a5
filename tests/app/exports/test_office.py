import itertools
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from app.counties import COUNTIES
from app.errors import InputError
from app.exports.office import (
    BLANKS,
    FIELD_NAMES,
    Filing,
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


FULL_TOML = """\
# Written by hand, as the README documents the keys.
schema_version = 1
county = "Los Angeles"
court_name = "Superior Court of California, County of Los Angeles"
department = "100"
da_name = "JANE PROSECUTOR"
title = "District Attorney"
state_bar_number = "123456"
office_address = "211 West Temple Street\\nSuite 1200\\nLos Angeles, CA 90012"
phone = "(213) 555-0100"
email = "prop64@da.example.gov"
signing_deputy = "JOHN DEPUTY"
deputy_title = "Deputy District Attorney"
policy_dismissal_authority = ""
public_contact = "Media relations, (213) 555-0199"
city_attorneys = []
alternate_public_defender = false

[filing]
case_number = ""
hearing_date = ""
hearing_time = ""
"""


def test_every_documented_key_loads_and_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text(FULL_TOML, encoding="utf-8")
    details = load_office(path)
    assert details.county == "LOS ANGELES"
    assert details.office_address.splitlines() == [
        "211 West Temple Street", "Suite 1200", "Los Angeles, CA 90012"]
    assert details.city_attorneys == () and details.alternate_public_defender is False
    assert details.filing == Filing()
    assert details.public_contact == "Media relations, (213) 555-0199"
    again = tmp_path / "again.toml"
    save_office(replace(details, city_attorneys=("Long Beach City Attorney",),
                        filing=Filing(case_number="X-1", hearing_date="2027-03-03")), again)
    back = load_office(again)
    assert back.city_attorneys == ("Long Beach City Attorney",)
    assert back.filing == Filing(case_number="X-1", hearing_date="2027-03-03")
    assert tomllib.loads(again.read_text(encoding="utf-8"))["filing"]["case_number"] == "X-1"


def test_facts_not_entered_stay_unknown() -> None:
    """Absent keys are None (the papers name nobody and export warns), unlike [] / false."""
    details = load_office()
    assert details.city_attorneys is None and details.alternate_public_defender is None


@pytest.mark.parametrize(
    ("text", "said", "line"),
    [
        ('city_attorneys = "LA City Attorney"\n', "city_attorneys must be a list", 1),
        ('alternate_public_defender = "no"\n', "must be true or false", 1),
        ('filing = "x"\n', "filing must be a table", 1),
        ('[filing]\ncase_numbr = "1"\n', "unknown key 'case_numbr' in [filing]", 2),
        ('[filing]\nhearing_date = 2027-03-03\n', "'hearing_date' in [filing] must be text", 2),
    ],
)
def test_a_wrong_value_names_its_key_and_line(tmp_path: Path, text: str, said: str,
                                              line: int) -> None:  # fmt: skip
    path = tmp_path / "office.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_office(path)
    assert said in caught.value.message and caught.value.line == line

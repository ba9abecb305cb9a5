"""The DA office's own details for the documents, kept in office.toml in the user's folder
(or any file given to `countyclear export --office FILE`); every key is in the README.

Nothing here is ever guessed: a text detail the office has not entered appears in every
document as a bracketed blank such as `[DA NAME]`, so a clerk sees at once what to fill in; a
fact the papers would assert (city attorneys, an alternate public defender) is left out until
the office enters it. The court's name and address default from the shipped table of the 58
superior courts (resources/courts.toml).
"""

import json
import tomllib
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Final

from app.counties import COUNTIES, normalise_county, title_case
from app.errors import InputError, read_utf8
from app.fileio import atomic_write_text
from app.key_lines import toml_error_line, toml_key_line
from app.paths import RESOURCES, user_home

SCHEMA_VERSION: Final = 1
COURTS_FILE: Final = RESOURCES / "courts.toml"


@dataclass(frozen=True)
class Filing:
    """The `[filing]` table: how this filing is captioned. Blank case number: the cases listed
    in Exhibit 1; blank hearing: none requested (HS 11361.8(g) needs none for a completed
    sentence unless the person asks)."""

    case_number: str = ""
    hearing_date: str = ""
    hearing_time: str = ""


@dataclass(frozen=True)
class OfficeDetails:
    county: str = ""  # as the DOJ file writes it, e.g. "SAN JOAQUIN"
    court_name: str = ""
    court_address: str = ""
    department: str = ""
    da_name: str = ""
    title: str = ""  # the elected DA's title, e.g. "District Attorney"
    state_bar_number: str = ""  # of the attorney who signs
    office_address: str = ""
    phone: str = ""
    email: str = ""
    signing_deputy: str = ""
    deputy_title: str = ""  # e.g. "Deputy District Attorney"
    # The authority the office cites for county-policy dismissals (e.g. "Pen. Code, § 1385"),
    # confirmed by a deputy DA; blank cites none, as PC 1385 has limits after probation.
    policy_dismissal_authority: str = ""
    public_contact: str = ""  # the impact report's contact line for the press and the board
    # None = not entered (the papers name none and export warns); () = none in this county.
    city_attorneys: tuple[str, ...] | None = None
    alternate_public_defender: bool | None = None
    filing: Filing = field(default_factory=Filing)


CASE_NUMBER_DEFAULT: Final = "The cases listed in Exhibit 1"
NO_HEARING: Final = "No hearing requested (Health & Saf. Code, § 11361.8, subd. (g))"

# The text details the Office details dialog edits, in its order (county first).
FIELD_NAMES: Final = (
    "county", "court_name", "court_address", "department", "da_name", "title",
    "state_bar_number", "office_address", "phone", "email", "signing_deputy", "deputy_title",
)  # fmt: skip
TEXT_KEYS: Final = (*FIELD_NAMES, "policy_dismissal_authority", "public_contact")
FILING_KEYS: Final = tuple(f.name for f in fields(Filing))
ALL_KEYS: Final = (*TEXT_KEYS, "city_attorneys", "alternate_public_defender", "filing")

# The bracketed blank each missing detail shows in a document.
BLANKS: Final = {
    "county": "[COUNTY]",
    "court_name": "[COURT NAME]",
    "court_address": "[COURT ADDRESS]",
    "department": "[DEPT.]",
    "da_name": "[DA NAME]",
    "title": "[TITLE]",
    "state_bar_number": "[STATE BAR NO.]",
    "office_address": "[OFFICE ADDRESS]",
    "phone": "[PHONE]",
    "email": "[E-MAIL]",
    "signing_deputy": "[SIGNING DEPUTY]",
    "deputy_title": "[DEPUTY TITLE]",
}


def one_line(address: str) -> str:
    """An address typed on several lines, run into one (as the motion's notice prints it)."""
    return ", ".join(part.strip() for part in address.splitlines() if part.strip())


def shown(details: OfficeDetails, name: str) -> str:
    """The detail as a document prints it: the value, or its bracketed blank."""
    value: str = getattr(details, name)
    return value.strip() or BLANKS[name]


def county_words(details: OfficeDetails) -> str:
    """'Sacramento' for prose, or the bracketed blank."""
    return title_case(details.county) if details.county else shown(details, "county")


def office_file() -> Path:
    return user_home() / "office.toml"


@dataclass(frozen=True)
class Court:
    county: str
    name: str
    address: str  # "" when the shipped table has no verified address
    # False when no court source confirmed the shipped address (docs/COURTS.md): the office
    # is asked to check it before filing.
    confirmed: bool = True

    def needs_checking(self, address: str) -> str | None:
        """What the office should know about printing `address` for this court (None when
        nothing): a shipped address no source confirmed, or no address at all."""
        court = self.name or self.county
        if not address.strip():
            return (f"CountyClear has no address for the {court}: type the courthouse's "
                    "address, or the documents print [COURT ADDRESS].")
        if not self.confirmed and address.strip() == self.address:
            return (f"The address CountyClear ships for the {court} was not confirmed from a "
                    "court source: check it with the court before filing.")
        return None


def load_courts(path: Path = COURTS_FILE) -> dict[str, Court]:
    table, _ = _read_toml(path)
    courts: dict[str, Court] = {}
    for county in COUNTIES:
        entry = table.get(county)
        if not isinstance(entry, dict):
            raise InputError(str(path), f'has no ["{county}"] table')
        courts[county] = Court(county, str(entry.get("name", "")), str(entry.get("address", "")),
                               entry.get("confirmed", True) is not False)
    return courts


@cache
def _shipped_courts() -> dict[str, Court]:
    """The shipped table, read once: Office details looks a court up on every keystroke in
    the court address, and export looks it up again."""
    return load_courts()


def court_for_county(county: str) -> Court | None:
    key = normalise_county(county)
    return _shipped_courts()[key] if key else None


def with_court_defaults(details: OfficeDetails, county: str = "") -> OfficeDetails:
    """Fill county, court name and address from the shipped table where the office left them."""
    chosen = details.county or county
    court = court_for_county(chosen) if chosen else None
    if court is None:
        return replace(details, county=details.county or county.strip().upper())
    return replace(
        details,
        county=court.county,
        court_name=details.court_name or court.name,
        court_address=details.court_address or court.address,
    )


def court_address_note(details: OfficeDetails, county: str = "") -> str | None:
    """What the office should check about the court address its documents will print (the
    office's own, or the shipped one), or None."""
    filled = with_court_defaults(details, county)
    court = court_for_county(filled.county) if filled.county else None
    return court.needs_checking(filled.court_address) if court else None


def typed_court_address_note(county: str, typed: str) -> str | None:
    """The note Office details shows under the court address as the office types it: what
    export will print (court_address_note) and, when the office left it blank, that export
    prints the shipped address rather than a blank."""
    court = court_for_county(county) if county else None
    if court is None or typed.strip() or not court.address:
        return court_address_note(OfficeDetails(county=county, court_address=typed))
    blank = (f"Left blank, the documents print the address CountyClear ships for the "
             f"{court.name or court.county}: {one_line(court.address)}.")
    if court.confirmed:
        return blank
    return f"{blank} No court source confirmed it: check it with the court before filing."


def load_office(path: Path | None = None) -> OfficeDetails:
    """The saved details, or all blank when none were saved yet (only the default file may
    be missing: a file named on the command line must exist)."""
    path = path or office_file()
    if not path.exists():
        return OfficeDetails()
    table, text = _read_toml(path)
    table = _upgrade(table, path, text)
    values: dict[str, object] = {}
    for key, value in table.items():
        if key == "schema_version":
            continue
        if key not in ALL_KEYS:
            raise InputError(str(path), f"unknown key '{key}'; allowed keys: "
                             f"{', '.join(ALL_KEYS)}", toml_key_line(text, key))
        values[key] = _checked(key, value, path, text)
    county = str(values.get("county", "")).strip()
    if county:
        known = normalise_county(county)
        if known is None:
            raise InputError(str(path), f"county '{county}' is not one of California's 58 "
                             "counties", toml_key_line(text, "county"))
        values["county"] = known
    return OfficeDetails(**values)  # type: ignore[arg-type]


def _checked(key: str, value: object, path: Path, text: str) -> object:
    """The value of one top-level key in its type, or an InputError naming the key's line."""
    line = toml_key_line(text, key)
    if key == "city_attorneys":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(str(path), 'city_attorneys must be a list of office names, e.g. '
                             'city_attorneys = ["Los Angeles City Attorney"], or [] for none',
                             line)
        return tuple(v.strip() for v in value if v.strip())
    if key == "alternate_public_defender":
        if not isinstance(value, bool):
            raise InputError(str(path), "alternate_public_defender must be true or false "
                             "(without quotes)", line)
        return value
    if key == "filing":
        if not isinstance(value, dict):
            raise InputError(str(path), "filing must be a table: [filing] on a line of its "
                             "own, then case_number, hearing_date, hearing_time", line)
        filing: dict[str, str] = {}
        for name, item in value.items():
            where = toml_key_line(text, f"filing.{name}")
            if name not in FILING_KEYS:
                raise InputError(str(path), f"unknown key '{name}' in [filing]; allowed keys: "
                                 f"{', '.join(FILING_KEYS)}", where)
            if not isinstance(item, str):
                raise InputError(str(path), f"'{name}' in [filing] must be text in quotes", where)
            filing[name] = item.strip()
        return Filing(**filing)
    if not isinstance(value, str):
        raise InputError(str(path), f"'{key}' must be text in quotes, e.g. {key} = \"...\"", line)
    return value


def save_office(details: OfficeDetails, path: Path | None = None) -> Path:
    path = path or office_file()
    lines = [
        "# CountyClear office details for court documents (edit in the app).",
        f"schema_version = {SCHEMA_VERSION}",
    ]
    # JSON string escapes are a subset of TOML basic-string escapes.
    for name in TEXT_KEYS:
        lines.append(f"{name} = {json.dumps(getattr(details, name), ensure_ascii=False)}")
    if details.city_attorneys is not None:
        offices = json.dumps(list(details.city_attorneys), ensure_ascii=False)
        lines.append(f"city_attorneys = {offices}")
    if details.alternate_public_defender is not None:
        apd = "true" if details.alternate_public_defender else "false"
        lines.append(f"alternate_public_defender = {apd}")
    lines.append("")
    lines.append("[filing]")
    for name in FILING_KEYS:
        lines.append(f"{name} = {json.dumps(getattr(details.filing, name), ensure_ascii=False)}")
    atomic_write_text(path, "\n".join(lines) + "\n")
    return path


def _upgrade(table: dict[str, object], path: Path, text: str) -> dict[str, object]:
    """Ordered upgrades from older schema versions go here."""
    version = table.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise InputError(
            str(path),
            f"schema_version {version} is not supported; this CountyClear reads "
            f"version {SCHEMA_VERSION}. Re-enter the office details in the app.",
            toml_key_line(text, "schema_version"),
        )
    return table


def _read_toml(path: Path) -> tuple[dict[str, object], str]:
    """The file's table, and its text for the lines of messages."""
    text = read_utf8(path, "office details file")
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"is not valid TOML ({exc}); fix or delete it",
                         toml_error_line(exc)) from None

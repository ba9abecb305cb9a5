"""Pre-rendered pieces of DOJ rows: quoting, agencies per county, offence column blocks.

A row is assembled from a handful of such strings, so the per-row work is a few string
joins rather than 95 separate fields.
"""

from functools import lru_cache

from app.counties import COUNTIES

QUALIFIER_BLANK = '"' + " " * 30 + '"'  # the 30-blank qualifier fields (docs/DOJ_FILE.md)
SEE_COMMENT = "SEE COMMENT FOR CHARGE"
EMPTY_OFFENCE_COLUMNS = "," * 12  # fields 53-65 all blank
EMPTY_FE_COLUMNS = "001" + "," * 11  # fields 66-77 with only FE_NUM_ORDER
SENT_TIME_BLANK = '"' + " " * 18 + '"'
STATUS_CODE_BLANK = '"' + " " * 10 + '"'
# fields 83-89 with only the segment separator and the padded time description
EMPTY_SENTENCE_COLUMNS = "#" + "," * 6 + SENT_TIME_BLANK


def csv_field(value: str) -> str:
    """RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes."""
    if any(ch in value for ch in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def county_code(county: str) -> str:
    """STP_ORI_CNTY_CODE: California's county numbers follow the alphabet (ALAMEDA 01)."""
    return f"{COUNTIES.index(county) + 1:02d}"


# Cached: a run asks for the same few kinds of step and offences on every row.
@lru_cache(maxsize=512)
def step_columns(county: str, kind: str) -> str:
    """Fields 41-48 (step type to county name) with a trailing comma, for one kind of step."""
    code = county_code(county)
    kinds = {
        "arrest_police": ("10", "ARREST/DETAINED/CITED", "P", "POLICE DEPARTMENT",
                          f"CA0{code}0100", f"CAPD {county}"),
        "arrest_sheriff": ("10", "ARREST/DETAINED/CITED", "S", "SHERIFF",
                           f"CA0{code}0000", f"CASO {county}"),
        "court_superior": ("20", "COURT ACTION", "C", "SUPERIOR COURT",
                           f"CA0{code}013J", f"CASC {county}"),
        "court_municipal": ("20", "COURT ACTION", "C", "MUNICIPAL COURT",
                            f"CA0{code}023J", f"CAMC {county}"),
        "court_juvenile": ("20", "COURT ACTION", "C", "JUVENILE COURT",
                           f"CA0{code}015J", f"CAJV {county}"),
        "registration": ("40", "REGISTRATION", "S", "SHERIFF",
                         f"CA0{code}0000", f"CASO {county}"),
        "deceased": ("90", "DECEASED", "M", "CORONER", f"CA0{code}0300", f"CACO {county}"),
    }  # fmt: skip
    type_code, type_descr, ori_type, ori_descr_type, ori_code, ori_descr = kinds[kind]
    # agency names come padded to the column's width
    return (
        f"{type_code},{type_descr},{ori_type},{ori_descr_type},{ori_code},{ori_descr:<40},"
        f"{code},{county},"
    )


def offence_code(text: str) -> str:
    """OFFENSE_CODE: a stable 5-digit number per offence text (invented, like the texts)."""
    total = 0
    for ch in text:
        total = (total * 31 + ord(ch)) % 90_000
    return str(10_000 + total)


@lru_cache(maxsize=4096)
def offence_columns(offence_text: str, level: str, stage: str) -> str:
    """Fields 53-65 for a charge at `stage`: arrest, court (not convicted) or conviction.

    The disposition and conviction offence columns repeat the charge on court rows.
    """
    code = offence_code(offence_text)
    block = f"{code},{csv_field(offence_text)},{level},{QUALIFIER_BLANK}"
    if stage == "arrest":
        return block + "," * 9
    # the disposition and conviction copies come padded to the column's width
    padded = f"{code},{csv_field(offence_text.ljust(60))},{level},{QUALIFIER_BLANK}"
    if stage == "court":
        return f"{block},{padded}" + "," * 5
    return f"{block},{padded},001,{padded}"


def registration_columns(offence_text: str) -> str:
    """Fields 53-65 of a REGISTRATION step: the offence only, no level."""
    return f"{offence_code(offence_text)},{csv_field(offence_text)},,{QUALIFIER_BLANK}" + "," * 9

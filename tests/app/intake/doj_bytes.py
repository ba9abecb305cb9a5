"""Small DOJ-like files: the 95 columns of app.doj.schema, synthetic people."""

from app.doj.schema import COLUMNS, INDEX


def doj_file(people: int = 3, *, header: bool = True, tag: str = "A") -> bytes:
    """Comma-separated DOJ-shaped text; `tag` makes the subject ids of two files differ."""
    lines = [",".join(COLUMNS)] if header else []
    for number in range(people):
        fields = [""] * len(COLUMNS)
        fields[INDEX["RECORD_ID"]] = str(number + 1)
        fields[INDEX["SUBJECT_ID"]] = f"{tag}{number:07d}"
        fields[INDEX["PRI_NAME"]] = f'"DOE{number},JANE"'
        fields[INDEX["OFFENSE_DESCR"]] = "11357(A) HS-POSSESS MARIJUANA"
        fields[INDEX["STP_ORI_CNTY_NAME"]] = "SACRAMENTO"
        lines.append(",".join(fields))
    return ("\r\n".join(lines) + "\r\n").encode("latin-1")

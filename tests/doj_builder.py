"""Build DOJ research-file rows for tests: 95 fields, sensible defaults, any field overridden."""

import csv
import io
from dataclasses import dataclass, field

import polars as pl

from app.doj.reader import read_sources
from app.doj.schema import COLUMNS
from app.doj.source import DojSource


@dataclass
class Person:
    subject_id: str
    name: str = "DOE,JANE Q"
    dob: str = "19700101"
    county: str = "SACRAMENTO"
    race: str = "WHITE"
    rows: list[dict[str, str]] = field(default_factory=list)
    _count: int = 0

    def _row(self, **fields: str) -> dict[str, str]:
        row = {c: "" for c in COLUMNS}
        row.update(SUBJECT_ID=self.subject_id, PRI_NAME=self.name, PRI_DOB=self.dob,
                   CII_NUMBER="A" + self.subject_id, RACE_DESCR=self.race,
                   STP_ORI_CNTY_NAME=self.county, STP_ORI_DESCR=f"CASC {self.county}",
                   END_OF_REC="#")
        row.update(fields)
        self.rows.append(row)
        return row

    def conviction(self, offense: str, date: str, *, level: str = "FELONY", toc: str = "F",
                   county: str | None = None, case: str = "", sentence: tuple[str, str] = ("", ""),
                   disp: str = "CONVICTED", cycle: int | None = None, **extra: str) -> str:
        self._count += 1
        cycle_no = cycle if cycle is not None else self._count
        order = f"{cycle_no:03d}001{self._count:03d}000"
        self._row(
            STP_TYPE_DESCR="COURT ACTION", STP_EVENT_DATE=date, CNT_ORDER=order, OFN=case,
            OFFENSE_DESCR=offense, OFFENSE_TOC=toc, DISP_DESCR=disp, CONV_STAT_DESCR=level,
            SENT_LENGTH=sentence[0], SENT_TIME_CODE=sentence[1],
            STP_ORI_CNTY_NAME=county or self.county, **extra,
        )
        return order

    def later_entry(self, order: str, date: str, words: str) -> None:
        """A later court entry on the count `order` (a conviction's CNT_ORDER): its
        disposition `words`, e.g. "DISMISSED AND SEALED PER HS 11361.8"."""
        self._row(STP_TYPE_DESCR="COURT ACTION", STP_EVENT_DATE=date, CNT_ORDER=order,
                  DISP_DESCR=words)

    def step(self, kind: str, date: str, offense: str = "") -> None:
        self._count += 1
        self._row(STP_TYPE_DESCR=kind, STP_EVENT_DATE=date, OFFENSE_DESCR=offense,
                  CNT_ORDER=f"{self._count:03d}001{self._count:03d}000")


def to_csv(people: list[Person], *, header: bool = True, crlf: bool = False) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if crlf else "\n")
    if header:
        writer.writerow(COLUMNS)
    for person in people:
        for row in person.rows:
            writer.writerow([row[c] for c in COLUMNS])
    return out.getvalue().encode("utf-8")


def rows_frame(people: list[Person]) -> pl.DataFrame:
    return read_sources([DojSource(name="test.dat", data=to_csv(people))])

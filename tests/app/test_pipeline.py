"""One way from a delivery's files to determinations: app.pipeline.evaluate_sources."""

from datetime import date

from app.doj.source import DojSource
from app.eligibility.policy import builtin_policy
from app.jobs import Progress
from app.pipeline import evaluate_sources
from tests.doj_builder import Person, to_csv


def test_sources_are_released_once_read_before_the_evaluation() -> None:
    p = Person("1")
    p.conviction("11360A2 HS-SELL", "20100101", level="MISDEMEANOR", toc="M")
    q = Person("2")
    q.conviction("11359B HS-SALE", "20100101")
    sources = [DojSource("a.dat", to_csv([p])), DojSource("b.dat", to_csv([q], header=False,
                                                                        crlf=True))]
    seen: list[str] = []

    def progress(update: Progress) -> None:
        seen.append(update.text)

    def release() -> None:
        seen.append("released")
        sources.clear()

    result = evaluate_sources(sources, county="SACRAMENTO", policy=builtin_policy("statutory"),
                              as_of=date(2024, 1, 1), progress=progress,
                              release_sources=release)
    assert sources == []
    assert seen.index("released") < next(i for i, t in enumerate(seen)
                                         if t.startswith("Building convictions"))
    assert result.sources == ("a.dat", "b.dat")
    got = result.determinations.select("subject_id", "section", "code_section").rows()
    assert got == [("1", "11360", "11360A2 HS"), ("2", "11359", "11359B HS")]
    assert "unclear_section" not in " ".join(result.determinations["flags"])

"""California's 58 counties, as the DOJ file writes them in STP_ORI_CNTY_NAME (upper case)."""

from typing import Final

COUNTIES: Final[tuple[str, ...]] = (
    "ALAMEDA", "ALPINE", "AMADOR", "BUTTE", "CALAVERAS", "COLUSA", "CONTRA COSTA", "DEL NORTE",
    "EL DORADO", "FRESNO", "GLENN", "HUMBOLDT", "IMPERIAL", "INYO", "KERN", "KINGS", "LAKE",
    "LASSEN", "LOS ANGELES", "MADERA", "MARIN", "MARIPOSA", "MENDOCINO", "MERCED", "MODOC",
    "MONO", "MONTEREY", "NAPA", "NEVADA", "ORANGE", "PLACER", "PLUMAS", "RIVERSIDE",
    "SACRAMENTO", "SAN BENITO", "SAN BERNARDINO", "SAN DIEGO", "SAN FRANCISCO", "SAN JOAQUIN",
    "SAN LUIS OBISPO", "SAN MATEO", "SANTA BARBARA", "SANTA CLARA", "SANTA CRUZ", "SHASTA",
    "SIERRA", "SISKIYOU", "SOLANO", "SONOMA", "STANISLAUS", "SUTTER", "TEHAMA", "TRINITY",
    "TULARE", "TUOLUMNE", "VENTURA", "YOLO", "YUBA",
)  # fmt: skip
assert len(COUNTIES) == 58


def normalise_county(name: str) -> str | None:
    """'san joaquin' or ' San Joaquin County ' -> 'SAN JOAQUIN'; None if not a CA county."""
    key = " ".join(name.upper().split())
    key = key.removesuffix(" COUNTY")
    return key if key in COUNTIES else None


def title_case(county: str) -> str:
    """'SAN LUIS OBISPO' -> 'San Luis Obispo' for documents."""
    return " ".join(part.capitalize() for part in county.split())

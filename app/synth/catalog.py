"""What synthetic DOJ rows are made of: offenses, names, races, agencies (docs/DOJ_FILE.md).

Everything here is invented for tests and demos. Offence texts follow the DOJ's
`SECTION CODE-DESCRIPTION` form, including the irregular spellings real files contain
(`11357(C)HS-...` without a space, attempts `664-11359 HS-...` and `66411357(A) HS-...`).
"""

from dataclasses import dataclass
from typing import Final, Literal

OffenceKind = Literal["prop64", "attempt", "lookalike", "other", "super_strike", "pc290"]


@dataclass(frozen=True)
class Offence:
    text: str  # OFFENSE_DESCR as the DOJ writes it
    levels: str  # offence types of charge (OFFENSE_TOC) it can have: F, M, I
    kind: OffenceKind
    comment: str = ""  # COMMENT_TEXT: a conspiracy's or an accessory's target


PROP64: Final = (
    Offence("11357 HS-POSSESS MARIJUANA", "MI", "prop64"),
    Offence("11357(A) HS-POSSESS CONCENTRATED CANNABIS", "FM", "prop64"),
    Offence("11357(B) HS-POSSESS MARIJUANA 28.5 GRAMS OR LESS", "MI", "prop64"),
    Offence("11357(C) HS-POSSESS MARIJUANA OVER 28.5 GRAMS", "MF", "prop64"),
    Offence("11357(C)HS-POSSESS MARIJUANA", "M", "prop64"),
    Offence("11358 HS-CULTIVATE MARIJUANA", "F", "prop64"),
    Offence("11358(C) HS-CULTIVATE MORE THAN SIX PLANTS", "M", "prop64"),
    Offence("11359 HS-POSSESS MARIJUANA FOR SALE", "F", "prop64"),
    Offence("11359(B) HS-POSSESS MARIJUANA FOR SALE", "MF", "prop64"),
    Offence("11359HS-INTENT SELL CANNABIS", "F", "prop64"),
    Offence("11360 HS-TRANSPORT/SELL MARIJUANA", "F", "prop64"),
    Offence("11360(A) HS-SELL/FURNISH/ETC MARIJUANA/HASH", "F", "prop64"),
    Offence("11360(A)(2) HS-SELL/TRANSPORT MARIJUANA", "M", "prop64"),
    Offence("11360(B) HS-GIVE/TRANSPORT/ETC < 1 OZ MARIJUANA", "MI", "prop64"),
)
PROP64_WEIGHTS: Final = (12, 8, 10, 6, 3, 10, 3, 14, 4, 2, 5, 10, 3, 4)

ATTEMPTS: Final = (
    Offence("664-11359 HS-ATTEMPT POSSESS MARIJUANA FOR SALE", "F", "attempt"),
    Offence("664-11357(C) HS-ATTEMPT POSSESS MARIJUANA", "M", "attempt"),
    Offence("664-11360(A) HS-ATTEMPT SELL/TRANSPORT MARIJUANA", "F", "attempt"),
    # Irregular forms seen in DOJ data (and in gogen's tests): an attempt without its hyphen,
    # a Prop 64 section under the wrong code. BEAR read them as Prop 64; a statutory policy
    # sends them to review.
    Offence("66411357(A) HS-ATTEMPT POSSESS CONCENTRATED CANNABIS", "M", "attempt"),
    Offence("11359(A)PC-POSSESS MARIJUANA FOR SALE", "F", "attempt"),
)

# Close to Prop 64 by text, outside it by law (docs/LAW.md section 1; docs/DOJ_FILE.md section 4).
LOOKALIKES: Final = (
    Offence("11357.5(A) HS-SELL/ETC SYNTHETIC CANNABINOID", "M", "lookalike"),
    Offence("11379.6(A) HS-MANUFACTURE CONTROLLED SUBSTANCE", "F", "lookalike"),
    Offence("11361(A) HS-EMPLOY MINOR TO SELL MARIJUANA", "F", "lookalike"),
    Offence("4573.6 PC-POSSESS CONTROLLED SUBSTANCE IN PRISON", "F", "lookalike"),
)

OTHER: Final = (
    Offence("23152(A) VC-DUI ALCOHOL/DRUGS", "M", "other"),
    Offence("23152(B) VC-DUI ALCOHOL/0.08 PERCENT", "M", "other"),
    Offence("14601.1(A) VC-DRIVE WHILE LIC SUSPENDED/ETC", "M", "other"),
    Offence("12500(A) VC-DRIVE WITHOUT LICENSE", "MI", "other"),
    Offence("11350(A) HS-POSSESS NARCOTIC CONTROLLED SUBSTANCE", "FM", "other"),
    Offence("11377(A) HS-POSSESS CONTROLLED SUBSTANCE", "FM", "other"),
    Offence("11378 HS-POSSESS CONTROLLED SUBSTANCE FOR SALE", "F", "other"),
    Offence("11364 HS-POSSESS UNLAWFUL PARAPHERNALIA", "M", "other"),
    Offence("11550(A) HS-UNDER INFLUENCE CONTROLLED SUBSTANCE", "M", "other"),
    Offence("11366 HS-OPEN/MAINTAIN PLACE:SELL/USE CONTROLLED SUBSTANCE", "F", "other"),
    Offence("459 PC-BURGLARY", "F", "other"),
    Offence("484(A) PC-PETTY THEFT", "M", "other"),
    Offence("488 PC-PETTY THEFT", "M", "other"),
    Offence("496(A) PC-RECEIVE/ETC KNOWN STOLEN PROPERTY", "FM", "other"),
    Offence("242 PC-BATTERY", "M", "other"),
    Offence("243(E)(1) PC-BATTERY ON SPOUSE/EX SPOUSE/DATE/ETC", "M", "other"),
    Offence("273.5(A) PC-INFLICT CORPORAL INJ ON SPOUSE/COHABITANT", "FM", "other"),
    Offence("245(A)(1) PC-ASSAULT W/DEADLY WEAPON, NOT FIREARM", "F", "other"),
    Offence("647(F) PC-DISORDERLY CONDUCT:INTOX DRUG/ALCOHOL", "M", "other"),
    Offence("148(A)(1) PC-OBSTRUCT/RESIST PUBLIC OFFICER/ETC", "M", "other"),
    Offence("602 PC-TRESPASSING", "M", "other"),
    Offence("10851(A) VC-TAKE VEHICLE W/O OWNER'S CONSENT", "F", "other"),
    Offence("211 PC-ROBBERY", "F", "other"),
    Offence("1320(A) PC-FAIL TO APPEAR", "M", "other"),
    Offence("4060 BP-POSSESS CONTROLLED SUBSTANCE W/O PRESCRIPTION", "M", "other"),
    Offence("466 PC-POSSESS BURGLARY TOOLS", "M", "other"),
    Offence("40508(A) VC-FAIL TO APPEAR:PROMISE", "M", "other"),
    Offence("32 PC-ACCESSORY", "F", "other"),
    Offence("182(A)(1) PC-CONSPIRACY:COMMIT CRIME", "F", "other"),
    Offence("261.5(C) PC-UNLAWFUL SEXUAL INTERCOURSE W/MINOR", "FM", "other"),
    Offence("245(A)(2) PC-ASSAULT WITH FIREARM ON PERSON", "F", "other"),
)

# PC 667(e)(2)(C)(iv); 288(A) and 261(A)(2) also require PC 290 registration.
SUPER_STRIKES: Final = (
    Offence("187 PC-MURDER", "F", "super_strike"),
    Offence("187(A) PC-MURDER:FIRST DEGREE", "F", "super_strike"),
    Offence("261(A)(2) PC-RAPE BY FORCE/FEAR/ETC", "F", "super_strike"),
    Offence("288(A) PC-LEWD OR LASCIVIOUS ACTS WITH CHILD UNDER 14", "F", "super_strike"),
    Offence("269(A)(1) PC-AGGRAVATED SEXUAL ASSAULT OF CHILD", "F", "super_strike"),
    Offence("191.5(A) PC-GROSS VEHICULAR MANSLAUGHTER WHILE INTOX", "F", "super_strike"),
    Offence("245(D)(3) PC-ASSAULT PEACE OFFICER W/MACHINE GUN", "F", "super_strike"),
    Offence("653F(B) PC-SOLICIT MURDER", "F", "super_strike"),
)

# PC 290 registrable, not super strikes.
PC290: Final = (
    Offence("243.4(A) PC-SEXUAL BATTERY", "FM", "pc290"),
    Offence("314(1) PC-INDECENT EXPOSURE", "M", "pc290"),
    Offence("647.6(A) PC-ANNOY/MOLEST CHILD", "M", "pc290"),
    Offence("311.11(A) PC-POSSESS CHILD PORNOGRAPHY", "FM", "pc290"),
    Offence("266H(B) PC-PIMPING", "F", "pc290"),
)

REGISTRATION_290: Final = (
    "290 PC-REGISTRATION OF SEX OFFENDER",
    "290(A) PC-REGISTRATION OF SEX OFFENDER",
)
# Registrations that are not PC 290 (a reader must not call these sex-offender registrants).
REGISTRATION_OTHER: Final = (
    "11590 HS-REGISTRATION OF NARCOTICS OFFENDER",
    "457.1 PC-REGISTRATION OF ARSON OFFENDER",
)

NON_CONVICTION_DISPOSITIONS: Final = (
    "DISMISSED",
    "DISMISSED/FURTHERANCE OF JUSTICE",
    "DISMISSED/CHARGE DROPPED",
    "ACQUITTED",
)
# An arrest no court step follows (one with a court case has a blank disposition).
ARREST_DISPOSITIONS: Final = (
    "REL/TOT OTHER JURIS/AUTH",
    "DETENTION ONLY",
    "PROS REJ-LACK OF SUFF EVIDENCE",
)

LAST_NAMES: Final = (
    "SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER", "DAVIS",
    "RODRIGUEZ", "MARTINEZ", "HERNANDEZ", "LOPEZ", "GONZALEZ", "WILSON", "ANDERSON",
    "THOMAS", "TAYLOR", "MOORE", "JACKSON", "MARTIN", "LEE", "PEREZ", "THOMPSON", "WHITE",
    "HARRIS", "SANCHEZ", "CLARK", "RAMIREZ", "LEWIS", "ROBINSON", "WALKER", "YOUNG", "ALLEN",
    "KING", "WRIGHT", "SCOTT", "TORRES", "NGUYEN", "HILL", "FLORES", "GREEN", "ADAMS",
    "NELSON", "BAKER", "HALL", "RIVERA", "CAMPBELL", "MITCHELL", "CARTER", "ROBERTS", "CHEN",
    "WONG", "KIM", "PATEL", "TRAN", "VASQUEZ", "REYES", "CRUZ", "MORALES", "ORTIZ",
    "GUTIERREZ", "CHAVEZ", "RAMOS", "WASHINGTON", "O'BRIEN", "VAN DER BERG", "DE LA CRUZ",
    "SINGH", "NAKAMURA", "JOHNSON-SMITH",
)  # fmt: skip

# Names that carry Windows-1252 bytes once encoded (each letter is the same byte in
# Latin-1, which the writer uses because it encodes much faster).
ACCENTED_LAST_NAMES: Final = (
    "PEÑA", "MUÑOZ", "NÚÑEZ", "IBÁÑEZ", "CASTAÑEDA", "ORDÓÑEZ", "BÉLANGER", "MÜLLER",
    "GÓMEZ", "JIMÉNEZ",
)  # fmt: skip

FIRST_NAMES: Final = (
    "JAMES", "JOHN", "ROBERT", "MICHAEL", "WILLIAM", "DAVID", "RICHARD", "JOSEPH", "THOMAS",
    "CHARLES", "CHRISTOPHER", "DANIEL", "MATTHEW", "ANTHONY", "MARK", "JOSE", "LUIS",
    "CARLOS", "JUAN", "MIGUEL", "MARY", "PATRICIA", "JENNIFER", "LINDA", "ELIZABETH",
    "BARBARA", "SUSAN", "JESSICA", "SARAH", "KAREN", "MARIA", "ROSA", "ANA", "LISA", "NANCY",
    "DARNELL", "TYRONE", "KEISHA", "MEI", "HUNG", "ANH", "RAJ", "DEVON", "JAMAL", "TANYA",
)  # fmt: skip

MIDDLE_INITIALS: Final = "ABCDEFGHJKLMNPRSTW"

# (RACE_CODE, RACE_DESCR, weight)
RACES: Final = (
    ("W", "WHITE", 34), ("H", "HISPANIC", 30), ("B", "BLACK", 22), ("A", "OTHER ASIAN", 3),
    ("C", "CHINESE", 2), ("F", "FILIPINO", 2), ("V", "VIETNAMESE", 2), ("I", "AMERICAN INDIAN", 1),
    ("P", "PACIFIC ISLANDER", 1), ("K", "KOREAN", 1), ("J", "JAPANESE", 1), ("O", "OTHER", 1),
    ("U", "UNKNOWN", 1),
)  # fmt: skip

EYES: Final = (("BRO", "BROWN"), ("BLK", "BLACK"), ("BLU", "BLUE"), ("HAZ", "HAZEL"),
               ("GRN", "GREEN"))  # fmt: skip
HAIR: Final = (("BLK", "BLACK"), ("BRO", "BROWN"), ("BLN", "BLOND"), ("GRY", "GRAY"),
               ("RED", "RED"), ("BAL", "BALD"))  # fmt: skip
BIRTHPLACES: Final = (("CA", "CALIFORNIA", "S", "US"), ("CA", "CALIFORNIA", "S", "US"),
                      ("CA", "CALIFORNIA", "S", "US"), ("TX", "TEXAS", "S", "US"),
                      ("MX", "MEXICO", "C", "MX"), ("NY", "NEW YORK", "S", "US"),
                      ("VN", "VIETNAM", "C", "VN"), ("AZ", "ARIZONA", "S", "US"))  # fmt: skip

# --- The situations the law turns on (SynthOptions.law_cases) ---------------------------
# Subdivisions written without parentheses, or with a blank before them, as many DOJ files
# write them.
PROP64_UNUSUAL_FORMS: Final = (
    Offence("11360A2 HS-SELL/TRANSPORT MARIJUANA", "M", "prop64"),
    Offence("11360(A)2 HS-SELL/TRANSPORT MARIJUANA", "M", "prop64"),
    Offence("11359B HS-POSSESS MARIJUANA FOR SALE", "MF", "prop64"),
    Offence("11357B2 HS-POSSESS MARIJUANA 28.5 GRAMS OR LESS", "I", "prop64"),
    Offence("11357 (B) HS-POSSESS MARIJUANA 28.5 GRAMS OR LESS", "MI", "prop64"),
    Offence("11357C HS-POSSESS MARIJUANA OVER 28.5 GRAMS", "MF", "prop64"),
    Offence("11358C HS-CULTIVATE MORE THAN SIX PLANTS", "M", "prop64"),
    Offence("11360A HS-SELL/FURNISH/ETC MARIJUANA/HASH", "F", "prop64"),
)
# Attempts in every form, and a conspiracy or accessory whose target is in COMMENT_TEXT.
RELATED_FORMS: Final = (
    Offence("664/11359 HS-ATTEMPT POSSESS MARIJUANA FOR SALE", "F", "attempt"),
    Offence("664+11360(A) HS-ATTEMPT SELL/TRANSPORT MARIJUANA", "F", "attempt"),
    Offence("664 - 11358 HS-ATTEMPT CULTIVATE MARIJUANA", "F", "attempt"),
    Offence("66411359 HS-ATTEMPT POSSESS MARIJUANA FOR SALE", "F", "attempt"),
    Offence("182(A)(1) PC-CONSPIRACY:COMMIT CRIME", "F", "attempt",
            "11359 HS-POSSESS MARIJUANA FOR SALE"),
    Offence("32 PC-ACCESSORY", "F", "attempt", "11360(A) HS-SELL/TRANSPORT MARIJUANA"),
)
# Attempted murder: a super strike (PC 667(e)(2)(C)(iv)(IV)), written as DOJ files do.
ATTEMPTED_MURDER: Final = (
    Offence("664/187(A) PC-ATTEMPTED MURDER", "F", "super_strike"),
    Offence("664-187 PC-ATTEMPT MURDER", "F", "super_strike"),
)
REPEAT_11359: Final = Offence("11359 HS-POSSESS MARIJUANA FOR SALE", "F", "prop64")
# A later entry on a count: (DISP_DESCR, COMMENT_TEXT, relief under HS 11361.8 or not).
LATER_RELIEF: Final = (
    ("DISMISSED/SEALED PER 11361.8 HS", "", True),
    ("REDESIGNATED MISDEMEANOR PER 11361.8 HS", "", True),
    ("DISMISSED", "PROP 64 RELIEF GRANTED PER 11361.9 HS", True),
    ("CONVICTION SET ASIDE/DISMISSED PER 1203.4 PC", "", False),
    ("REDUCED TO MISDEMEANOR PER 17(B) PC", "", False),
    ("CONVICTION VACATED", "", False),
)

"""Issue #12, fifth pass, on invented sentences: numbers whose shape names rather than counts
(models, lists, phone groups, references, unhyphenated compounds), more units, and what a count,
a share or a price measures."""

from __future__ import annotations

import pytest
from claims_support import claims_of, one


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Gamers compared the Vortex QX 4070 with the older QX 3050 card.", ("4070", "3050")),
        ("Battery life on the 14 Ultra Lite beats every rival we tried.", ("14",)),
        ("The Corvana Pro 7400M chip runs cool.", ("7400M",)),
        ("Orders: ring +33 (0)21 456 78-901 before noon.", ("78-901", "456")),
        ("See Halvers J. Rev Clin Noise. 2011; 17: 233-241 for the method.", ("17", "233")),
        ("She made the Rising 25 Under 25 list this spring.", ("25",)),
        ("The 240 page catalogue comes with every order.", ("240",)),
        ("The club hired a three time league winner as coach.", ("three",)),
    ],
)
def test_names_and_codes_are_not_claims(nlp, text: str, absent: tuple[str, ...]) -> None:
    written = [c.text for c in claims_of(nlp, text)]
    assert not [w for w in written for a in absent if a in w], written


@pytest.mark.parametrize(
    ("text", "fragment", "value", "counted"),
    [
        # counts stay counts: groups, plurals the tagger reads as singular, several-word phrases
        ("The mill employs 2,300 staff at four sites.", "2,300", 2300, "staff"),
        ("The coalition holds 212 MPs in the assembly.", "212", 212, "MPs"),
        ("The port hired close to 900 loading and cleaning workers.", "900", 900, None),
        ("About 40 medical equipment units were donated.", "40", 40, None),
        ("A 6.1 magnitude quake shook the valley.", "6.1", 6.1, "quake"),
        # what a share, a level or a price measures
        ("Rents grew 2.8% year on year, while fees rose 1.9%.", "2.8%", 2.8, "Rents"),
        ("The new serum was 88% effective in the field.", "88%", 88, "serum"),
        ("The Harbour index fell 150 points to close the week.", "150", 150, "index"),
        ("Prices for the tablet start at $549.", "$549", 549, "Prices"),
        ("Dealers are taking $75 off the price of the scooter.", "$75", 75, "scooter"),
        (
            "The mayor said the city would hire 700 nurses, up from 450 before the strike.",
            "450",
            450,
            "nurses",
        ),
        ("The lift can raise the deck by a total of 4 inches.", "4", 4, "deck"),
        ("The fund owes millions of dollars to farmers.", "millions", 2e6, None),
        ("Wheat costs three times the price of rice.", "three", 3, "price"),
        # a restated unit carries the "of" object; a number after a preposition before a plural verb
        ("The tank holds about 900 tons, or 816 metric tons, of grain.", "900", 900, "grain"),
        ("Ruiz scored a goal on 9 shots for the visitors and Lee made two saves.", "9", 9, "shots"),
    ],
)
def test_counted_things(nlp, text: str, fragment: str, value: float, counted: str | None) -> None:
    claim = one(claims_of(nlp, text), fragment)
    assert claim.value == pytest.approx(value)
    if counted is None:
        return
    assert claim.counted is not None and claim.counted.split(" and ")[0] == counted


def test_units_are_never_counted(nlp) -> None:
    claims = claims_of(nlp, "Dust finer than 2.5 microns stayed at 41 dBA and 95 degrees Fahrenheit.")
    assert [c.unit for c in claims] == ["um", "dB", "degF"]
    assert all(c.counted not in {"microns", "dBA", "degrees"} for c in claims)


def test_a_conjunct_with_its_own_number_is_another_claim(nlp) -> None:
    claims = claims_of(nlp, "The drone carries four radar sensors, six cameras and two lidars.")
    assert [c.counted for c in claims] == ["sensors", "cameras", "lidars"]


def test_a_rate_per_month_counts_no_month(nlp) -> None:
    claim = one(claims_of(nlp, "Upgrade to the plus plan for $3.99/mo after the trial."), "$3.99")
    assert claim.counted != "mo"


def test_with_one_game_remaining_is_a_count(nlp) -> None:
    claims = claims_of(nlp, "The title race ended with one match remaining in the season.")
    assert [c.value for c in claims] == [1]

"""Issue #12 readings of the claims stage on invented sentences: what a share, a price or a
compound number counts, and numbers that are names, codes or list marks rather than claims."""

from __future__ import annotations

from typing import Any

import pytest
from claims_support import claims_of, one

from wiresift.model import Claim, Document
from wiresift.nlp.claims.stage import find_claims


@pytest.mark.parametrize(
    ("text", "fragment", "value", "counted"),
    [
        # compound numbers
        ("The union's 300-thousand-strong membership voted to strike.", "300", 300_000, "membership"),
        ("A 2,000-strong force crossed the river.", "2,000", 2000, "force"),
        # what money pays for
        ("The town bought the old tannery for $3.5 million last spring.", "$3.5", 3.5e6, "tannery"),
        ("Volunteers sell the quilts for $40 each.", "$40", 40, "quilts"),
        ("The club signed a deal worth $80 million with a brewer.", "$80", 8e7, "deal"),
        ("The Orbix Tab for $349 is the cheapest model.", "$349", 349, "Tab"),
        ("The grant would provide $2.5 million for rural clinics.", "$2.5", 2.5e6, "clinics"),
        ("Donors poured $9 million into the library fund.", "$9", 9e6, "fund"),
        ("The village received $400,000 in flood aid.", "$400,000", 4e5, "aid"),
        ("The bridge is expected to cost about $70 million.", "$70", 7e7, "bridge"),
        # what a share changed or measures
        ("The brewery sold 50,000 kegs last year, up 6 percent from the year before.", "6", 6, "kegs"),
        ("Shares of the shipper added 4% on Tuesday.", "4%", 4, "Shares"),
        ("The ferry fare is 25% lower in winter.", "25%", 25, "fare"),
        ("The flats, which are 15% cheaper, sold fast.", "15%", 15, "flats"),
        ("Bakeries were the busiest (41%), followed by cafes (33%).", "33%", 33, "cafes"),
        ("The orchard grew at an annual rate of 3.5 percent.", "3.5", 3.5, "rate"),
        # a plural noun the tagger reads as a verb
        ("Okafor rushed for 96 yards on 17 carries for the Hawks.", "17", 17, "carries"),
    ],
)
def test_counted_thing(nlp, text: str, fragment: str, value: float, counted: str | None) -> None:
    claim = one(claims_of(nlp, text), fragment)
    assert claim.value == pytest.approx(value)
    assert claim.counted == counted


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("She praised the Zentra 9 camera and the Vellum 12 screen.", ("9", "12")),
        ("Fans of Star Raiders 3 waited for hours.", ("3",)),
        ("The Orion 7 crew landed safely.", ("7",)),
        ("The console plays films at 4K and the Grand Five league kept 12 teams.", ("4K", "Five")),
        ("For tickets call 555-0199 before noon.", ("555",)),
        ("See doi 10.5555/321-4-567 for the data.", ("321", "4", "567")),
        ("Nurses face many alarms per shift [3], the study says.", ("3",)),
        ("Tips for the day:\n2. Drink water often.\n3. Sleep well.", ("2", "3")),
        ("Marta Ilves, 41 – who runs the ferry – spoke first.", ("41",)),
    ],
)
def test_not_claims(nlp, text: str, absent: tuple[str, ...]) -> None:
    texts = [c.text for c in claims_of(nlp, text)]
    for fragment in absent:
        assert not any(fragment in t for t in texts), texts


def test_counts_after_names_stay(nlp) -> None:
    """A count after a place name is still a count: "In New Halden 12 people ..." """
    claims = claims_of(nlp, "In New Halden 12 people were hurt, and Grand Lake lost 30 homes.")
    assert one(claims, "12").counted == "people"
    assert one(claims, "30").counted == "homes"


def test_unit_and_date_are_never_counted(nlp) -> None:
    text = "The fare averaged $41 in May, up from $38 a year ago and from $35 in May 2015."
    claims = claims_of(nlp, text)
    assert one(claims, "$35").counted == "fare"  # not "May": the "from" end of the change, like $38
    text = "The rate averaged 5.1 percent in June, down from 6.3 percent a year earlier."
    assert one(claims_of(nlp, text), "6.3").counted != "percent"


def test_tally_verb_is_not_a_claimant(nlp) -> None:
    text = "The stock added 3% after the miner sold a mine in a deal worth $90 million."
    claims = claims_of(nlp, text)
    assert one(claims, "$90").claimant_mention is None
    assert one(claims, "3%").counted == "stock"


def test_suffix_won(nlp) -> None:
    claim = one(claims_of(nlp, "Seats cost 50,000₩ at the door."), "50,000")
    assert (claim.unit, claim.counted) == ("KRW", "Seats")


def test_bare_dollar_takes_the_country_of_the_places(nlp) -> None:
    from wiresift.model import Place

    text = "The Manitoba board will spend $80 million in Winnipeg and Brandon, the minister said."
    sdoc = nlp(text)

    def place(name: str, country: str) -> Place:
        at = text.index(name)
        return Place(id=name, name=name, country=country, mentions=[(at, at + len(name))])

    canadian = [place("Manitoba", "CA"), place("Winnipeg", "CA"), place("Brandon", "CA")]
    doc = Document(text=text, site="example.com", places=canadian)
    assert one(find_claims(doc, sdoc), "$80").unit == "CAD"
    mixed = [*canadian[:2], place("Brandon", "US")]  # a US place in the story: "$" stays USD
    doc = Document(text=text, site="example.com", places=mixed)
    assert one(find_claims(doc, sdoc), "$80").unit == "USD"


def _with_entities(nlp: Any, text: str) -> list[Claim]:
    """The claims of ``text`` after the entities stage, whose coreference resolves pronouns."""
    from wiresift.nlp.pipeline import Context, make_stage

    doc, sdoc, ctx = Document(text=text, site="wire"), nlp(text), Context()
    make_stage("entities")(doc, sdoc, ctx)
    make_stage("claims")(doc, sdoc, ctx)
    return doc.claims


def test_pronoun_claimants_go_through_coreference(nlp) -> None:
    it = one(
        _with_entities(
            nlp, "The Harlow Water Board met on Monday. It said the repairs would cost $4 million."
        ),
        "$4",
    )
    assert it.claimant_name == "Harlow Water Board"
    assert it.claimant_mention is not None and it.claimant_mention.text == "It"
    text = "Mayor Jonas Ekberg toured the dam on Friday. He said 300 homes were flooded."
    he = one(_with_entities(nlp, text), "300")
    assert (he.claimant_name, he.counted) == ("Jonas Ekberg", "homes")
    # without the entities stage the pronoun stays as written
    assert one(claims_of(nlp, text), "300").claimant_name == "He"


def test_polls_named_by_a_preposition_claim_their_numbers(nlp) -> None:
    text = (
        "Her rating slid from 47 percent in the prior poll to 44 percent today. In a Harlow Gazette "
        "poll completed on Friday, 63 percent of the sample backed the plan. The Gazette poll "
        "reached 1,001 adults."
    )
    claims = claims_of(nlp, text)
    who = {c.text: c.claimant_mention.text if c.claimant_mention else None for c in claims}
    assert who == {
        "47 percent": "the prior poll",
        "44 percent": None,
        "63 percent": "a Harlow Gazette poll",
        "1,001": None,
    }


@pytest.mark.parametrize(
    "text",
    [
        "The striker was booked three times and missed a penalty.",
        "The bar owner was fined over a dozen times for late music.",
        "Crews have flown hundreds of times to reach the camps.",
        "Three times, the clinic was attacked.",
    ],
)
def test_frequencies_are_not_claims(nlp, text: str) -> None:
    assert claims_of(nlp, text) == []


def test_multipliers_stay_claims(nlp) -> None:
    claims = claims_of(
        nlp, "Nurses earn three times the wage of aides, and there are five times as many bikes."
    )
    assert [c.value for c in claims] == [3, 5]


@pytest.mark.parametrize(
    ("text", "fragment", "counted"),
    [
        ("Nurses earn three times the wage of aides.", "three", "wage"),
        ("The valley now has five times as many bikes as cars.", "five", "bikes"),
        ("Clinics saw ten times more cases in May.", "ten", "cases"),
        ("Silt reached four times normal levels in the bay.", "four", "levels"),
        ("Rents here are four times higher than in the suburbs.", "four", None),
    ],
)
def test_multiplier_counts_what_it_multiplies(nlp, text: str, fragment: str, counted: str | None) -> None:
    assert one(claims_of(nlp, text), fragment).counted == counted


@pytest.mark.parametrize(
    ("text", "fragment", "counted"),
    [
        ("Divers studied the 400-mile-wide (640 kilometres) Lake Orvane last year.", "400", "Orvane"),
        ("A 40-foot-long whale washed ashore.", "40", "whale"),
        ("The tank holds about 900 tons, or 816 metric tons, of brine.", "900", "brine"),
    ],
)
def test_measures_count_what_they_describe(nlp, text: str, fragment: str, counted: str) -> None:
    assert one(claims_of(nlp, text), fragment).counted == counted


def test_a_size_that_names_a_model_names_it_throughout(nlp) -> None:
    text = (
        "The basic 14-inch Lumix Pro was updated in July, while the dearer 14-inch units were "
        "revised in May. A 22-inch monitor costs more."
    )
    claims = claims_of(nlp, text)
    assert [c.text for c in claims] == ["22-inch"]


def test_emergency_number_before_a_call_noun(nlp) -> None:
    texts = [c.text for c in claims_of(nlp, "Residents could not make 911 calls, and 999 homes lost power.")]
    assert texts == ["999"]


@pytest.mark.parametrize(
    "text",
    [
        "The paint needs 24-48 hours to set, and the ice formed billions of years ago.",
        "The ferry has broken down four times this month.",
        "At one point the choir clapped.",
        "Scientists detected one such plume.",
        "Write to 12 Harbour Road, Lakeview, CA 94107 for details.",
        "Most readers keep an app or two for that.",
        "He scored from the 2-yard line.",
        "Police were called to the 1200 block of Elm Street.",
        "Update to macOS 10.15 before the watchOS 6 release.",
    ],
)
def test_durations_moments_and_codes_are_not_claims(nlp, text: str) -> None:
    assert [c.text for c in claims_of(nlp, text) if c.text not in {"12"}] == []


@pytest.mark.parametrize(
    ("text", "fragment", "value", "unit", "counted"),
    [
        ("The label was bought for $300M last year.", "$300M", 3e8, "USD", "label"),
        ("A 275 horsepower motor sits at the rear.", "275", 275, "hp", "motor"),
        ("The plant has 3.7 GW of solar capacity.", "3.7", 3.7, "GW", "capacity"),
        ("The fund bid $16.50 a share for the chain.", "$16.50", 16.5, "USD", "share"),
        ("The average loan rate stayed below 6 percent.", "6", 6, "%", "rate"),
        ("Its valuation was slashed to $8 billion.", "$8", 8e9, "USD", "valuation"),
    ],
)
def test_units_scales_and_what_they_measure(
    nlp, text: str, fragment: str, value: float, unit: str, counted: str
) -> None:
    claim = one(claims_of(nlp, text), fragment)
    assert (claim.value, claim.unit, claim.counted) == (pytest.approx(value), unit, counted)


def test_an_embedded_post_is_its_authors_claim(nlp) -> None:
    text = "Yes, the town spent $40,000 on that https://t.co/x1\n\n— Ann Lee 🌈 (@annlee) May 2, 2021\n\nIt rained."
    claim = one(claims_of(nlp, text), "$40,000")
    assert claim.claimant_name == "Ann Lee"
    assert claim.claimant_mention is not None and claim.claimant_mention.text == "Ann Lee"


def test_what_a_poll_shows_is_its_finding(nlp) -> None:
    text = "Averages show Reyes with a lead, with RealPolls showing him ahead 5 points."
    assert one(claims_of(nlp, text), "5 points").claimant_name == "RealPolls"
    # a verb of change with an amount object still claims nothing
    assert one(claims_of(nlp, "The stock added 2 percent on Monday."), "2").claimant_mention is None


def test_table_lines_and_line_breaks(nlp) -> None:
    text = "NORTH:\nTotal hurt: 31\nVolunteers: 12\nShelters opened: 4\n\nSOUTH:\nTotal hurt: 9"
    counted = {c.text: c.counted for c in claims_of(nlp, text)}
    assert counted == {"31": None, "12": "Volunteers", "4": None, "9": None}


def test_the_ends_of_a_change_count_one_thing(nlp) -> None:
    text = "Duties on steel were raised from 12% to 20% in June, and the index rose 3% and bonds fell 2%."
    counted = {c.text: c.counted for c in claims_of(nlp, text)}
    assert counted == {"12%": "Duties", "20%": "Duties", "3%": "index", "2%": "bonds"}


@pytest.mark.parametrize(
    "text",
    [
        "The Hawks, who have won 9 of 11, play again on Friday.",
        "Rovers have lost four of their last five matches.",
        "United lost 1-3 at home.",
        "It was a 1-3 defeat for the visitors.",
        "The guard went 3-for-12 from the field.",
        "The Jets improved to 4-6 with the win.",
        "They have a 4-6 record this year.",
        "Rovers beat them 24-27 in overtime.",
    ],
)
def test_scores_and_records_are_not_claims(nlp, text: str) -> None:
    assert claims_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "fragment", "counted"),
    [
        ("Labour won 12 of 13 seats in the county.", "12", "seats"),
        ("Okafor finished with 25 points and 11 rebounds.", "11", "rebounds"),
        ("Firms shipped 3-5 vehicles a day.", "3-5", "vehicles"),
    ],
)
def test_tallies_and_ranges_stay_claims(nlp, text: str, fragment: str, counted: str) -> None:
    assert one(claims_of(nlp, text), fragment).counted == counted


def test_worth_counts_what_it_values(nlp) -> None:
    assert one(claims_of(nlp, "Tariffs hit $240 billion worth of imported parts."), "$240").counted == "parts"
    assert one(claims_of(nlp, "The chef holds a net worth of $23 million."), "$23").counted == "worth"
    assert one(claims_of(nlp, "Farm aid ran to the tune of $41 billion."), "$41").counted is None


@pytest.mark.parametrize(
    ("text", "fragment", "claimant"),
    [
        (
            "A new Gazette poll shows strong support for the bridge. Fifty-one percent say it should be built.",
            "Fifty-one",
            "A new Gazette poll",
        ),
        (
            "A new Gazette poll shows strong support for the bridge.\n\nFifty-one percent say it should be built.",
            "Fifty-one",
            None,
        ),
        (
            "A new Gazette poll shows strong support for the bridge. Fifty-one percent of the budget went to roads.",
            "Fifty-one",
            None,
        ),
    ],
)
def test_poll_before_a_respondent_share(nlp, text: str, fragment: str, claimant: str | None) -> None:
    mention = one(claims_of(nlp, text), fragment).claimant_mention
    assert (mention.text if mention else None) == claimant


def test_claimant_mention_stops_at_a_line_break(nlp) -> None:
    text = "Domestic grain\n\nA recent audit by the ministry stated the depots held around 8,000 tonnes of wheat in May."
    mention = one(claims_of(nlp, text), "8,000").claimant_mention
    assert mention is not None and mention.text == "A recent audit"


def test_ranges_whose_ends_carry_the_unit(nlp) -> None:
    claim = one(claims_of(nlp, "Climbers breathe 70% to 85% pure oxygen."), "70%")
    assert (claim.value, claim.low, claim.high, claim.unit) == (None, 70, 85, "%")
    assert len(claims_of(nlp, "Inflation rose 2% to 3% last year.")) == 2  # a change and its level


def test_money_in_a_circumstance_counts_nothing(nlp) -> None:
    text = "They offered a figure ($4 million in each case) with no proof."
    assert one(claims_of(nlp, text), "$4").counted is None


def test_passive_subject_of_a_report_is_not_its_claimant(nlp) -> None:
    text = "The arcade opens with 22 machines (the addition of 10 pinball tables was announced on Sunday)."
    assert one(claims_of(nlp, text), "22").claimant_mention is None


def test_price_per_participle_share(nlp) -> None:
    text = "The miller made $3.2 billion, or $2.17 per diluted share, as flour sales climbed."
    assert one(claims_of(nlp, text), "$2.17").counted == "share"


def test_light_years_are_a_unit(nlp) -> None:
    assert one(claims_of(nlp, "The nebula lies 40 light-years from the sun."), "40").unit == "ly"


def test_out_of_a_counted_noun_is_a_count(nlp) -> None:
    assert one(claims_of(nlp, "Out of 17 samples from the lake, two held lead."), "17").counted == "samples"
    assert claims_of(nlp, "She skipped lunch one day out of 12.") == []


def test_out_of_ten_is_a_share(nlp) -> None:
    claim = one(claims_of(nlp, "Seven out of 10 tenants want a cap."), "Seven")
    assert (claim.value, claim.unit, claim.counted) == (70, "%", "tenants")


def test_a_phrasal_verb_is_not_counted(nlp) -> None:
    text = "The rivalries will play out when the club's top 8 face off at Derby."
    assert one(claims_of(nlp, text), "8").counted is None

"""How much of the CAMEO verb dictionary the coder can use: the lexicon build reads the patterns' verbs
and bare prepositions, and the coder reads particles the parser takes for prepositions, phrasal verbs
the dictionary lacks, and light verbs before event nouns. Invented sentences and pattern lines."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from wiresift.model import Document
from wiresift.nlp.pipeline import Pipeline

if TYPE_CHECKING:
    from types import ModuleType


REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def build() -> ModuleType:
    sys.path.insert(0, str(REPO / "training"))
    import build_event_lexicons

    return build_event_lexicons


#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


def test_bare_preposition_is_the_patterns_preposition(build: ModuleType) -> None:
    assert build.parse_pattern("- &MILITARY * TO        [154]   # MOVE") == {
        "code": "154", "subj": "&MILITARY", "prep": "to", "by": "move",
    }  # fmt: skip
    # the word after it is its object; "towards" is spelt as the parse's feature is
    assert build.parse_pattern("- * TROOP TOWARDS BORDER   [154]") == {
        "code": "154", "obj": "troop", "prep": "toward", "pobj": "border",
    }  # fmt: skip
    # a particle stays a particle
    assert build.parse_pattern("- * DOWN HEADQUARTERS    [160]")["part"] == "down"


def test_pattern_verb_read_from_its_inflected_comment(build: ModuleType, tmp_path: Path) -> None:
    dictionary = tmp_path / "verbs.txt"
    dictionary.write_text(
        "---  GO_SOMEWHERE   [040]  ---\n+PULL_OUT\n+WALK_OUT\nGO {WENT GOES GONE GOING}\n"
        "- * (OF TALKS)      [164]   # PULLED_OUT\n- * COURT   [---]   # WENT_TO\n"
        "- * (FOR TALKS)      [042]   # WENT\n- * SUMMIT   [044]   # ATTEND\n",
        encoding="latin-1",
    )
    (block,) = build.parse_verbs(dictionary)["blocks"]
    by = [p.get("by") for p in block["patterns"]]
    # "pulled out" -> "pull out"; "went" -> "go" (listed form); "went to" and "attend" are no verb
    # of the block: those patterns are the whole block's
    assert by == ["pull out", None, "go", None]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # a particle the parser reads as a preposition ("out" with "of" under it) is the verb's particle,
        # and a phrasal verb shares its block's patterns for the same particle ("pull out of talks")
        ("The rebel delegation walked out of the talks in Geneva on Monday.", "SANCTION"),
        # CAMEO 064 is sharing intelligence or information
        ("Police in the two countries shared intelligence on the smuggling ring.", "COOPERATE"),
        # money for someone else's project is economic aid
        ("The World Bank provided funding for the new water plant in Mosul.", "AID"),
        ("Kuwait financed the rebuilding of the bridge in Aden.", "AID"),
        # obstructing a text put to a vote is a refusal, not coercion
        ("Russia blocked a draft resolution on the ceasefire at the Security Council.", "REJECT"),
        # a pattern written without parentheses ("&MILITARY * TO"), "towards" as "toward"
        ("Armoured vehicles moved to the border on Sunday.", "MOBILIZE"),
        ("Iranian troops moved towards the frontier overnight.", "MOBILIZE"),
        # "alert" and "readiness" are one pattern word
        ("Border units were put on full combat readiness.", "MOBILIZE"),
        # a light verb's pattern that does not read its object gives way to the event noun
        ("Workers held a sit-in at the factory gates for three days.", "PROTEST"),
    ],
)
def test_main_event(pipeline: Pipeline, text: str, plover: str) -> None:
    doc = pipeline(Document(text=text, published="2023-05-02"))
    assert doc.events, text
    assert doc.events[0].plover == plover, text


@pytest.mark.parametrize(
    "text",
    [
        # a phrasal verb the dictionary lacks is not its bare verb ("break": an attack)
        "The two parties broke away from the ruling coalition last year.",
        # another verb's subject-only pattern ("- TENSIONS *", written for "surface") stays that verb's
        "Tensions rose in the capital over the weekend.",
    ],
)
def test_no_event(pipeline: Pipeline, text: str) -> None:
    doc = pipeline(Document(text=text, published="2023-05-02"))
    assert [e.plover for e in doc.events] == [], text


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # breaking up a crowd by force is repression, as dispersing a protest is in the dictionary
        ("Riot police dispersed the demonstrators with water cannon.", "ASSAULT"),
        # taking a place back is capturing it; rounding people up is arresting them
        ("Government troops recaptured the airport on Sunday.", "ASSAULT"),
        ("Security forces rounded up dozens of opposition activists.", "COERCE"),
        # media are one pattern word: shutting down the internet as shutting down television
        ("The government shut down the internet ahead of the vote.", "COERCE"),
    ],
)
def test_news_wording(pipeline: Pipeline, text: str, plover: str) -> None:
    doc = pipeline(Document(text=text, published="2023-05-02"))
    assert doc.events and doc.events[0].plover == plover, text


def test_bare_preposition_pattern_stays_its_verbs(pipeline: Pipeline) -> None:
    # "- * WITH [190]" was written for "battle": it does not make a laptop's "hit ... with" an attack
    text = "The new laptop hit a peak of 40 decibels, with fan speeds close to the old model."
    doc = pipeline(Document(text=text, published="2023-05-02"))
    assert [e.plover for e in doc.events] == []


def test_alternatives_become_patterns(build: ModuleType) -> None:
    (pattern,) = [build.parse_pattern("- * (IN BOMBING/EXPLOSION)    [183]")]
    assert build.alternatives(pattern) == [
        {"code": "183", "prep": "in", "pobj": "bombing"},
        {"code": "183", "prep": "in", "pobj": "explosion"},
    ]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # a verb + object phrase read in the passive: the passive subject is the phrase's object
        ("A draft resolution on the blockade was blocked by two members.", "REJECT"),
        ("The marchers were dispersed by riot police near the ministry.", "ASSAULT"),
    ],
)
def test_phrase_in_the_passive(pipeline: Pipeline, text: str, plover: str) -> None:
    doc = pipeline(Document(text=text, published="2023-05-02"))
    assert doc.events and doc.events[0].plover == plover, text

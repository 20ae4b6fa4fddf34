"""Two people share a surname (issue #11): "Mrs X", a first name, a pronoun, the last naming or a
relative's introduction tells which one a bare surname means; when nothing does, no one.
Invented sentences only."""

from __future__ import annotations

from quotes_support import by_cue, quotes_of

from wiresift.model import Entity
from wiresift.nlp.entities.index import EntityIndex
from wiresift.nlp.entities.namesakes import honorific_before, pick
from wiresift.nlp.pipeline import Pipeline

COUPLE = "Harold Brisket and his wife, Marjorie Brisket, opened the diner in 1988.\n\n"


def test_bare_surname_is_not_the_relative_introduced_as_one(pipeline: Pipeline) -> None:
    said = by_cue(quotes_of(pipeline, COUPLE + "Brisket said the rent had tripled."), "said")
    assert said.speaker_name == "Harold Brisket"
    text = "Walt Brisket wrote the poems. His brother, George Brisket, printed them.\n\nBrisket said it was hard."
    assert by_cue(quotes_of(pipeline, text), "said").speaker_name == "Walt Brisket"


def test_courtesy_title_picks_the_woman(pipeline: Pipeline) -> None:
    text = COUPLE + "Mrs Brisket said the recipes came from her grandmother."
    assert by_cue(quotes_of(pipeline, text), "said").speaker_name == "Marjorie Brisket"


def test_first_name_then_surname_goes_on_with_the_one_named(pipeline: Pipeline) -> None:
    text = COUPLE + "Marjorie said the rent had tripled. Brisket added that they would stay."
    quotes = quotes_of(pipeline, text)
    assert by_cue(quotes, "said").speaker_name == "Marjorie Brisket"  # a given name spaCy typed ORG
    assert by_cue(quotes, "added").speaker_name == "Marjorie Brisket"


def _index(text: str, *people: tuple[str, str, list[tuple[int, int]]]) -> EntityIndex:
    index = EntityIndex(text=text)
    for eid, name, mentions in people:
        index.entities[eid] = Entity(id=eid, name=name, type="PERSON")
        for start, end in mentions:
            index.add(start, end, eid)
    return index


def test_pick_by_gender_then_abstains() -> None:
    text = "Mr Ode met Ann Ode. Bo Ode came. Ms Ode spoke."
    index = _index(text, ("e1", "Ann Ode", [(11, 18)]), ("e2", "Bo Ode", [(20, 26), (3, 6)]))
    ms = text.index("Ms Ode") + 3
    assert honorific_before(text, 3) == "m" and honorific_before(text, ms) == "f"
    assert pick(index, ["e1", "e2"], ms, "f") == "e1"  # Bo is "Mr Ode"
    assert pick(index, ["e1", "e2"], ms) == "e2"  # named last, alone in its sentence
    assert pick(index, ["e1", "e2"], 0) is None  # neither named before


def test_pick_abstains_on_two_named_together() -> None:
    text = "Ann Ode and Bo Ode, both farmers, came. Ode spoke."
    index = _index(text, ("e1", "Ann Ode", [(0, 7)]), ("e2", "Bo Ode", [(12, 18)]))
    assert pick(index, ["e1", "e2"], text.index("Ode spoke")) is None
    text = "Ann Ode and her son, Bo Ode, both farmers, came. Ode spoke."
    index = _index(text, ("e1", "Ann Ode", [(0, 7)]), ("e2", "Bo Ode", [(20, 26)]))
    index.entities["e2"].titles.append("her son")
    assert pick(index, ["e1", "e2"], text.index("Ode spoke")) == "e1"  # not the relative


def test_bare_surname_far_from_any_naming_is_the_article_own_person() -> None:
    text = (
        "Nora Vell opened her campaign in Dunmore on Monday. Nora Vell spoke for an hour. "
        "Otto Vell, a former governor, stood at the back of the hall. "
        "The crowd was large. Tickets sold out early. Buses came from three counties. "
        "Vell said the race was hers to lose."
    )
    nora = [(0, 9), (text.index("Nora Vell spoke"), text.index("Nora Vell spoke") + 9)]
    otto = text.index("Otto Vell")
    index = _index(text, ("e1", "Nora Vell", nora), ("e2", "Otto Vell", [(otto, otto + 9)]))
    assert pick(index, ["e1", "e2"], text.index("Vell said")) == "e1"  # named most, not named last
    near = text.replace("The crowd was large. Tickets sold out early. Buses came from three counties. ", "")
    otto = near.index("Otto Vell")
    index = _index(near, ("e1", "Nora Vell", nora), ("e2", "Otto Vell", [(otto, otto + 9)]))
    assert pick(index, ["e1", "e2"], near.index("Vell said")) == "e2"  # named just before: goes on


def test_far_surname_with_a_courtesy_title_needs_a_known_gender() -> None:
    text = "Qoz Pim met Vut Pim. Qoz Pim left. It rained. It snowed. It cleared. Ms Pim spoke."
    index = _index(text, ("e1", "Vut Pim", [(12, 19)]), ("e2", "Qoz Pim", [(0, 7), (21, 28)]))
    pos = text.index("Pim spoke")
    assert pick(index, ["e1", "e2"], pos) == "e2"  # named most
    assert pick(index, ["e1", "e2"], pos, "f") is None  # but not known to be a woman


def test_person_named_inside_the_other_ones_description_is_not_the_speaker() -> None:
    text = "Ann Ode, mother of the late Bo Ode, came. Ode spoke."
    index = _index(text, ("e1", "Ann Ode", [(0, 7)]), ("e2", "Bo Ode", [(28, 34)]))
    index.entities["e1"].titles.append("mother of the late Bo Ode")
    assert pick(index, ["e1", "e2"], text.index("Ode spoke")) == "e1"


def test_far_surname_is_the_person_named_first_not_the_relative_named_often() -> None:
    text = (
        "Nora Vell opened her campaign in Dunmore on Monday. "
        "Her husband, Otto Vell, a former governor, stood at the back of the hall. "
        "Critics raised Otto Vell's record. A rival mocked Otto Vell's pension. "
        "The crowd was large. Tickets sold out early. Buses came from three counties. "
        "Vell said the race was hers to lose."
    )
    ottos = [i for i in range(len(text)) if text.startswith("Otto Vell", i)]
    index = _index(text, ("e1", "Nora Vell", [(0, 9)]), ("e2", "Otto Vell", [(i, i + 9) for i in ottos]))
    assert pick(index, ["e1", "e2"], text.index("Vell said")) == "e1"


def test_pick_before_any_naming_is_the_one_not_introduced_as_a_relative() -> None:
    text = "Ode vows to appeal. Bo Ode, the mayor, came with his son, Cy Ode."
    people = (("e1", "Bo Ode", [(20, 26)]), ("e2", "Cy Ode", [(58, 64)]))
    index = _index(text, *people)
    assert pick(index, ["e1", "e2"], 0) == "e1"
    plain = text.replace("his son, ", "")  # no one introduced as a relative: no guess
    index = _index(plain, ("e1", "Bo Ode", [(20, 26)]), ("e2", "Cy Ode", [(49, 55)]))
    assert plain[49:55] == "Cy Ode" and pick(index, ["e1", "e2"], 0) is None


def test_relative_introduced_by_the_text_not_by_a_title() -> None:
    text = "Ann Ode and her husband, former Mayor Bo Ode, came. Ode spoke."
    index = _index(text, ("e1", "Ann Ode", [(0, 7)]), ("e2", "Bo Ode", [(38, 44)]))
    assert text[38:44] == "Bo Ode" and pick(index, ["e1", "e2"], text.index("Ode spoke")) == "e1"


def test_lead_surname_before_the_full_names_goes_to_the_unrelated_one(pipeline: Pipeline) -> None:
    text = (
        "Ostrowe defends the budget\n\n"
        "“We balanced every line,” Ostrowe told reporters on Monday.\n\n"
        "The mayor, Bo Ostrowe, walked to the council hall with his daughter, Lina Ostrowe, a nurse."
    )
    said = by_cue(quotes_of(pipeline, text), "told")
    assert said.speaker_name == "Bo Ostrowe"


RACE = (
    "Ferrant wins the treasurer race\n\n"
    "Ferrant thanked {p} volunteers on Tuesday night, and {s} promised a full audit of the county books. "
    "{S} will take office in May.\n\n"
    "“We will open every ledger,” Ferrant said.\n\n"
    "{winner} Ferrant, 52, beat {loser} Ferrant, a builder from Eastfield, by 900 votes."
)


def test_pronouns_joined_to_the_bare_surname_tell_which_namesake(pipeline: Pipeline) -> None:
    her = RACE.format(p="her", s="she", S="She", winner="Nadia", loser="Paul")
    assert by_cue(quotes_of(pipeline, her), "said").speaker_name == "Nadia Ferrant"
    his = RACE.format(p="his", s="he", S="He", winner="Paul", loser="Nadia")
    assert by_cue(quotes_of(pipeline, his), "said").speaker_name == "Paul Ferrant"


def test_a_role_joined_to_one_namesake_is_no_naming() -> None:
    text = (
        "Bo Ode, the mayor, came in May. Ann Ode opened the school. She called the mayor a friend. Ode spoke."
    )
    role = text.index("the mayor a")
    index = _index(text, ("e1", "Ann Ode", [(32, 39)]), ("e2", "Bo Ode", [(0, 6), (role, role + 9)]))
    assert text[32:39] == "Ann Ode" and pick(index, ["e1", "e2"], text.index("Ode spoke")) == "e1"


def test_headline_relative_of_a_namesake_is_not_the_owner(pipeline: Pipeline) -> None:
    text = (
        "Marlow’s Son Says The Harbor Deal Is Dead\n\n"
        "Tom Marlow, the harbor commissioner, signed the lease in March. "
        "His son, Evan Marlow, runs the ferry line.\n\n"
        "Marlow said the lease would stand."
    )
    quotes = quotes_of(pipeline, text)
    assert by_cue(quotes, "Says").speaker_name != "Tom Marlow"  # the son speaks, not his father
    assert by_cue(quotes, "said").speaker_name == "Tom Marlow"


def test_kin_word_met_only_at_a_later_naming_is_no_introduction() -> None:
    from wiresift.nlp.entities.namesakes import introduced_as_kin

    text = "Ann Ode opened the hall on Friday. A rival mocked “my dear sister Ann Ode” at a rally."
    later = text.index("Ann Ode”")
    assert not introduced_as_kin(text, ["dear sister"], [(0, 7), (later, later + 7)])
    intro = "Bo Ode came with his sister, Ann Ode, on Friday."
    first = intro.index("Ann Ode")
    assert introduced_as_kin(intro, ["sister"], [(first, first + 7)])

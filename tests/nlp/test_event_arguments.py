"""Which actor acted on which, and where, on invented sentences (issue #14, the events' arguments):
each test is one general pattern of :mod:`~wiresift.nlp.events.roles`,
:mod:`~wiresift.nlp.events.where` or :mod:`~wiresift.nlp.events.modality`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from events_support import coded, place_name, text_of

from wiresift.nlp.pipeline import Pipeline

if TYPE_CHECKING:
    from spacy.language import Language


#: Every stage, the events stage last (the ``pipeline`` fixture of ``tests/conftest.py``).
PIPELINE_STAGES = "all"


def test_an_active_conjunct_of_a_passive_verb_has_the_passive_subject(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline, "The two climbers said they were fed well and later asked their governments to send money."
    )
    asked = found["asked"]
    assert asked.plover == "REQUEST" and asked.source is not None
    assert asked.source.text in ("two climbers", "they")
    assert text_of(asked.target) == "governments"


def test_a_gerund_after_a_preposition_has_the_subject_of_the_verb_it_modifies(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline, "The journalist has lived in hiding since 2015 after seeking asylum at the embassy."
    )
    assert text_of(found["seeking"].source) == "journalist"


def test_the_of_phrase_of_a_meeting_or_a_deployment_is_its_doer(pipeline: Pipeline) -> None:
    doc, found = coded(
        pipeline, "The minister told a meeting of regional police chiefs in Almaty that arrests had risen."
    )
    meeting = found["meeting"]
    assert text_of(meeting.source) == "regional police chiefs" and meeting.target is None
    assert place_name(doc, meeting) == "Almaty"


def test_a_venue_is_no_party_to_a_meeting_or_a_build_up(pipeline: Pipeline) -> None:
    doc, found = coded(
        pipeline, "Defence ministers from four states met in Tashkent on Monday to discuss the border."
    )
    met = found["met"]
    assert met.target is None and place_name(doc, met) == "Tashkent"
    # forces massed somewhere are the build-up's actor, the place is where they mass
    doc, found = coded(
        pipeline, "Some 3,000 fighters are massed in camps in southern Libya, an official said."
    )
    massed = found["massed"]
    assert massed.plover == "MOBILIZE" and massed.target is None
    assert massed.source is not None and "fighters" in massed.source.text
    # a visit's place is its host, a party to it
    _, found = coded(pipeline, "The Iraqi president arrived in Amman on Sunday for talks with King Hussein.")
    assert "arrived" not in found or found["arrived"].target is not None


def test_the_one_an_act_is_done_for_is_no_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The lawsuit was filed by a civil rights lawyer on behalf of the farmers.")
    filed = found["filed"]
    assert text_of(filed.source) == "civil rights lawyer" and filed.target is None


def test_an_event_is_no_actor(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Police said a shooting that killed a guard at the bank was planned.")
    killed = found.get("killed")
    assert killed is None or killed.source is None


def test_who_brings_the_charges_someone_faces(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The former mayor faces 12 charges of fraud in Spain.")
    faces = found["faces"]
    assert text_of(faces.target) == "former mayor"
    assert faces.source is not None and faces.source.code == "ESP"


def test_an_avoided_event_did_not_happen_to_the_one_who_avoided_it(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The journalist, who denies the charges, has avoided arrest since 2015.")
    arrest = found["arrest"]
    assert arrest.negated and arrest.source is None and text_of(arrest.target) == "journalist"


def test_a_place_that_is_a_verbs_subject_is_an_actor_not_a_scene(pipeline: Pipeline) -> None:
    doc, found = coded(
        pipeline,
        "When the premier announced the deal last week, he said Ankara had ensured that the men would stay.",
    )
    assert place_name(doc, found["deal"]) is None
    # a place in the trigger's own clause stays the scene
    doc, found = coded(pipeline, "Rebels attacked a convoy near Goma after Kinshasa rejected the talks.")
    assert place_name(doc, found["attacked"]) == "Goma"
    assert place_name(doc, found["rejected"]) is None


def test_a_nouns_doer_is_no_intender(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "A truce would allow for the gradual withdrawal of the foreign troops.")
    assert "withdrawal" not in found
    _, found = coded(pipeline, "Kazakhstan will hold talks with Tajikistan in May.")
    talks = found.get("talks") or found["hold"]  # the talks, or the light verb's intention
    assert talks.hypothetical == "future" and talks.source is not None and talks.source.code == "KAZ"


def test_common_abbreviations_and_minorities_are_coded(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The PRC accused the UK of meddling in its affairs.")
    accused = found["accused"]
    assert accused.source is not None and accused.source.code == "CHN"
    assert accused.target is not None and accused.target.code == "GBR"
    # a minority is coded by the country it lives in, when the sentence names it
    _, found = coded(pipeline, "Ethnic Hungarians in northern Serbia demanded more autonomy on Monday.")
    assert found["demanded"].source is not None and found["demanded"].source.code == "SRB"


def test_hostages_released_are_the_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Two hostages were released on Tuesday in a swap for three insurgents.")
    assert text_of(found["released"].target) == "Two hostages"


def test_a_target_place_is_the_scene_only_of_an_event_done_there(pipeline: Pipeline) -> None:
    doc, found = coded(pipeline, "Russian forces shelled Kharkiv, the Ukrainian defence ministry said.")
    # the attackers' nationality is not the scene of an attack abroad; the town shelled is
    assert place_name(doc, found["shelled"]) == "Kharkiv"
    doc, found = coded(pipeline, "The United States imposed new sanctions on Iran on Monday.")
    assert place_name(doc, found["imposed"]) is None


def test_allies_in_an_attack_are_not_each_others_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Turkish troops and Syrian rebels captured the town of Afrin.")
    captured = found["captured"]
    assert captured.target is None or "rebels" not in captured.target.text


def test_the_speaker_is_not_the_doer_of_what_they_report(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, 'Gunmen entered the town at dawn. "They shelled the market," the mayor said.')
    assert all(e.source is None or e.source.text != "mayor" for e in found.values())
    _, found = coded(pipeline, "The mayor said they had shelled the market overnight.")
    assert all(e.source is None or e.source.text != "mayor" for e in found.values())
    # unless the pronoun can be the speaker: "Ghana said it would permit"
    _, found = coded(pipeline, "The Iraqi government declared that it was ready to impose a curfew.")
    impose = found["impose"]
    assert impose.source is not None and impose.source.code == "IRQ"


def test_events_that_nothing_says_happened(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline, "Officials rejected reports that soldiers had killed civilians in the village."
    )
    assert found["killed"].negated and found["killed"].hypothetical == "denied"
    _, found = coded(pipeline, "There were no reports of clashes in the capital on Sunday.")
    assert "clashes" not in found or found["clashes"].negated
    _, found = coded(pipeline, "Police said there was no evidence the man had been attacked.")
    assert "attacked" not in found or found["attacked"].negated
    # an event noun under a modal verb is no report of what happened
    _, found = coded(pipeline, "Heavy fighting could resume in the valley next month.")
    assert "fighting" not in found or found["fighting"].hypothetical is not None


def test_a_weapon_is_no_actor(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Three soldiers were killed by a roadside bomb near Kandahar.")
    assert found["killed"].source is None and text_of(found["killed"].target) == "Three soldiers"
    _, found = coded(pipeline, "Gunmen killed five people in Mogadishu on Friday.")
    assert text_of(found["killed"].source) == "Gunmen"


def test_a_named_person_visited_is_the_target_not_the_city(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The senator visited Maria Lopez in Paris last year.")
    visit = found["visited"]
    assert visit.target is not None and visit.target.text == "Maria Lopez"


def test_a_coordinated_verb_shares_its_first_conjuncts_modal(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Moldova said it would recall its envoy and expel two Russian diplomats.")
    assert found["expel"].hypothetical is not None


def test_a_named_persons_nationality_is_no_scene(pipeline: Pipeline) -> None:
    doc, found = coded(
        pipeline, "Peruvian President Ada Brisket announced a prisoner exchange with the rebels."
    )
    assert place_name(doc, found["exchange"]) is None
    # nor is a group actor's: the sentence names no scene ("an actor's country is no such place")
    doc, found = coded(pipeline, "Malian soldiers attacked a rebel camp on Monday.")
    assert place_name(doc, found["attacked"]) is None


def test_an_act_is_no_target_the_one_it_is_done_to_is(pipeline: Pipeline) -> None:
    for text in (
        "France is seeking Marco Lenz's extradition from Britain.",
        "The United States is seeking the extradition of Marco Lenz from Canada over the fraud.",
    ):
        seek = coded(pipeline, text)[1]["seeking"]
        assert seek.target is not None and seek.target.text in {"Marco Lenz", "Britain", "Canada"}


def test_the_object_made_to_act_is_the_doer_of_the_infinitive(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "The sanctions forced Iran to release the prisoners.")
    assert found["release"].source is not None and found["release"].source.text == "Iran"
    # an instrument is used, it does not act
    _, found = coded(pipeline, "Police officers used tear gas canisters to disperse the protesters in Tarvo.")
    assert (disperse := found["disperse the protesters"]).source is not None
    assert "gas" not in disperse.source.text
    # a relative pronoun is the thing planned, not who acts
    _, found = coded(pipeline, "The tariffs that the government plans to impose on steel angered Ottawa.")
    assert found["impose"].source is not None and found["impose"].source.text == "government"


def test_a_bare_done_to_participle_has_its_subject_as_target(nlp: Language) -> None:
    from wiresift.nlp.events.roles import verb_roles

    doc = nlp("Three police officers killed during a raid and shootout in the east.")
    source, target = verb_roles(next(t for t in doc if t.lower_ == "killed"))
    assert source is None and target is not None and target.lower_ == "officers"
    doc = nlp("The gunmen killed three villagers.")  # an object: an ordinary active verb
    source, target = verb_roles(next(t for t in doc if t.lower_ == "killed"))
    assert source is not None and source.lower_ == "gunmen"


def test_coordinated_doers_of_a_one_sided_event_are_not_each_others_target(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Farmers and traders complained of poor roads in the province.")
    complained = found["complained"]
    assert complained.target is None
    _, found = coded(pipeline, "Armenia and Azerbaijan signed a ceasefire agreement on Tuesday.")
    assert found["signed"].target is not None


def test_a_persons_home_town_is_no_scene(pipeline: Pipeline) -> None:
    doc, found = coded(pipeline, "The Ohio driver was killed when his truck hit a wall.")
    assert text_of(found["killed"].target) == "Ohio driver" and found["killed"].place is None
    # a scene's owner keeps the town: the raid happened at the dentist's house
    doc, found = coded(pipeline, "A man was stabbed during a raid at the house of a Denver dentist.")
    assert place_name(doc, found["stabbed"]) == "Denver"
    # a dateline after a headline names where the reporter is
    doc, found = coded(
        pipeline,
        "Fresno man held on theft charges\nFRESNO — A 30-year-old Fresno man faces theft charges after"
        " police stopped him on Monday.",
    )
    assert all(e.place is None for e in doc.events)


def test_a_clause_above_lends_no_subject_that_cannot_act(pipeline: Pipeline) -> None:
    # the parse makes "police" a conjunct of "areas": it is the subject of the verb it stands before
    _, found = coded(
        pipeline, "Scuffles broke out near the stadium and police fired pepper spray at the crowd."
    )
    assert text_of(found["fired"].source) == "police"
    # a reported clause's verb coordinated with it shares the speaker, not the clause's thing subject
    _, found = coded(
        pipeline,
        "The union said on Friday that the new contract has angered workers with pay cuts, and demanded a"
        " pay rise.",
    )
    assert text_of(found["demanded"].source) == "union"


def test_an_event_noun_of_means_is_done_by_the_verbs_subject(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline, "Lima's teachers have greeted the new minister via a noisy rally, with thousands joining."
    )
    assert text_of(found["rally"].source) == "Lima's teachers"


def test_people_counted_by_a_quantity_are_the_target(pipeline: Pipeline) -> None:
    _, found = coded(
        pipeline, "Prosecutors said the coach abused dozens of young girls at a training camp in Denver."
    )
    assert text_of(found["abused"].target) == "young girls"


def test_a_restrictive_who_belongs_to_the_people_just_before_it(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Lawyers for the abused students who are suing the school will seek damages.")
    assert text_of(found["suing"].source) == "abused students"
    # not to a body they belong to
    _, found = coded(pipeline, "The leaders of the union, who called a strike, met the minister.")
    assert text_of(found["called"].source) != "union"


def test_a_place_in_an_organisations_name_is_no_scene(pipeline: Pipeline) -> None:
    _, found = coded(pipeline, "Two lecturers at the Northgate University of Kabul were abducted by gunmen.")
    assert found["abducted"].place is None

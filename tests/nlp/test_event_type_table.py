"""Event types on a table of 173 invented news sentences, six to seventeen per PLOVER category,
worded unlike the CAMEO manual's examples (varied verbs and nouns): the main event's category. The
cases the coder still gets wrong are marked with their cause and must keep failing until it is fixed
(strict xfail). The labels follow the PLOVER gold records' conventions: signing an agreement is
SUPPORT (CAMEO 057), a promise of future aid is AGREE, an indictment or a charge is ACCUSE."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from wiresift.model import Document
from wiresift.nlp.pipeline import Pipeline

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture(scope="module")
def pipeline(nlp: Language) -> Pipeline:
    return Pipeline()


def _case(text: str, plover: str, known: str | None = None) -> object:
    marks = [pytest.mark.xfail(reason=known, strict=True)] if known else []
    return pytest.param(text, plover, marks=marks, id=text[:40])


CASES = [
    _case("The two governments agreed on Tuesday to reopen their shared border crossing.", "AGREE"),
    _case("Rebel commanders promised to hand over their heavy weapons by the end of the month.", "AGREE"),
    _case("Leaders of the three parties signed a power-sharing deal in the capital on Sunday.", "SUPPORT"),
    _case("Kenya pledged to send a police contingent to the mission next year.", "AGREE"),
    _case("The union accepted the government's offer of talks.", "AGREE"),
    _case("The French president met his Nigerian counterpart in Abuja on Monday.", "CONSULT"),
    _case("Foreign ministers of the bloc held talks on the crisis in Brussels.", "CONSULT"),
    _case("The Japanese prime minister arrived in Hanoi for a two-day official visit.", "CONSULT"),
    _case(
        "The Turkish leader spoke by telephone with the Ukrainian president about grain exports.",
        "CONSULT",
    ),
    _case("Norway's envoy is mediating between the government and the rebels.", "CONSULT"),
    _case("The European Union praised Ghana's handling of the election.", "SUPPORT"),
    _case("Washington welcomed the decision of the court.", "SUPPORT"),
    _case("Brazil formally recognised the new government in Kabul.", "SUPPORT"),
    _case("The minister apologised to the families of the victims for the delays.", "SUPPORT"),
    _case("The opposition leader endorsed the peace plan on Saturday.", "SUPPORT"),
    _case(
        "The two navies will share intelligence on pirate movements in the gulf.",
        "COOPERATE",
        "the dictionary's SHARE pattern reads &EVIDENCE, not intelligence",
    ),
    _case("Germany extradited the suspect to France at the request of Paris prosecutors.", "COOPERATE"),
    _case("Egypt and Sudan exchanged intelligence on militant movements along their border.", "COOPERATE"),
    _case(
        "The two police forces worked together to dismantle the network.",
        "COOPERATE",
        "no dictionary entry for working together",
    ),
    _case("Japan sent 20 tonnes of food and medicine to the flood-hit region.", "AID"),
    _case("The World Bank granted Malawi a $50 million loan to rebuild roads.", "AID"),
    _case("Sweden gave asylum to the dissident writer.", "AID"),
    _case("The United States will provide Taiwan with anti-ship missiles, the Pentagon said.", "AGREE"),
    _case("Aid agencies delivered tents and blankets to displaced families in the north.", "AID"),
    _case("The junta lifted its ban on opposition parties ahead of the vote.", "CONCEDE"),
    _case("The prime minister resigned after weeks of street protests.", "CONCEDE"),
    _case("Authorities eased restrictions on public gatherings in the capital.", "CONCEDE"),
    _case("The government bowed to pressure from unions and scrapped the planned fuel tax.", "CONCEDE"),
    _case("Rebels freed twelve hostages on Thursday after talks with tribal elders.", "RETREAT"),
    _case("Russian troops pulled out of the town overnight.", "RETREAT"),
    _case("The militia laid down its arms in exchange for an amnesty.", "RETREAT"),
    _case("The two armies declared a truce for the holiday.", "RETREAT"),
    _case("Washington lifted sanctions on the country's oil exports.", "RETREAT"),
    _case("The opposition accused the ruling party of rigging the vote.", "ACCUSE"),
    _case("Amnesty International condemned the hanging of three activists.", "ACCUSE"),
    _case("Prosecutors opened an investigation into the mayor's use of public funds.", "ACCUSE"),
    _case(
        "The foreign ministry criticised the neighbouring country's plan to build a dam on the river.",
        "ACCUSE",
    ),
    _case("The family sued the police force over his death in custody.", "ACCUSE"),
    _case("The UN chief urged both sides to return to the negotiating table.", "REQUEST"),
    _case("Farmers demanded higher prices for their crops.", "REQUEST"),
    _case("The Lebanese government appealed for international aid after the floods.", "REQUEST"),
    _case("The president called on parliament to pass the budget before the recess.", "REQUEST"),
    _case("Human rights groups asked the government to free the detained activists.", "REQUEST"),
    _case("The rebels rejected the government's offer of talks.", "REJECT"),
    _case("Israel refused to allow the inspectors into the site.", "REJECT"),
    _case("Russia vetoed the Security Council resolution on the ceasefire.", "REJECT"),
    _case("The company defied a court order to halt the demolitions.", "REJECT"),
    _case("The president threatened to expel the foreign diplomats.", "THREATEN"),
    _case("North Korea warned of a merciless response if the drills go ahead.", "THREATEN"),
    _case(
        "The union threatened a nationwide strike if wages are not raised.",
        "THREATEN",
        "a block-coded verb needs a dictionary actor; a union is none",
    ),
    _case("Beijing gave Manila an ultimatum to withdraw its ships within 48 hours.", "THREATEN"),
    _case("The militants vowed to attack the city if the army advanced.", "THREATEN"),
    _case("Thousands of students marched through the capital to demand free tuition.", "PROTEST"),
    _case("Dock workers went on strike over unpaid wages.", "PROTEST"),
    _case("Demonstrators blocked the main highway into the city for six hours.", "PROTEST"),
    _case("Angry residents rioted after the police shooting of a teenager.", "PROTEST"),
    _case("Dozens of inmates began a hunger strike over their conditions.", "PROTEST"),
    _case("The army put its troops on high alert along the northern frontier.", "MOBILIZE"),
    _case("The government deployed 2,000 police officers to the restive province.", "MOBILIZE"),
    _case("Moscow massed tanks and artillery near the border.", "MOBILIZE"),
    _case("Reservists were called up as tensions with the neighbour rose.", "MOBILIZE"),
    _case(
        "The navy sent two warships to the disputed waters.",
        "MOBILIZE",
        "the dictionary's own pattern (SEND * WARSHIPS (TO)) codes intent to give military aid",
    ),
    _case("Morocco recalled its ambassador from Algeria for consultations.", "SANCTION"),
    _case("The European Union imposed sanctions on five senior generals.", "SANCTION"),
    _case("Washington suspended military aid to the country after the coup.", "SANCTION"),
    _case("The government expelled two diplomats accused of spying.", "SANCTION"),
    _case(
        "The opposition walked out of the peace talks on Friday.",
        "SANCTION",
        "the dictionary files WALK_OUT under going somewhere (040)",
    ),
    _case("The country broke off diplomatic relations with Iran.", "SANCTION"),
    _case("Police arrested 30 people suspected of planning attacks.", "COERCE"),
    _case("The authorities imposed a night curfew on the city.", "COERCE"),
    _case("Border guards seized a shipment of weapons at the port.", "COERCE"),
    _case("The country deported hundreds of migrants to their home countries.", "COERCE"),
    _case("The government declared a state of emergency in three provinces.", "COERCE"),
    _case("Soldiers detained the opposition leader at his home.", "COERCE"),
    _case("Gunmen killed eleven villagers in a raid on Friday night.", "ASSAULT"),
    _case("Warplanes bombed rebel positions outside the city.", "ASSAULT"),
    _case("A suicide bomber blew himself up at a checkpoint, killing four soldiers.", "ASSAULT"),
    _case("Militants kidnapped two aid workers on the road to the airport.", "ASSAULT"),
    _case("Troops shelled the village for a second day.", "ASSAULT"),
    _case("Government forces clashed with insurgents near the dam.", "ASSAULT"),
    _case("Ethiopia and Eritrea reached an agreement to demarcate their border.", "AGREE"),
    _case("The junta offered to hold elections within eighteen months.", "AGREE"),
    _case("The rebels said they were ready to negotiate with the government.", "AGREE"),
    _case("The Indian foreign minister held discussions with his Chinese counterpart in Moscow.", "CONSULT"),
    _case("The Pope received the Argentine president at the Vatican on Thursday.", "CONSULT"),
    _case("Envoys from both countries gathered in Geneva for a new round of negotiations.", "CONSULT"),
    _case("The German chancellor travelled to Kyiv to meet the Ukrainian leadership.", "CONSULT"),
    _case("The prime minister hailed the agreement as a historic step.", "SUPPORT"),
    _case("France voiced support for the Moroccan autonomy plan.", "SUPPORT"),
    _case("The senator defended the president's decision to pull out of the accord.", "SUPPORT"),
    _case(
        "Spain and Portugal will conduct joint patrols to combat drug trafficking.",
        "COOPERATE",
        "planned joint patrols read as a planned show of force",
    ),
    _case("The two intelligence agencies agreed to pool their resources against cyber attacks.", "AGREE"),
    _case(
        "Qatar funded the reconstruction of 500 homes in Gaza.",
        "AID",
        "the dictionary codes funding as economic cooperation (061)",
    ),
    _case("The UN airlifted medical supplies to the besieged town.", "AID"),
    _case(
        "Canada granted refugee status to the fleeing activists.",
        "AID",
        "granting refugee status is not read as asylum",
    ),
    _case("The regime released 200 political prisoners under an amnesty.", "RETREAT"),
    _case("Israeli forces withdrew from the northern part of the town.", "RETREAT"),
    _case("The guerrillas handed back the bodies of three soldiers.", "RETREAT"),
    _case(
        "The government allowed UN inspectors to visit the nuclear plant.",
        "RETREAT",
        "ALLOW codes by its block (080) before its content",
    ),
    _case(
        "The government reinstated the banned newspaper after an outcry.",
        "CONCEDE",
        "REINSTATE has no code in the dictionary",
    ),
    _case("The president stepped down amid mass protests.", "CONCEDE"),
    _case("Lawmakers blamed the interior ministry for the stampede.", "ACCUSE"),
    _case("The watchdog launched a probe into the bank's lending practices.", "ACCUSE"),
    _case("Beijing denounced the arms sale as interference in its internal affairs.", "ACCUSE"),
    _case(
        "A court found the former minister guilty of corruption.",
        "ACCUSE",
        "no pattern for finding someone guilty",
    ),
    _case("The opposition demanded the resignation of the interior minister.", "REQUEST"),
    _case("The Red Cross appealed to the warring parties to spare civilians.", "REQUEST"),
    _case("Kyiv asked its allies for more air defence systems.", "REQUEST"),
    _case("The government turned down the IMF's demand for spending cuts.", "REJECT"),
    _case("The militia refused to disarm despite the peace deal.", "REJECT"),
    _case("The court dismissed the opposition's petition to annul the vote.", "REJECT"),
    _case("The army chief warned that any incursion would be met with force.", "THREATEN"),
    _case("Protesters threatened to occupy the parliament building.", "THREATEN"),
    _case("Tehran threatened to close the Strait of Hormuz.", "THREATEN"),
    _case(
        "Hundreds of nurses staged a sit-in outside the health ministry.",
        "PROTEST",
        "spaCy splits the noun 'sit-in'",
    ),
    _case(
        "Teachers walked off the job across the country on Monday.",
        "PROTEST",
        "no entry for walking off the job",
    ),
    _case("Supporters of the jailed leader took to the streets in several cities.", "PROTEST"),
    _case(
        "Taxi drivers boycotted the new airport terminal.",
        "PROTEST",
        "a boycott by civilians codes as a state's boycott (163), no dictionary actor",
    ),
    _case("The army mobilised 10,000 reservists after the border incident.", "MOBILIZE"),
    _case("Police were placed on high alert ahead of the verdict.", "MOBILIZE"),
    _case(
        "Armoured columns moved towards the frontier overnight.",
        "MOBILIZE",
        "movement of armed columns is not read as a deployment",
    ),
    _case("The United States cut off aid to the military government.", "SANCTION"),
    _case("Lithuania closed its embassy in Minsk.", "SANCTION"),
    _case("The bloc froze the assets of three oligarchs.", "SANCTION"),
    _case(
        "Police raided the offices of the opposition newspaper.",
        "COERCE",
        "a police raid codes as a military attack (190)",
    ),
    _case("The authorities banned all public gatherings in the region.", "COERCE"),
    _case("The regime blocked access to social media during the vote.", "COERCE"),
    _case(
        "The coast guard intercepted a boat carrying 60 migrants.",
        "COERCE",
        "INTERCEPT has no code in the dictionary",
    ),
    _case("Insurgents ambushed a military convoy, killing six soldiers.", "ASSAULT"),
    _case("A car bomb exploded outside a police station in the city.", "ASSAULT"),
    _case("Rebels fired mortars at the airport.", "ASSAULT"),
    _case("Unknown assailants stabbed a journalist outside his home.", "ASSAULT"),
    _case("Security forces opened fire on the crowd, killing three people.", "ASSAULT"),
    _case("The two leaders agreed to set up a joint commission on water sharing.", "AGREE"),
    _case("Tokyo promised to boost its contribution to the relief fund.", "AGREE"),
    _case("The Chinese premier hosted the Brazilian president in Beijing.", "CONSULT"),
    _case(
        "Officials from both ministries discussed border security in Islamabad.",
        "CONSULT",
        "a block-coded verb needs a dictionary actor ('officials from both ministries')",
    ),
    _case(
        "The UN envoy shuttled between the two capitals this week.",
        "CONSULT",
        "SHUTTLE codes nothing without a pattern",
    ),
    _case("The president congratulated the new prime minister on her victory.", "SUPPORT"),
    _case("Seoul thanked Washington for its support during the crisis.", "SUPPORT"),
    _case(
        "Interpol helped Italian police track down the fugitive.",
        "COOPERATE",
        "helping is coded as aid (070), not cooperation",
    ),
    _case(
        "The European Investment Bank lent Tunisia 200 million euros.",
        "AID",
        "the dictionary codes lending by its block (060), not as economic aid",
    ),
    _case("Volunteers distributed food parcels to families in the camp.", "AID"),
    _case("The kidnappers released the engineer after a ransom was paid.", "RETREAT"),
    _case("The army returned the seized land to the villagers.", "RETREAT", "no RETURN pattern for land"),
    _case("Both militias agreed to a ceasefire starting at midnight.", "AGREE"),
    _case(
        "The government restored internet access in the province.",
        "CONCEDE",
        "RESTORE codes nothing without a pattern",
    ),
    _case(
        "Investigators questioned the former general about the massacre.",
        "ACCUSE",
        "QUESTION codes nothing; the massacre it is about becomes the event",
    ),
    _case(
        "The opposition leader slammed the budget as a betrayal of workers.",
        "ACCUSE",
        "SLAM is read as an attack verb; criticism takes no pattern",
    ),
    _case("The mayor was charged with embezzlement.", "ACCUSE"),
    _case(
        "The ministry summoned the Dutch ambassador to protest the remarks.",
        "ACCUSE",
        "SUMMON codes as a meeting (040)",
    ),
    _case("Activists petitioned the court to halt the deportations.", "REQUEST"),
    _case("Parents pleaded with the kidnappers to free the children.", "REQUEST"),
    _case(
        "The council ignored repeated calls to reopen the hospital.",
        "REJECT",
        "ignoring calls has no pattern; the call's content becomes the event",
    ),
    _case("The regime rebuffed the mediators' proposal.", "REJECT"),
    _case("The cartel threatened to kill the journalists who covered the story.", "THREATEN"),
    _case("Washington warned Pyongyang against further missile tests.", "THREATEN"),
    _case("Farmers blocked roads with tractors to protest the new tax.", "PROTEST"),
    _case("Thousands rallied in the capital against the election result.", "PROTEST"),
    _case("Workers at the port downed tools for a third day.", "PROTEST", "no entry for downing tools"),
    _case("The country increased its troop presence along the frontier.", "MOBILIZE"),
    _case("The army conducted large-scale drills near the disputed islands.", "MOBILIZE"),
    _case("The government severed ties with Taipei.", "SANCTION"),
    _case("Washington halted arms sales to the kingdom.", "SANCTION", "no HALT pattern for arms sales"),
    _case("The military seized control of the state television station.", "COERCE"),
    _case("Police confiscated 40 rifles during the search.", "COERCE"),
    _case("The authorities expelled the foreign correspondent.", "COERCE"),
    _case("Gunmen abducted a village chief in the north.", "ASSAULT"),
    _case("Fighter jets struck an ammunition depot near the city.", "ASSAULT"),
    _case("A roadside bomb killed two soldiers on patrol.", "ASSAULT"),
    _case("The rebels shot down a military helicopter.", "ASSAULT"),
    _case("Militiamen torched dozens of homes in the village.", "ASSAULT"),
    _case(
        "Troops stormed the rebel stronghold at dawn.",
        "ASSAULT",
        "the dictionary's pattern codes storming a stronghold as occupation (192)",
    ),
]


@pytest.mark.parametrize(("text", "plover"), CASES)
def test_main_event_type(pipeline: Pipeline, text: str, plover: str) -> None:
    doc = pipeline(Document(text=text, published="2023-05-02"))
    assert doc.errors == []
    assert (doc.events[0].plover if doc.events else None) == plover

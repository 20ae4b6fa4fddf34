"""Invented news paragraphs with the persons they name and the roles the text gives them.

Every paragraph is made up for these tests (no sentence of any evaluation corpus). ``DEV`` was
read while the rules were written; ``HELD_OUT`` was written at the same time but only scored at
the end, to tell whether the rules generalise. Each case: the text, the expected persons
(name -> words one of its titles must contain, or None when the text gives no role), and
surfaces that must not be a PERSON entity.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    text: str
    persons: dict[str, str | None]
    not_persons: tuple[str, ...] = field(default=())


DEV = [
    Case(
        "Tom Clougherty, a tax expert at the Institute for Fiscal Studies, said the plan was flawed. "
        "Mr Clougherty added that the timing was poor.",
        {"Tom Clougherty": "tax expert"},
    ),
    Case(
        "Russian president Vladimir Petrov met the German chancellor Anna Weber in Berlin on Monday.",
        {"Vladimir Petrov": "president", "Anna Weber": "chancellor"},
    ),
    Case(
        "A new survey puts Daniel Harlow 43% ahead of his nearest rival in the race for governor.",
        {"Daniel Harlow": None},
        ("Daniel Harlow 43%",),
    ),
    Case(
        "Critics dismissed Marlowenomics as a slogan, while Sarah Marlowe defended her record.",
        {"Sarah Marlowe": None},
        ("Marlowenomics",),
    ),
    Case(
        "Maria Lopez is the mayor of Springfield. She told residents the bridge would reopen in May.",
        {"Maria Lopez": "mayor"},
    ),
    Case(
        "Kevin O’Connor, the team's coach, said the players were tired. O’Connor did not take questions.",
        {"Kevin O’Connor": "coach"},
    ),
    Case(
        "Fighting was reported in Ménaka and near Gao, Mali, on Sunday, a local official said.",
        {},
        ("Ménaka", "Gao"),
    ),
    Case(
        "Foreign Minister Leila Haddad arrived in Geneva for the talks. The minister said progress was slow.",
        {"Leila Haddad": "Foreign Minister"},
    ),
    Case(
        "The company's chief executive, Robert Finch, announced 400 job cuts on Tuesday.",
        {"Robert Finch": "chief executive"},
    ),
    Case(
        "Jane Whitlock and Peter Whitlock, who run the bakery together, said sales had doubled. "
        "Whitlock said the new oven helped.",
        {"Jane Whitlock": None, "Peter Whitlock": None},
    ),
    Case(
        "Officials at the Bank of Canada's headquarters said rates would hold, according to Carla Mendes, "
        "an economist at a Toronto bank.",
        {"Carla Mendes": "economist"},
        ("Bank of Canada's",),
    ),
    Case(
        "The MPs voted against the motion, and the blazers worn by the delegates sold out within hours.",
        {},
        ("MPs", "blazers"),
    ),
    Case(
        "Dr Amara Okafor, a surgeon at St Luke's hospital, said the ward was full. Dr Okafor urged "
        "patients to stay home.",
        {"Amara Okafor": "surgeon"},
    ),
    Case(
        "Chancellor Henrik Dahl will present the budget next week, his office said.",
        {"Henrik Dahl": "Chancellor"},
    ),
    Case(
        "Delegates flew in from Baku for the summit, which was chaired by Elena Varga, the bloc's "
        "secretary general.",
        {"Elena Varga": "secretary general"},
        ("Baku",),
    ),
    Case(
        "Samuel Ortiz was appointed finance minister on Friday. Ortiz replaces a veteran of the party.",
        {"Samuel Ortiz": "finance minister"},
    ),
    Case(
        "Senator Grace Holloway, a Democrat from Ohio, introduced the bill. Ms Holloway said it had "
        "support from both parties.",
        {"Grace Holloway": "Senator"},
    ),
    Case(
        "The striker Luca Moretti scored twice as the visitors won 3-1. Moretti has now scored nine "
        "goals this season.",
        {"Luca Moretti": "striker"},
    ),
]

HELD_OUT = [
    Case(
        "Nadia Rahimi, the city's police chief, said two men had been arrested. Ms Rahimi declined to "
        "name them.",
        {"Nadia Rahimi": "police chief"},
    ),
    Case(
        "Former prime minister Arthur Penrose criticised the deal on Sunday. Penrose said it gave away "
        "too much.",
        {"Arthur Penrose": "prime minister"},
    ),
    Case(
        "Aid workers in Timbuktu said supplies were running low, according to Hamid Traore, a spokesman "
        "for the agency.",
        {"Hamid Traore": "spokesman"},
        ("Timbuktu",),
    ),
    Case(
        "Brazilian president Rafael Nunes will visit Lisbon next month, his spokeswoman said.",
        {"Rafael Nunes": "president"},
    ),
    Case(
        "Claire Dubois is a professor of geography at the university. She said the figures were "
        "worse than expected.",
        {"Claire Dubois": "professor"},
    ),
    Case(
        "Owen McAllister, the club's owner, said the stadium would be rebuilt. Mr McAllister bought the "
        "club in 2019.",
        {"Owen McAllister": "owner"},
    ),
    Case(
        "Interior Minister Yusuf Demir said the border would stay closed. The minister spoke after a "
        "meeting in Ankara.",
        {"Yusuf Demir": "Interior Minister"},
    ),
    Case(
        "Polls give Irene Kovacs 38% of the vote, well ahead of the incumbent.",
        {"Irene Kovacs": None},
        ("Irene Kovacs 38%",),
    ),
    Case(
        "Commentators mocked Haldanism as an empty idea, but Victor Haldane said voters liked it.",
        {"Victor Haldane": None},
        ("Haldanism",),
    ),
    Case(
        "Patrick D’Souza, a lawyer for the family, said they would appeal. D’Souza called the ruling unfair.",
        {"Patrick D’Souza": "lawyer"},
    ),
    Case(
        "Shelling hit homes in Kherson overnight, regional governor Olena Marchuk said.",
        {"Olena Marchuk": "governor"},
        ("Kherson",),
    ),
    Case(
        "Ben Carter and Lucy Carter, the couple who founded the charity, said donations had fallen. "
        "Carter said they would cut staff.",
        {"Ben Carter": None, "Lucy Carter": None},
    ),
    Case(
        "The airline's chief financial officer, Priya Nair, said fuel costs had risen sharply.",
        {"Priya Nair": "chief financial officer"},
    ),
    Case(
        "Ahmed Siddiqui became the party's leader in March. Siddiqui has promised lower taxes.",
        {"Ahmed Siddiqui": "leader"},
    ),
    Case(
        "US Defence Secretary Mark Ellison met troops at a base near Kabul. Ellison said the mission "
        "would continue.",
        {"Mark Ellison": "Defence Secretary"},
    ),
    Case(
        "Judge Ruth Abernathy rejected the request on Thursday. Abernathy said the law was clear.",
        {"Ruth Abernathy": "Judge"},
    ),
    Case(
        "Farmers from Lleida protested in the capital, said Jordi Puig, the head of a farmers' union.",
        {"Jordi Puig": "head of a farmers' union"},
        ("Lleida",),
    ),
    Case(
        "Sophie Lang, 34, a nurse from Leeds, said her shifts had doubled. Lang has worked at the "
        "hospital for ten years.",
        {"Sophie Lang": "nurse"},
    ),
]

"""How sure the resolved speaker of a quote is: a small logistic regression over how the speaker was
found, with its weights learned on PolNeAR train by ``training/learn_speaker_confidence.py``
(``make learn-confidence``) and the abstention threshold chosen on PolNeAR dev by the same script.

Features (:class:`Evidence`): how the local mention was found (the subject of the quote's cue,
inherited from the quote before, the subject of the last reporting verb before an uncued quote, a
mark such as a colon line or "according to"), what the mention is (a name, a pronoun, a nominal),
how it was resolved (at the mention itself, to the previous quote's speaker, to an earlier
antecedent, by an office title, an organisation nominal, a poll's sponsor), the resolved entity's
type, how far the antecedent and the quote are from the mention, how many other persons were named
in between, and whether a pronoun agrees in number with its entity. For a pronoun or nominal the
coreference model reads as an anaphor, how sure that model is of the entity
(:class:`~wiresift.nlp.entities.coref.CorefEvidence`): its margin over the next candidate, whether
a rival the pronoun's gender fits is in reach, and whether the entity's last mention was itself a
pronoun joined before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from wiresift.nlp.entities.coref import CorefEvidence
from wiresift.nlp.quotes.confidence_weights import BIAS, THRESHOLD, WEIGHTS

HOWS = ("subject", "inherited", "fallback", "marked")
MENTIONS = ("name", "pronoun", "nominal")
RESOLUTIONS = (
    "at_mention",
    "prev_speaker",
    "antecedent",
    "titled",
    "org_name",
    "org_kind",
    "org_single",
    "poll_sponsor",
    "role_title",
)
#: Ways of finding the mention that carry a speaker over from elsewhere (the quote before, the last
#: reporting verb): their distance to the quote is a different feature from a cue's.
CARRIED = ("inherited", "fallback")
#: Distances are counted in units of this many characters (about a sentence), on a log scale.
DISTANCE_UNIT = 100.0
#: More persons than this between the antecedent and the mention count as this many.
MAX_BETWEEN = 4


@dataclass
class Evidence:
    """How one quote's speaker was found and resolved."""

    how: str  # one of HOWS
    mention: str  # one of MENTIONS
    resolution: str  # one of RESOLUTIONS
    entity_type: str  # the resolved entity's type
    antecedent_chars: int  # from the antecedent mention's end to the speaker mention (0: at the mention)
    quote_chars: int  # from the speaker mention to the quote
    persons_between: int  # other persons named between the antecedent and the mention
    disagrees: bool  # a plural pronoun for a person or a singular one for an organisation
    direct: bool  # the quote is in quotation marks
    statement: bool  # the quote's mode is a statement
    coref: CorefEvidence | None = None  # the coreference model's view of an anaphor's entity


def feature_names() -> list[str]:
    return [
        *(f"how={h}" for h in HOWS),
        *(f"mention={m}" for m in MENTIONS),
        *(f"resolution={r}" for r in RESOLUTIONS),
        "type=PERSON",
        "type=ORG",
        "named_at_cue",
        "log_antecedent_distance",
        "log_quote_distance",
        "log_carried_distance",
        "persons_between",
        "disagrees",
        "direct",
        "statement",
        *COREF_FEATURES,
    ]


#: The coreference model's view of an anaphor's entity. Its raw probability and the sentences back to
#: the entity were tried too: fitted on PolNeAR (whose Source "he" cannot tell who he is) they took
#: confounded signs and moved the dev threshold from 0.63 to 0.76 for no gain on dev, dropping right
#: named speakers on the team's pages; the margin, a rival and a chain of pronouns kept it still.
COREF_FEATURES = ("coref_scored", "coref_margin", "coref_rival", "coref_via_pronoun")


def coref_vector(c: CorefEvidence | None) -> list[float]:
    """The values of :data:`COREF_FEATURES` (all 0 when the coreference model did not read the mention)."""
    if c is None:
        return [0.0] * len(COREF_FEATURES)
    return [1.0, c.margin, float(c.rival), float(c.via_pronoun)]


def named_at_cue(e: Evidence) -> bool:
    """Whether the speaker is named where its words are attributed: a proper name the entities stage
    indexed, as the subject of the quote's own cue or its mark ("…, Lena Ortiz said")."""
    return e.how in ("subject", "marked") and e.mention == "name" and e.resolution == "at_mention"


def vector(e: Evidence) -> list[float]:
    """The feature values of ``e`` in the order of :func:`feature_names`."""
    carried = e.how in CARRIED
    return [
        *(float(e.how == h) for h in HOWS),
        *(float(e.mention == m) for m in MENTIONS),
        *(float(e.resolution == r) for r in RESOLUTIONS),
        float(e.entity_type == "PERSON"),
        float(e.entity_type in ("ORG", "NORP", "GPE")),
        float(named_at_cue(e)),
        math.log1p(max(0, e.antecedent_chars) / DISTANCE_UNIT),
        0.0 if carried else math.log1p(max(0, e.quote_chars) / DISTANCE_UNIT),
        math.log1p(max(0, e.quote_chars) / DISTANCE_UNIT) if carried else 0.0,
        float(min(e.persons_between, MAX_BETWEEN)),
        float(e.disagrees),
        float(e.direct),
        float(e.statement),
        *coref_vector(e.coref),
    ]


def score(e: Evidence, weights: dict[str, float] = WEIGHTS, bias: float = BIAS) -> float:
    """The calibrated probability that the resolved speaker is right."""
    z = bias + sum(weights.get(name, 0.0) * x for name, x in zip(feature_names(), vector(e), strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def keeps(confidence: float, threshold: float = THRESHOLD) -> bool:
    """Whether a speaker this sure is shown; below the threshold it is left empty (abstention)."""
    return confidence >= threshold

"""Score the pronouns that speak on GUM (``../shared/eval/coref``): the speaker the whole pipeline gives
a quote whose local speaker mention is a person pronoun ("he said", "they told").

Usage: ``python eval/score_speaker_pronouns.py [train|dev|test|all]``. Prints one JSON object.

The full default pipeline runs over each GUM document. Every quote whose speaker mention is one of
he/she/they/him/her/them and aligns to a gold GUM mention counts once:

- *right*: the resolved speaker entity's mentions before the mention's end (a name inside a nominal
  mention counts) align mostly to the mention's own gold chain;
- *wrong*: a speaker entity is given and it is not that chain (a wrong person shown: the worst case);
- *abstain*: no speaker entity (the local mention stays).

``right_rate`` is right over all; ``wrong_rate`` wrong over all and ``not_wrong_rate`` its complement
(the gate's floor: no wrong person shown). This is the measure that made a
speaking "they" the learned model's alone (:mod:`wiresift.nlp.entities.coref`).

The same three counts are given for two other kinds of speaker mention, prefixed: ``first_person_``
("I", "we": in news copy only a quote just before tells who they are) and ``nominal_`` (a mention
opening with "the", "this" or "that": "the company", "the spokeswoman"). GUM was never used to
choose the speaker rules, so these are a check on text the rules were not fitted to.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from coref_data import Aligner, GumDoc, load_split

SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
DEFINITE = frozenset({"the", "this", "that"})
SPLITS = ("train", "dev", "test")


def mention_class(words: str) -> str:
    """The prefix of a speaker mention's counts: empty for a third-person pronoun, "first_person_",
    "nominal_", or "other" (not counted)."""
    low = words.lower()
    if low in SPEAKING_PRONOUNS:
        return ""
    if low in FIRST_PERSON:
        return "first_person_"
    return "nominal_" if low.split(maxsplit=1)[0] in DEFINITE else "other"


def tally(docs: list[GumDoc]) -> Counter[str]:
    """right / wrong / abstain counts of the speaking pronouns of ``docs`` (and, prefixed, of the
    first-person and nominal speaker mentions)."""
    from wiresift.model import Document
    from wiresift.nlp.pipeline import Pipeline

    counts: Counter[str] = Counter()
    analysed = Pipeline().run([Document(id=g.name, text=g.text) for g in docs])
    for gum, doc in zip(docs, analysed, strict=True):
        align = Aligner(gum)
        entities = {e.id: e for e in doc.entities}
        for quote in doc.quotes:
            mention = quote.speaker_mention
            if mention is None or not gum.text[mention.start : mention.end].strip():
                continue
            kind = mention_class(gum.text[mention.start : mention.end])
            mid = align(mention.start, mention.end)
            if mid is None or kind == "other":
                continue
            entity = entities.get(quote.speaker) if quote.speaker else None
            if entity is None:
                counts[kind + "abstain"] += 1
                continue
            chains = Counter(
                gum.cluster.get(m)
                for s, e in entity.mentions
                if s < mention.end and (m := align(s, e)) is not None
            )
            right = bool(chains) and chains.most_common(1)[0][0] == gum.cluster.get(mid)
            counts[kind + ("right" if right else "wrong")] += 1
    return counts


def evaluate(eval_dir: Path, split: str = "test") -> dict[str, float]:
    splits = SPLITS if split == "all" else (split,)
    counts: Counter[str] = Counter()
    for name in splits:
        counts += tally(load_split(eval_dir / "coref", name))
    out: dict[str, float] = {}
    for kind in ("", "first_person_", "nominal_"):
        right, wrong, abstain = (counts[kind + k] for k in ("right", "wrong", "abstain"))
        total = right + wrong + abstain
        out["n_speaking_pronouns" if not kind else f"{kind}n"] = total
        out |= {f"{kind}right": right, f"{kind}wrong": wrong, f"{kind}abstain": abstain}
        out[f"{kind}right_rate"] = round(right / total, 4) if total else 0.0
        out[f"{kind}wrong_rate"] = round(wrong / total, 4) if total else 0.0
        out[f"{kind}not_wrong_rate"] = round(1 - wrong / total, 4) if total else 0.0
    return out


def main(argv: list[str]) -> None:
    from gate import shared_eval

    shared = shared_eval()
    if shared is None:
        raise SystemExit("score_speaker_pronouns: ../shared/eval is absent")
    print(json.dumps(evaluate(shared, argv[0] if argv else "test"), indent=1, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1:])

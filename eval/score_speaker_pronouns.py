"""Score the pronouns that speak on GUM (``../shared/eval/coref``): the speaker the whole pipeline gives
a quote whose local speaker mention is a person pronoun ("he said", "they told").

Usage: ``python eval/score_speaker_pronouns.py [train|dev|test|all]``. Prints one JSON object.

The full default pipeline runs over each GUM document. Every quote whose speaker mention is one of
he/she/they/him/her/them and aligns to a gold GUM mention counts once:

- *right*: the resolved speaker entity's mentions before the quote align mostly to the pronoun's own
  gold chain;
- *wrong*: a speaker entity is given and it is not that chain (a wrong person shown: the worst case);
- *abstain*: no speaker entity (the local mention stays).

``right_rate`` is right over all; ``wrong_rate`` wrong over all and ``not_wrong_rate`` its complement
(the gate's floor: no wrong person shown). This is the measure that made a
speaking "they" the learned model's alone (:mod:`wiresift.nlp.entities.coref`).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from coref_data import Aligner, GumDoc, load_split

SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
SPLITS = ("train", "dev", "test")


def tally(docs: list[GumDoc]) -> Counter[str]:
    """right / wrong / abstain counts of the speaking pronouns of ``docs``."""
    from wiresift.model import Document
    from wiresift.nlp.pipeline import Pipeline

    counts: Counter[str] = Counter()
    analysed = Pipeline().run([Document(id=g.name, text=g.text) for g in docs])
    for gum, doc in zip(docs, analysed, strict=True):
        align = Aligner(gum)
        entities = {e.id: e for e in doc.entities}
        for quote in doc.quotes:
            mention = quote.speaker_mention
            if mention is None or gum.text[mention.start : mention.end].lower() not in SPEAKING_PRONOUNS:
                continue
            mid = align(mention.start, mention.end)
            if mid is None:
                continue
            entity = entities.get(quote.speaker) if quote.speaker else None
            if entity is None:
                counts["abstain"] += 1
                continue
            chains = Counter(
                gum.cluster.get(m)
                for s, e in entity.mentions
                if s < mention.start and (m := align(s, e)) is not None
            )
            right = bool(chains) and chains.most_common(1)[0][0] == gum.cluster.get(mid)
            counts["right" if right else "wrong"] += 1
    return counts


def evaluate(eval_dir: Path, split: str = "test") -> dict[str, float]:
    splits = SPLITS if split == "all" else (split,)
    counts: Counter[str] = Counter()
    for name in splits:
        counts += tally(load_split(eval_dir / "coref", name))
    total = sum(counts.values())
    return {
        "n_speaking_pronouns": total,
        "right": counts["right"],
        "wrong": counts["wrong"],
        "abstain": counts["abstain"],
        "right_rate": round(counts["right"] / total, 4) if total else 0.0,
        "wrong_rate": round(counts["wrong"] / total, 4) if total else 0.0,
        "not_wrong_rate": round(1 - counts["wrong"] / total, 4) if total else 0.0,
    }


def main(argv: list[str]) -> None:
    from gate import shared_eval

    shared = shared_eval()
    if shared is None:
        raise SystemExit("score_speaker_pronouns: ../shared/eval is absent")
    print(json.dumps(evaluate(shared, argv[0] if argv else "test"), indent=1, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1:])

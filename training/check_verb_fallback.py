"""Would a word-vector fallback type the verbs the CAMEO dictionary does not know?
``python training/check_verb_fallback.py``

The check behind a decision of issue #14: a verb missing from the PETRARCH2 verb dictionary could take
the code of its nearest dictionary verb by word vector (the spaCy model's), above a similarity
threshold. Cross-validated on the dictionary itself: each single-word verb is held out in turn and
typed by its nearest other verb; a 5-fold search picks, on four folds, the lowest threshold whose
PLOVER-category precision reaches the precision goal (0.85) and scores it on the fifth. Words that
share one vector (the model's pruned table) are not each other's neighbours.

Prints the precision per threshold and per fold. The runtime has no such fallback: the precision stays
far below the goal at every threshold (about 0.2-0.3), since verbs near in meaning sit in CAMEO blocks
of different categories ("beat", "defeat", "destroy").
"""

from __future__ import annotations

import sys

import numpy as np

from wiresift.nlp.events.cameo import plover
from wiresift.nlp.events.lexicon import PATTERN_ONLY, VERB_CODES, verbs
from wiresift.nlp.events.triggers import dictionary_code
from wiresift.nlp.pipeline import load_model

GOAL = 0.85
THRESHOLDS = [round(0.4 + 0.05 * i, 2) for i in range(12)]


def main() -> int:
    vocab = load_model().vocab
    categories: list[str | None] = []
    vectors = []
    for lemma in verbs().by_lemma:
        lex = vocab[lemma]
        if " " in lemma or lemma in PATTERN_ONLY or not lex.has_vector or not lex.vector_norm:
            continue
        code = VERB_CODES[lemma] if lemma in VERB_CODES else dictionary_code(lemma)
        categories.append(plover(code)[0])
        vectors.append(lex.vector / lex.vector_norm)
    sims = np.array(vectors) @ np.array(vectors).T
    sims[sims > 0.999] = -1.0  # itself, and words sharing its vector
    nearest, best = sims.argmax(axis=1), sims.max(axis=1)

    def precision(items: list[int], threshold: float) -> tuple[int, float]:
        typed = [i for i in items if best[i] >= threshold and categories[nearest[i]] is not None]
        right = sum(categories[nearest[i]] == categories[i] for i in typed)
        return len(typed), right / len(typed) if typed else 0.0

    everything = list(range(len(categories)))
    print(f"{len(categories)} dictionary verbs with a vector")
    for threshold in THRESHOLDS:
        typed, prec = precision(everything, threshold)
        print(f"threshold {threshold:.2f}: {typed} typed, category precision {prec:.3f}")
    folds = np.random.default_rng(0).integers(0, 5, len(categories))
    for fold in range(5):
        train = [i for i in everything if folds[i] != fold]
        test = [i for i in everything if folds[i] == fold]
        chosen = next(
            (t for t in THRESHOLDS if precision(train, t)[0] and precision(train, t)[1] >= GOAL), None
        )
        if chosen is None:
            print(f"fold {fold}: no threshold reaches {GOAL} on the other folds")
            continue
        typed, prec = precision(test, chosen)
        print(f"fold {fold}: threshold {chosen:.2f}, {typed} typed, precision {prec:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

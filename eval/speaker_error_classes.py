"""Count canonical-speaker errors on the team's attribution gold by class (counts only, any split).

Usage: ``python eval/speaker_error_classes.py [tune|heldout|all|fresh|fresh2]``. Prints one JSON object of
counts per split (``fresh``, ``fresh2``: the pages of ``eval/gold/attributions_fresh``, ``…_fresh2``). Unlike ``errors_attributions.py`` it never prints text, so it may read the held-out half:
the held-out half is scored in aggregate only, and these are aggregate counts.

Each true positive (the matching rule of ``score_attributions.py``) whose canonical speaker is wrong
falls in one class:

- ``spurious``: the gold has no speaker, the prediction has one;
- ``no_mention``: the gold has a speaker, the prediction no speaker mention;
- ``other_mention``: the predicted mention misses the gold local mention (another phrase speaks);
- ``<kind>_no_entity`` / ``<kind>_wrong_entity``: the right local mention, resolved to no entity or to
  the wrong one, where ``<kind>`` is ``pronoun``, ``name`` (capitalised head word, no determiner) or
  ``nominal``; a name resolved to another person sharing a word of the gold name is ``name_namesake``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from page_gold import by_split
from score_attributions import FRESH, FRESH2, Page, best_row, load_pages, predict, speaker_right
from score_quotes import WORD, words

PRONOUNS = frozenset(
    {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "its", "their"}
    | {"who", "which", "that", "this", "these", "those"}
)
DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these"}
    | {"those", "one", "some"}
)


def _acronym(token: str) -> bool:
    return len(token) > 1 and token.isupper()


def mention_kind(text: str) -> str:
    """``pronoun``, ``name`` or ``nominal`` for a speaker mention's surface."""
    tokens = text.split()
    if not tokens:
        return "nominal"
    # an all-capitals acronym ("WHO", "IT") is a name, never the pronoun it spells
    if len(tokens) == 1 and tokens[0].lower() in PRONOUNS and not _acronym(tokens[0]):
        return "pronoun"
    if tokens[0].lower() in DETERMINERS:
        return "nominal"
    return "name" if tokens[-1][:1].isupper() or tokens[0][:1].isupper() else "nominal"


def _name_words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(re.sub(r"['’]s\b", "", text)) if w[:1].isupper()}


def error_class(page: Page, row: dict[str, Any], quote: Any, entities: dict[str, Any]) -> str:
    """The class of one wrong canonical speaker (see the module docstring)."""
    mention = quote.speaker_mention
    if row["speaker"] is None:
        return "spurious"
    if mention is None:
        return "no_mention"
    gold_local = row["mention"]
    if not gold_local or not (mention.start < gold_local[1] and gold_local[0] < mention.end):
        return "other_mention"
    kind = mention_kind(mention.text)
    entity = entities.get(quote.speaker) if quote.speaker else None
    if entity is None:
        return f"{kind}_no_entity"
    gold = page.entities[row["speaker"]]
    if kind == "name" and _name_words(entity.name) & _name_words(
        page.text[gold["span"][0] : gold["span"][1]]
    ):
        return "name_namesake"
    return f"{kind}_wrong_entity"


def classes(pages: Sequence[Page], docs: Sequence[Any]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for page, doc in zip(pages, docs, strict=True):
        entities = {e.id: e for e in doc.entities}
        gwords = [words(page.text, [tuple(p) for p in row["content"]]) for row in page.rows]
        for quote in doc.quotes:
            best = best_row(words(page.text, [(quote.start, quote.end)]), gwords)
            if best is None:
                continue
            counts["true_positives"] += 1
            row = page.rows[best]
            if not speaker_right(page, row, quote, entities):
                counts["wrong"] += 1
                counts[error_class(page, row, quote, entities)] += 1
    return dict(sorted(counts.items()))


def main(argv: list[str]) -> None:
    from gate import shared_eval

    split = argv[0] if argv else "all"
    if split not in ("tune", "heldout", "all", FRESH, FRESH2):
        raise SystemExit("usage: python eval/speaker_error_classes.py [tune|heldout|all|fresh|fresh2]")
    eval_dir = shared_eval()
    if eval_dir is None:
        raise SystemExit("../shared/eval is absent: set WIRESIFT_SHARED_EVAL to the eval folder")
    pages = load_pages(eval_dir, split)
    docs = predict(pages)
    halves = by_split([p.split for p in pages], split, with_all=False)
    out = {name: classes([pages[i] for i in idx], [docs[i] for i in idx]) for name, idx in halves.items()}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main(sys.argv[1:])

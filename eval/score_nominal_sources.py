"""Score the quotes stage's nominal resolver on every definite nominal of GUM (``../shared/eval/coref``).

Usage: ``python eval/score_nominal_sources.py [train|dev|test|all] [-v]``. Prints one JSON object.

A speaking nominal ("the sheriff said", "the company said") is resolved by
:func:`wiresift.nlp.quotes.nominals.nominal_source`. GUM has few nominals that speak (47 in all
three splits, mostly names with "the"), so this scorer asks the same resolver about every definite
singular nominal whose head is a person noun (:func:`~wiresift.nlp.quotes.epithets.person_noun` or
the coreference anaphor heads) or an organisation noun, and is not part of a name the entities
stage indexed: about 250 in train and dev. Each is

- *right*: the entity given aligns mostly (its mentions up to just past the nominal) to the
  nominal's own gold chain;
- *wrong*: an entity is given and it is not that chain (or the nominal has no gold mention);
- *abstain_linked* / *abstain_new*: no entity, where the gold chain has another mention / none.

Counts are given per kind (``person_``, ``org_``) and per way the resolver found its answer
(``how_<how>_right`` / ``_wrong``). ``-v`` prints each answered nominal (GUM train and dev are
training data; do not print test).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from coref_data import Parsed, load_split, parse

if TYPE_CHECKING:
    from spacy.tokens import Token

SPLITS = ("train", "dev", "test")
DEFINITE = frozenset({"the", "this", "that"})
#: Characters past the nominal's end where the entity's mentions still count ("the head of the
#: council, Ann Lee": the name after the description is the entity it gave).
NAMED_AFTER = 60


def _kind(lemma: str) -> str:
    """ "person", "org" or "" for a nominal head's lemma."""
    from wiresift.nlp.entities.mentions import ORG_NOUNS, PERSON_NOUNS
    from wiresift.nlp.quotes.epithets import person_noun

    if lemma in ORG_NOUNS:
        return "org"
    return "person" if lemma in PERSON_NOUNS or person_noun(lemma) else ""


def _nominal(p: Parsed, tok: Token) -> tuple[int, int] | None:
    """The character span of the definite singular nominal headed by ``tok``, else None."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return None
    dets = [c for c in tok.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ not in DEFINITE:
        return None
    if any(s <= tok.idx < e for s, e, _ in p.index.mentions):
        return None  # the head is inside a name: the entities stage's, not a nominal
    left = min(c.left_edge.i for c in tok.children if c.i < tok.i)
    span = tok.doc[left : tok.i + 1]
    return span.start_char, span.end_char


def tally(parsed: list[Parsed], verbose: bool = False) -> Counter[str]:
    from wiresift.nlp.entities.coref_rules import Speaker
    from wiresift.nlp.quotes.nominals import nominal_source

    counts: Counter[str] = Counter()
    for p in parsed:
        text = p.gold.text
        assert p.index.sdoc is not None
        for tok in p.index.sdoc:
            kind = _kind(tok.lemma_.lower())
            span = _nominal(p, tok) if kind else None
            if span is None:
                continue
            start, end = span
            speaker = Speaker(start, end, tok.lower_, tok.idx, tok.idx + len(tok.text))
            eid, how = nominal_source(p.index, speaker, text[start:end], text, None)
            mid = p.align(start, end)
            cid = p.gold.cluster[mid] if mid is not None else None
            if eid is None:
                linked = cid is not None and any(
                    p.gold.cluster[m.id] == cid and m.id != mid for m in p.gold.mentions.values()
                )
                counts[f"{kind}_abstain_{'linked' if linked else 'new'}"] += 1
                continue
            chains = Counter(
                p.gold.cluster[m]
                for s, e in p.index.entities[eid].mentions
                if s < end + NAMED_AFTER and (m := p.align(s, e)) is not None
            )
            right = cid is not None and bool(chains) and chains.most_common(1)[0][0] == cid
            verdict = "right" if right else "wrong"
            counts[f"{kind}_{verdict}"] += 1
            counts[f"how_{how}_{verdict}"] += 1
            if verbose:
                name = p.index.entities[eid].name
                print(f"{p.gold.name}\t{verdict}\t{how}\t{text[start:end]!r} -> {name}", file=sys.stderr)
    return counts


def evaluate(eval_dir: Path, split: str = "test", verbose: bool = False) -> dict[str, float]:
    splits = SPLITS if split == "all" else (split,)
    counts: Counter[str] = Counter()
    for name in splits:
        counts += tally(parse(load_split(eval_dir / "coref", name)), verbose and name != "test")
    out: dict[str, float] = dict(sorted(counts.items()))
    for kind in ("person", "org"):
        right, wrong = counts[f"{kind}_right"], counts[f"{kind}_wrong"]
        out[f"{kind}_precision"] = round(right / (right + wrong), 4) if right + wrong else 0.0
        out[f"{kind}_net"] = right - wrong
    return out


def main(argv: list[str]) -> None:
    from gate import shared_eval

    shared = shared_eval()
    if shared is None:
        raise SystemExit("score_nominal_sources: ../shared/eval is absent")
    args = [a for a in argv if not a.startswith("-")]
    print(json.dumps(evaluate(shared, args[0] if args else "test", "-v" in argv), indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])

"""Score PERSON entities of the ``entities`` stage on GUM news and interviews (``../shared/eval/coref``).

The GUM TSV gives every mention its entity type and, for named entities, a Wikipedia identity.
A document's text is its tokens placed at their character offsets (the tokens joined by single
spaces, as the README says); the pipeline runs on that text and is scored by offsets:

- **recall**: a gold *named* person mention (type ``person``, an identity, and a token of the
  identity's name inside the span, e.g. "Trump" in "U.S. President Donald Trump") is found when a
  predicted PERSON mention covers its head (the last such name token);
- **entity_recall**: a gold named person (one identity per document) is found when any of its named
  mentions is;
- **precision**: a predicted PERSON mention is right when it overlaps any gold person mention
  (named, nominal or pronoun: "the spokesman" indexed as a person is not junk);
- **junk_rate**: the share of predicted PERSON entities none of whose mentions overlaps a gold
  person mention ("Bidenomics", a town typed PERSON); ``clean_rate`` is one minus it.

Named persons are those whose identity looks like a personal name (two words or more, no
"of"/"the") and whose identity is typed person in most of the document's mentions; a single-word
identity is a group ("Arabs") or a mononym and is left out.

Run: ``python eval/score_persons.py [EVAL_DIR] [--split train|dev|test] [--show | --titles]``;
``--titles`` scores the titles of found persons against GUM's coreference instead (:func:`titles`).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

_ANNOT = re.compile(r"^(?P<value>.*?)(?:\[(?P<id>\d+)\])?$")


@dataclass
class Mention:
    start: int
    end: int
    type: str
    identity: str | None
    tokens: list[tuple[int, int, str]] = field(default_factory=list)
    #: Most mentions with this identity in the document are typed person (not "the U.S." as a person).
    person_identity: bool = True

    @property
    def head(self) -> tuple[int, int] | None:
        """The last capitalised token of the span that is a word of a personal name (None: not named)."""
        if self.type != "person" or not self.person_identity or not person_name(self.identity):
            return None
        assert self.identity is not None
        words = {w.lower() for w in name_words(self.identity)}
        heads = [(s, e) for s, e, tok in self.tokens if tok.lower() in words and tok[:1].isupper()]
        return heads[-1] if heads else None


#: Lower-case words that make an identity a description, not a personal name ("President_of_the_…").
_DESCRIPTION_WORDS = frozenset({"of", "the", "and", "for", "at", "in", "on", "'s"})


def name_words(identity: str) -> list[str]:
    """The words of a Wikipedia identity ("Kim_Jong%2Dun_(footballer)" -> ["Kim", "Jong-un"])."""
    name = re.sub(r"\(.*?\)", "", unquote(identity))
    return [w for w in re.split(r"[_\s]+", name) if w]


def person_name(identity: str | None) -> bool:
    """A personal name: two words or more, first and last capitalised, no "of"/"the" (which mark
    offices and organisations); a single word is a group ("Arabs") or a mononym left out."""
    if not identity:
        return False
    words = name_words(identity)
    return (
        len(words) >= 2
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and not any(w.lower() in _DESCRIPTION_WORDS for w in words)
    )


@dataclass
class Article:
    id: str
    text: str
    mentions: list[Mention]


def _split_annots(cell: str) -> list[tuple[str, str | None]]:
    if cell in ("_", ""):
        return []
    out = []
    for part in cell.split("|"):
        m = _ANNOT.match(part)
        assert m is not None
        out.append((m.group("value"), m.group("id")))
    return out


def parse_tsv(doc_id: str, raw: str) -> Article:
    """Text and mentions of one WebAnno TSV 3.2 file (entity column 4, identity column 7)."""
    chars: dict[int, str] = {}
    spans: dict[str, Mention] = {}
    end_max = 0
    for line in raw.splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        start, end = (int(x) for x in cols[1].split("-"))
        token = cols[2]
        for k, ch in enumerate(token[: end - start]):
            chars[start + k] = ch
        end_max = max(end_max, end)
        entities = _split_annots(cols[3])
        identities = {i: v for v, i in _split_annots(cols[6])}
        single_identity = [v for v, i in _split_annots(cols[6]) if i is None]
        for n, (etype, eid) in enumerate(entities):
            key = eid if eid is not None else f"{cols[0]}#{n}"
            if eid is not None:
                identity = identities.get(eid)
            else:
                identity = single_identity.pop(0) if single_identity else None
            m = spans.get(key)
            if m is None:
                m = spans[key] = Mention(start, end, etype, identity)
            m.end = max(m.end, end)
            m.tokens.append((start, end, token))
    text = "".join(chars.get(i, " ") for i in range(end_max))
    types: dict[str, Counter[str]] = {}
    for m in spans.values():
        if m.identity:
            types.setdefault(m.identity, Counter())[m.type] += 1
    for m in spans.values():
        if m.identity:
            m.person_identity = types[m.identity].most_common(1)[0][0] == "person"
    return Article(doc_id, text, sorted(spans.values(), key=lambda m: (m.start, m.end)))


def load(eval_dir: Path, split: str | None = None) -> list[Article]:
    root = eval_dir / "coref"
    splits = dict(
        line.split("\t")[:2]
        for line in (root / "splits.tsv").read_text(encoding="utf-8").splitlines()
        if "\t" in line
    )
    out = []
    for path in sorted((root / "gum-tsv").glob("*.tsv")):
        if split is None or splits.get(path.stem) == split:
            out.append(parse_tsv(path.stem, path.read_text(encoding="utf-8")))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def score(articles: list[Article], predicted: list[list[list[tuple[int, int]]]]) -> dict[str, float]:
    """``predicted[i]`` holds, per PERSON entity of article i, its mention spans."""
    n_gold = found = n_ent = found_ent = n_pred = right = n_pent = junk = 0
    for art, persons in zip(articles, predicted, strict=True):
        gold_spans = [(m.start, m.end) for m in art.mentions if m.type == "person"]
        pred_spans = [s for ent in persons for s in ent]
        by_identity: dict[str, bool] = {}
        for m in art.mentions:
            head = m.head
            if head is None:
                continue
            hit = any(s <= head[0] and head[1] <= e for s, e in pred_spans)
            n_gold += 1
            found += hit
            assert m.identity is not None
            by_identity[m.identity] = by_identity.get(m.identity, False) or hit
        n_ent += len(by_identity)
        found_ent += sum(by_identity.values())
        for span in pred_spans:
            n_pred += 1
            right += any(_overlaps(span, g) for g in gold_spans)
        for ent in persons:
            n_pent += 1
            junk += not any(_overlaps(s, g) for s in ent for g in gold_spans)
    return {
        "documents": len(articles),
        "gold_named_mentions": n_gold,
        "recall": found / n_gold if n_gold else 0.0,
        "entity_recall": found_ent / n_ent if n_ent else 0.0,
        "precision": right / n_pred if n_pred else 0.0,
        "junk_rate": junk / n_pent if n_pent else 0.0,
        "clean_rate": 1 - junk / n_pent if n_pent else 0.0,  # the gate's form: a floor, not a ceiling
        "person_entities": n_pent,
    }


def predict(articles: list[Article]) -> list[list[list[tuple[int, int]]]]:
    from wiresift.model import Document
    from wiresift.nlp.pipeline import Pipeline

    pipeline = Pipeline(stages=("entities",))
    docs = pipeline.run(Document(text=a.text, source=a.id) for a in articles)
    return [[list(e.mentions) for e in d.entities if e.type == "PERSON"] for d in docs]


def run(eval_dir: Path, split: str | None = None) -> dict[str, float]:
    articles = load(eval_dir, split)
    return score(articles, predict(articles))


def _show(eval_dir: Path, split: str | None) -> None:
    """Print misses and junk entities, for reading by hand (never stored)."""
    articles = load(eval_dir, split)
    from wiresift.model import Document
    from wiresift.nlp.pipeline import Pipeline

    pipeline = Pipeline(stages=("entities",))
    for art, doc in zip(articles, pipeline.run(Document(text=a.text) for a in articles), strict=True):
        persons = [e for e in doc.entities if e.type == "PERSON"]
        spans = [s for e in persons for s in e.mentions]
        gold = [(m.start, m.end) for m in art.mentions if m.type == "person"]
        for m in art.mentions:
            head = m.head
            if head and not any(s <= head[0] and head[1] <= e for s, e in spans):
                print(f"MISS {art.id}: {art.text[m.start : m.end]!r}")
        for e in persons:
            if not any(_overlaps(s, g) for s in e.mentions for g in gold):
                print(f"JUNK {art.id}: {e.name!r} {[art.text[s:t] for s, t in e.mentions][:3]}")


#: Words of a GUM mention that say nothing of a person's role ("the", "his", "one", "man").
_NO_ROLE_WORDS = frozenset(
    re.findall(
        r"\S+",
        "the a an of for at in and to on s his her their its our my your this that these those who whom "
        "whose which is was be one someone man woman people person mr mrs ms dr",
    )
)
_PRONOUNS = frozenset(
    re.findall(r"\S+", "he she him her his hers himself herself i me my we us our they them their you your")
)
_WORD = re.compile(r"\w+")


def titles(eval_dir: Path, split: str = "train") -> dict[str, float]:
    """Titles of the persons found on GUM, scored against GUM's own coreference (``eval/coref_data``
    with predicative links): a found person's gold role words are the words of its non-pronoun
    mentions that are not words of its name ("biologist" of "Biologist Nick Bos", "the curator",
    "a nurse" after "is"). ``titled``: share of found persons with gold role words one of whose
    predicted titles shares a word with them; ``title_precision``: share of predicted titles of
    found persons that share a word with their gold role words. GUM marks no role on many
    mentions a reader would ("Emeritus Professor" with no coreferent nominal), so precision is a
    floor, and titled counts every descriptive nominal (party names too) as a role."""
    import coref_data
    from wiresift.model import Document
    from wiresift.nlp.pipeline import Pipeline

    links = coref_data.IDENTITY_LINKS
    coref_data.IDENTITY_LINKS = links | {"pred"}
    try:
        docs = coref_data.load_split(eval_dir / "coref", split)
    finally:
        coref_data.IDENTITY_LINKS = links
    out = Pipeline(stages=("entities",)).run(Document(text=d.text, source=d.name) for d in docs)
    n_gold = titled = n_pred = right = found = 0
    for gdoc, doc in zip(docs, out, strict=True):
        clusters: dict[int, list[coref_data.Mention]] = {}
        for mid, m in gdoc.mentions.items():
            if m.type == "person":
                clusters.setdefault(gdoc.cluster[mid], []).append(m)
        for ms in clusters.values():
            hits = [
                e
                for e in doc.entities
                if e.type == "PERSON" and any(a < m.end and m.start < b for a, b in e.mentions for m in ms)
            ]
            if not hits:
                continue
            found += 1
            names = {w.lower() for e in hits for n in (e.name, *e.aliases) for w in _WORD.findall(n)}
            gold: set[str] = set()
            for m in ms:
                words = [w.lower() for w in _WORD.findall(gdoc.text[m.start : m.end])]
                if len(words) == 1 and words[0] in _PRONOUNS:
                    continue
                gold |= {w for w in words if w not in _NO_ROLE_WORDS | _PRONOUNS | names and not w.isdigit()}
            predicted = [{w.lower() for w in _WORD.findall(t)} for e in hits for t in e.titles]
            n_pred += len(predicted)
            right += sum(bool(p & gold) for p in predicted)
            if gold:
                n_gold += 1
                titled += any(p & gold for p in predicted)
    return {
        "persons_found": found,
        "with_gold_roles": n_gold,
        "titled": titled / n_gold if n_gold else 0.0,
        "predicted_titles": n_pred,
        "title_precision": right / n_pred if n_pred else 0.0,
    }


def main() -> None:
    from gate import shared_eval

    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    split = None
    if "--split" in sys.argv:
        split = sys.argv[sys.argv.index("--split") + 1]
        args = [a for a in args if a != split]
    eval_dir = Path(args[0]) if args else shared_eval()
    if eval_dir is None:
        raise SystemExit("no eval data: pass EVAL_DIR or set WIRESIFT_SHARED_EVAL")
    if "--show" in sys.argv:
        _show(eval_dir, split)
        return
    if "--titles" in sys.argv:
        print(json.dumps({k: round(v, 4) for k, v in titles(eval_dir, split or "train").items()}, indent=2))
        return
    scores = run(eval_dir, split)
    print(json.dumps({k: round(v, 4) for k, v in scores.items()}, indent=2))


if __name__ == "__main__":
    main()

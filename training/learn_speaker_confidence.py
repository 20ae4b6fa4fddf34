"""Learn the quotes stage's speaker confidence: ``make learn-confidence``
(``python training/learn_speaker_confidence.py [EVAL_DIR] [--cache DIR]``).

Training code: it lives outside the runtime package and writes only feature weights and the
threshold, to ``src/wiresift/nlp/quotes/confidence_weights.py``.

Each true-positive quote (the scorer's rule of ``eval/score_quotes.py``) with a resolved speaker is an
example, labelled by :func:`named_right`: where the gold Source names entities the entities stage
indexed, the speaker is right when it is one of them (a possessor inside the Source is not; a lone
surname kept apart from its full name counts as that person; a surname several people share leaves
the example out), wherever the speaker's own mention is; where it names none, the speaker's mention
must meet the Source words. (PolNeAR has no coreference: an unnamed Source — a pronoun, a nominal —
is only checked through the mention.)

PolNeAR has no coreference, so a pronoun or nominal speaker linked back to an earlier mention
("he", "the aide") is judged there only through its mention: the label never says whether the entity
is the one "he" means. GUM (``../shared/eval/coref``) has coreference: every quote there whose speaker
mention aligns to a gold person or organisation mention and was resolved is an example too
(:func:`gum_examples`), right when the speaker entity's mentions up to the quote's speaker mention lie
mostly in that mention's own gold chain (the rule of ``eval/score_speaker_pronouns.py``); these are
the labels that can judge the coreference features (:data:`~wiresift.nlp.quotes.confidence.COREF_FEATURES`).
Dropping PolNeAR's unjudged links instead (about 2,700 of 11,400 train examples) was tried: the rest
of them are a biased sample (a pronoun where the Source names someone else is mostly a wrong
mention) and pronoun speakers fell to the threshold.

A logistic regression (Newton's method with an L2 penalty ``L2``) is fitted on PolNeAR train and GUM
train; on dev (PolNeAR dev and GUM dev) the script prints the reliability table and picks the
threshold that maximises ``right kept - COST_WRONG * wrong kept`` (a wrong speaker shown costs more
than a speaker left empty). ``--cache DIR`` keeps the parsed PolNeAR splits as spaCy DocBins for
reruns.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from wiresift.nlp.entities.namesakes import namesakes
from wiresift.nlp.quotes.confidence import Evidence, feature_names, vector

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from wiresift.nlp.entities.index import EntityIndex

#: Character spans of one gold field.
Spans = tuple[tuple[int, int], ...]

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "wiresift" / "nlp" / "quotes" / "confidence_weights.py"
#: Ridge penalty of the regression (keeps rare one-hot features from running off).
L2 = 1.0
#: A wrong speaker shown counts this many times a right one (the abstention trade-off).
COST_WRONG = 2.0
#: Reliability bins printed for dev.
BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01)


def parsed(split_dir: Path, texts: list[str], cache: Path | None) -> list[Doc]:
    from spacy.tokens import DocBin

    from wiresift.nlp.pipeline import load_model

    nlp = load_model()
    # The parse depends on the model and on the components put before its parser: key the cache by both.
    key = hashlib.sha256(
        f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{nlp.pipe_names}".encode()
    ).hexdigest()[:12]
    path = cache / f"{split_dir.name}-{key}.spacy" if cache is not None else None
    if path is not None and path.exists():
        return list(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=32))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        path.write_bytes(db.to_bytes())
    return docs


def examples(split_dir: Path, cache: Path | None) -> tuple[list[Evidence], np.ndarray]:
    """The speaker evidence and right/wrong labels of one split's true-positive quotes with a speaker."""
    sys.path.insert(0, str(ROOT / "eval"))
    from score_quotes import load_split, words
    from wiresift.model import Document
    from wiresift.nlp.pipeline import Context, load_model, make_stage
    from wiresift.nlp.quotes.stage import attribute

    articles = load_split(split_dir)
    sdocs = parsed(split_dir, [a.text for a in articles], cache)
    entities, nlp = make_stage("entities"), load_model()
    rows: list[Evidence] = []
    labels: list[float] = []
    for article, sdoc in zip(articles, sdocs, strict=True):
        doc = Document(id=article.name, text=article.text)
        ctx = Context(parse=nlp)
        entities(doc, sdoc, ctx)
        index = ctx.data.get("entities")
        text = article.text
        gwords = [words(text, g.content) for g in article.gold]
        for quote, evidence in attribute(doc, sdoc, index, nlp):
            if evidence is None or quote.speaker_mention is None or not gwords:
                continue
            pw = words(text, ((quote.start, quote.end),))
            if not pw:
                continue
            shares = [len(pw & gw) / len(pw) for gw in gwords]
            best = max(range(len(shares)), key=lambda i: (shares[i], -len(gwords[i]), -i))
            if shares[best] < 0.5:
                continue
            gold = article.gold[best]
            m = quote.speaker_mention
            meets = bool(words(text, ((m.start, m.end),)) & words(text, gold.source))
            right: bool | None = meets
            if index is not None and quote.speaker is not None:
                right = named_right(index, gold.source, quote.speaker, meets)
            if right is None:
                continue  # a surname several people named in full share: the gold cannot tell
            rows.append(evidence)
            labels.append(float(right))
    return rows, np.array(labels)


def anaphoric(e: Evidence) -> bool:
    """Whether the speaker was found by linking a pronoun or nominal back to an earlier mention, the
    link the coreference model judges (:class:`~wiresift.nlp.entities.coref.CorefEvidence`)."""
    return e.coref is not None and e.resolution in ("antecedent", "prev_speaker")


def gum_examples(coref_dir: Path, split: str) -> tuple[list[Evidence], np.ndarray]:
    """The speaker evidence and right/wrong labels of one GUM split's quotes whose speaker mention
    aligns to a gold person or organisation mention and was resolved to an entity."""
    sys.path.insert(0, str(ROOT / "eval"))
    from coref_data import Aligner, load_split
    from wiresift.model import Document
    from wiresift.nlp.pipeline import Context, load_model, make_stage
    from wiresift.nlp.quotes.stage import attribute

    entities, nlp = make_stage("entities"), load_model()
    rows: list[Evidence] = []
    labels: list[float] = []
    for gum in load_split(coref_dir, split):
        doc = Document(id=gum.name, text=gum.text)
        sdoc = nlp(gum.text)
        ctx = Context(parse=nlp)
        entities(doc, sdoc, ctx)
        index = ctx.data.get("entities")
        align = Aligner(gum)
        for quote, evidence in attribute(doc, sdoc, index, nlp):
            m = quote.speaker_mention
            entity = index.get(quote.speaker) if index is not None and quote.speaker else None
            if evidence is None or m is None or entity is None:
                continue
            mid = align(m.start, m.end)
            if mid is None:
                continue
            chains = Counter(
                gum.cluster.get(g) for s, e in entity.mentions if s < m.end and (g := align(s, e)) is not None
            )
            rows.append(evidence)
            labels.append(float(bool(chains) and chains.most_common(1)[0][0] == gum.cluster.get(mid)))
    return rows, np.array(labels)


def matrix(evidence: list[Evidence]) -> np.ndarray:
    """The feature matrix of ``evidence`` (one row each, columns in :func:`feature_names` order)."""
    return np.array([vector(e) for e in evidence])


def named_right(index: EntityIndex, source: Spans, speaker: str, mention_meets: bool) -> bool | None:
    """Whether ``speaker`` is the one the gold Source names, None when the gold cannot tell.

    The Source names the entities with a mention at its head word (its root in the parse, or a word in
    apposition or coordination with it; without a parse, an outermost mention that is no possessor)
    that shares a word with their name — not a modifier ("the Ohio senator" does not name Ohio, "the
    senator's aide, Ben Ortiz" names Ortiz, "the Acme campaign" the campaign, not Acme), not a
    nominal the entities stage linked ("the governor") — and, for a
    lone surname the entities stage kept apart ("Mr. Lee" beside "Ann Lee"), the one person named in
    full with it; with several such people the gold cannot tell which one the speaker should be.
    PolNeAR marks one mention of a source, not every one: a speaker resolved to an entity the Source
    names is right wherever its own mention is. A Source that names nobody indexed is met by the
    speaker's mention (``mention_meets``) or not."""
    named: set[str] = set()
    for start, end in source:
        found = _mentions_in(index, start, end)
        heads = _heads(index.sdoc, start, end)
        for s, e, eid in found:
            if heads is not None:
                if not any(s <= h < e for h in heads):
                    continue  # a modifier of the Source's head: "the Ohio senator", "Lee's aide"
            elif any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2, _ in found):
                continue  # inside a longer name in the Source
            elif e < end - 2 and POSSESSIVE.match(index.text, e):
                continue  # a possessor, with the Source's head after it
            if not _names(index.text[s:e], index.entities[eid].name):
                continue  # "the governor" linked by the entities stage: its guess, not the gold's
            named.add(eid)
            full = namesakes(index, eid)
            if len(full) == 1:
                named.update(full)
            elif speaker in full:
                return None
    if not named:
        return mention_meets
    return speaker in named


def _heads(sdoc: Doc | None, start: int, end: int) -> list[int] | None:
    """Character offsets of the Source's head words in the parse: its root and the words in
    apposition or coordination with it ("the aide, Tom Eck"; "Lee and Berg"); None without a parse."""
    span = sdoc.char_span(start, end, alignment_mode="expand") if sdoc is not None else None
    if span is None or not len(span):
        return None
    root = span.root
    heads, todo = [root], [root]
    while todo:  # "the candidates, Ann Lee and Bo Berg": Berg is joined to Lee, Lee set beside the head
        for t in todo.pop().children:
            if t.dep_ in ("appos", "conj") and span.start <= t.i < span.end:
                heads.append(t)
                todo.append(t)
    return [t.idx for t in heads]


def _names(mention: str, name: str) -> bool:
    """Whether a mention names its entity: it shares a word with the entity's name ("Mr. Lee" and
    "Ann Lee"), unlike a nominal the entities stage linked to it ("the governor")."""
    return bool(set(WORD.findall(mention.casefold())) & set(WORD.findall(name.casefold())))


WORD = re.compile(r"\w+")
#: A possessive ending right after a name ("Lee's", "Lee’s", "Burns'").
POSSESSIVE = re.compile(r"['’]s?\b")


def _mentions_in(index: EntityIndex, start: int, end: int) -> list[tuple[int, int, str]]:
    """The entity mentions overlapping ``[start, end)``."""
    lo = bisect.bisect_left(index.mentions, (start - 200, 0, ""))
    hi = bisect.bisect_right(index.mentions, (end, end, "\uffff"))
    return [(s, e, eid) for s, e, eid in index.mentions[lo:hi] if min(end, e) > max(start, s)]


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 50) -> np.ndarray:
    """Logistic regression weights (bias last) by Newton's method with an L2 penalty (not on the bias)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + penalty * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(np.hstack([x, np.ones((len(x), 1))]) @ w)))


def threshold(p: np.ndarray, y: np.ndarray, cost: float = COST_WRONG) -> float:
    """The cut (one of the observed confidences, rounded as the stage rounds them) maximising right
    kept minus ``cost`` times wrong kept."""
    best, best_gain = 0.0, float(np.sum(y) - cost * np.sum(1 - y))
    for t in sorted(set(np.round(p, 3).tolist())):
        kept = np.round(p, 3) >= t
        gain = float(np.sum(y[kept]) - cost * np.sum(1 - y[kept]))
        if gain > best_gain:
            best, best_gain = t, gain
    return best


def report(p: np.ndarray, y: np.ndarray, cut: float) -> None:
    print("bin           n   mean confidence   share right")
    for lo, hi in itertools.pairwise(BINS):
        sel = (p >= lo) & (p < hi)
        if sel.any():
            print(
                f"[{lo:.2f},{min(hi, 1.0):.2f})  {int(sel.sum()):5d}   {p[sel].mean():.3f}             {y[sel].mean():.3f}"
            )
    kept = np.round(p, 3) >= cut
    print(
        f"threshold {cut:.3f}: keeps {int(kept.sum())}/{len(y)} speakers ({kept.mean():.3f}); "
        f"right among kept {y[kept].mean():.4f}, among all {y.mean():.4f}; "
        f"Brier {np.mean((p - y) ** 2):.4f}"
    )


def write(w: np.ndarray, cut: float, path: Path = OUT) -> None:
    names = feature_names()
    lines = [
        '"""Generated by ``make learn-confidence`` (``training/learn_speaker_confidence.py``): do not edit."""',
        "",
        "from __future__ import annotations",
        "",
        f"BIAS = {w[-1]:.4f}",
        f"THRESHOLD = {cut:.3f}",
        "WEIGHTS: dict[str, float] = {",
        *(f'    "{name}": {weight:.4f},' for name, weight in zip(names, w[:-1], strict=True)),
        "}",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str]) -> None:
    cache = Path(argv[argv.index("--cache") + 1]) if "--cache" in argv else None
    args = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--cache")]
    eval_dir = Path(args[0]) if args else ROOT.parent / "shared" / "eval"
    polnear = eval_dir / "quotes" / "polnear"
    e_train, y_train = examples(polnear / "train", cache)
    e_dev, y_dev = examples(polnear / "dev", cache)
    g_train, gy_train = gum_examples(eval_dir / "coref", "train")
    g_dev, gy_dev = gum_examples(eval_dir / "coref", "dev")
    for name, ev, y in (("GUM train", g_train, gy_train), ("GUM dev", g_dev, gy_dev)):
        ana = np.array([anaphoric(e) for e in ev], dtype=bool)
        print(f"{name}: {len(y)} examples, {int(ana.sum())} anaphoric ({y[ana].sum():.0f} right)")
    e_train, y_train = e_train + g_train, np.concatenate([y_train, gy_train])
    e_dev, y_dev = e_dev + g_dev, np.concatenate([y_dev, gy_dev])
    x_train, x_dev = matrix(e_train), matrix(e_dev)
    w = fit(x_train, y_train)
    print(f"train: {len(y_train)} examples, {y_train.mean():.4f} right")
    report(predict(w, x_train), y_train, threshold(predict(w, x_train), y_train))
    p_dev = predict(w, x_dev)
    cut = threshold(p_dev, y_dev)
    print(f"dev: {len(y_dev)} examples")
    report(p_dev, y_dev, cut)
    ana = np.array([anaphoric(e) for e in e_dev], dtype=bool)
    print("dev, anaphoric speakers only:")
    report(p_dev[ana], y_dev[ana], cut)
    write(w, cut)
    for name, weight in zip(feature_names(), w[:-1], strict=True):
        print(f"  {name:28s} {weight:+.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])

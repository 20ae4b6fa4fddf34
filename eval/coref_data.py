"""Read GUM's WebAnno TSV (``../shared/eval/coref/gum-tsv``) into text, mentions and gold clusters.

The text is the document's tokens at their offsets (tokens joined by single spaces, as the README
says), with a newline instead of the space between two sentences, so offsets stay the same. A
mention is a ``person[16]`` style span; clusters join mentions by the links of types ``coref``,
``ana``, ``cata`` and ``appos`` (bridging and predicative links are not identity). Used by
``eval/score_coref.py`` and ``training/train_coref.py``; nothing read here is written to the repo.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wiresift.nlp.entities.index import EntityIndex

#: GUM entity types scored (persons and organisations).
SCORED_TYPES = frozenset({"person", "organization"})
IDENTITY_LINKS = frozenset({"coref", "ana", "cata", "appos"})
_ANNOT = re.compile(r"^(?P<label>[^\[]+)\[(?P<id>\d+)\]$")
_LINK = re.compile(r"^(?P<tok>\d+-\d+)\[(?P<target>\d+)_(?P<source>\d+)\]$")


@dataclass
class Mention:
    id: int
    start: int
    end: int
    type: str


@dataclass
class GumDoc:
    name: str
    text: str
    mentions: dict[int, Mention] = field(default_factory=dict)
    #: Mention id -> cluster id (the smallest mention id of its cluster); singletons map to themselves.
    cluster: dict[int, int] = field(default_factory=dict)

    def clusters(self, types: frozenset[str] = SCORED_TYPES) -> dict[int, list[int]]:
        """Cluster id -> mention ids (in text order) of the clusters whose first mention has a scored type."""
        out: dict[int, list[int]] = {}
        for mid in sorted(self.mentions, key=lambda m: (self.mentions[m].start, -self.mentions[m].end)):
            out.setdefault(self.cluster[mid], []).append(mid)
        return {cid: mids for cid, mids in out.items() if self.mentions[mids[0]].type in types}


def _find(parent: dict[int, int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def load_doc(path: Path) -> GumDoc:
    chars: list[str] = []
    mentions: dict[int, Mention] = {}
    tok_mentions: dict[str, list[int]] = {}
    links: list[tuple[str, int, str, int]] = []  # (source token, source id, target token, target id)
    prev_end = 0
    first_in_sentence = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#Text="):
            first_in_sentence = True
            continue
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        tok_id, (start, end), token = cols[0], map(int, cols[1].split("-")), cols[2]
        if start > prev_end:
            chars.append(("\n" if first_in_sentence and prev_end else " ") * (start - prev_end))
        chars.append(token)
        prev_end = end
        first_in_sentence = False
        if cols[3] != "_":
            for annot in cols[3].split("|"):
                m = _ANNOT.match(annot)
                if m is None:
                    continue
                mid = int(m.group("id"))
                label = m.group("label")
                if mid in mentions:
                    mentions[mid].end = end
                else:
                    mentions[mid] = Mention(mid, start, end, label)
                tok_mentions.setdefault(tok_id, []).append(mid)
        if len(cols) > 9 and cols[8] not in ("_", ""):
            for kind, target in zip(cols[8].split("|"), cols[9].split("|"), strict=False):
                m = _LINK.match(target)
                if m is not None and kind.split(":")[0] in IDENTITY_LINKS:
                    links.append((tok_id, int(m.group("source")), m.group("tok"), int(m.group("target"))))
    parent = {mid: mid for mid in mentions}
    for _, source, _, target in links:
        if source in parent and target in parent:
            a, b = _find(parent, source), _find(parent, target)
            parent[max(a, b)] = min(a, b)
    doc = GumDoc(path.stem, "".join(chars), mentions)
    doc.cluster = {mid: _find(parent, mid) for mid in mentions}
    return doc


def split_names(coref_dir: Path, split: str) -> list[str]:
    rows = (line.split("\t") for line in (coref_dir / "splits.tsv").read_text(encoding="utf-8").splitlines())
    return sorted(name for name, part in (r for r in rows if len(r) == 2) if part.strip() == split)


def load_split(coref_dir: Path, split: str) -> list[GumDoc]:
    return [load_doc(coref_dir / "gum-tsv" / f"{name}.tsv") for name in split_names(coref_dir, split)]


def split_hash(coref_dir: Path, split: str) -> str:
    """sha256 over the split's TSV files (name and bytes, in name order) and ``splits.tsv``."""
    h = hashlib.sha256((coref_dir / "splits.tsv").read_bytes())
    for name in split_names(coref_dir, split):
        h.update(name.encode())
        h.update((coref_dir / "gum-tsv" / f"{name}.tsv").read_bytes())
    return h.hexdigest()


class Aligner:
    """Maps a system mention span to a gold mention of a scored type: the smallest one holding the
    whole span, else the smallest holding the span's last word (a name inside a longer gold phrase)."""

    def __init__(self, doc: GumDoc) -> None:
        self.spans = sorted(
            (m.end - m.start, m.start, m.end, m.id) for m in doc.mentions.values() if m.type in SCORED_TYPES
        )

    def __call__(self, start: int, end: int) -> int | None:
        for _, g_start, g_end, mid in self.spans:
            if g_start <= start and end <= g_end:
                return mid
        for _, g_start, g_end, mid in self.spans:
            if g_start < end <= g_end:
                return mid
        return None


@dataclass
class Parsed:
    """A GUM document with the entities stage's index (and its parse, ``index.sdoc``)."""

    gold: GumDoc
    index: EntityIndex
    align: Aligner


def parse(docs: list[GumDoc]) -> list[Parsed]:
    """Run the project's spaCy model and the entities stage over ``docs``."""
    from wiresift.model import Document
    from wiresift.nlp.entities.stage import build
    from wiresift.nlp.pipeline import load_model

    nlp = load_model()
    out = []
    for gdoc, sdoc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        index = build(Document(text=gdoc.text, source=gdoc.name), sdoc)
        out.append(Parsed(gdoc, index, Aligner(gdoc)))
    return out

"""Lines of scraped text and their shape features (length, punctuation, stop-word density)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# A line that ends like a sentence: terminal punctuation, optionally followed by closing quotes/brackets.
_SENTENCE_END = re.compile(r"[.!?…。！？:;][\"'”’»)\]]*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass
class Line:
    """One non-empty line of the input, with the shape features the cleaner scores."""

    index: int
    text: str
    blank_before: bool
    words: int
    chars: int
    stop_density: float
    sentence_end: bool
    sentences: int
    capital_ratio: float
    cjk: bool
    shout: bool

    @property
    def lower(self) -> str:
        return self.text.lower()


def tidy(text: str) -> str:
    """NFC, inner whitespace collapsed to single spaces, ends stripped."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_count(text: str) -> int:
    """\\w+ tokens, with each CJK character counted as a word (CJK text has no spaces)."""
    cjk = len(_CJK.findall(text))
    if cjk:
        return len(_WORD.findall(_CJK.sub(" ", text))) + cjk // 2
    return len(_WORD.findall(text))


@lru_cache(maxsize=1)
def _stop_index() -> tuple[list[frozenset[str]], dict[str, tuple[int, ...]]]:
    """justext's frequency-derived stop-word lists (bundled, offline) and word -> lists holding it."""
    import justext

    lists = [frozenset(justext.get_stoplist(lang)) for lang in sorted(justext.get_stoplists())]
    index: dict[str, list[int]] = {}
    for i, stops in enumerate(lists):
        for word in stops:
            index.setdefault(word, []).append(i)
    return lists, {w: tuple(ids) for w, ids in index.items()}


def stoplist_for(text: str) -> frozenset[str]:
    """The stop-word list that covers most of the document's words: a cheap language guess."""
    lists, index = _stop_index()
    hits = [0] * len(lists)
    for word, n in Counter(w.lower() for w in _WORD.findall(text[:50_000])).items():
        for i in index.get(word, ()):
            hits[i] += n
    best = max(range(len(lists)), key=hits.__getitem__)
    return lists[best] if hits[best] else frozenset()


# Hard-wrapped text (e-mail, terminals, wire feeds) breaks lines at a fixed width, at most this wide;
# scraped page text has no such limit, so its longest lines are far longer.
WRAP_MAX_WIDTH = 100
# Wrapped when this share of the substantial lines reach to within WRAP_SLACK characters of the width.
WRAP_SHARE = 0.6
WRAP_SLACK = 20
WRAP_MIN_LINES = 5


def unwrap(raw: str) -> str:
    """Join hard-wrapped lines back into paragraphs; other text is returned unchanged."""
    lines = raw.split("\n")
    widths = [len(x.rstrip()) for x in lines if len(x.strip()) >= 30]
    if len(widths) < WRAP_MIN_LINES:
        return raw
    width = max(widths)
    if width > WRAP_MAX_WIDTH or sum(w >= width - WRAP_SLACK for w in widths) < WRAP_SHARE * len(widths):
        return raw
    out: list[str] = []
    last = 0  # width of the previous physical line: a full-width line was cut by the wrap
    for line in lines:
        if out and line.strip() and last >= width - WRAP_SLACK:
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
        last = len(line.rstrip()) if line.strip() else 0
    return "\n".join(out)


def split_lines(raw: str, stops: frozenset[str] | None = None) -> list[Line]:
    """Non-empty, tidied lines; ``blank_before`` records a paragraph break above the line."""
    raw = unwrap(raw.replace("\r\n", "\n").replace("\r", "\n"))
    stops = stoplist_for(raw) if stops is None else stops
    lines: list[Line] = []
    blank = True
    for text in raw.split("\n"):
        clean = tidy(text)
        if not clean:
            blank = True
            continue
        toks = _WORD.findall(clean)
        n_words = word_count(clean)
        n_stop = sum(1 for t in toks if t.lower() in stops)
        caps = sum(1 for t in toks if t[0].isupper())
        cased = [t for t in toks if t.upper() != t.lower()]
        lines.append(
            Line(
                index=len(lines),
                text=clean,
                blank_before=blank,
                words=n_words,
                chars=len(clean),
                stop_density=n_stop / len(toks) if toks else 0.0,
                sentence_end=bool(_SENTENCE_END.search(clean)),
                sentences=len(re.findall(r"[.!?。！？][\"'”’»)]*(?:\s|$)", clean)),
                capital_ratio=caps / len(toks) if toks else 0.0,
                cjk=len(_CJK.findall(clean)) * 3 > len(clean),
                shout=bool(toks) and len(cased) >= 0.9 * len(toks) and all(t.isupper() for t in cased),
            )
        )
        blank = False
    return lines

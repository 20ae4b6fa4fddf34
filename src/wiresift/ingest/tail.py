"""End-of-article chrome: the last paragraphs of a body that talk about the outlet, not the story.

Subscription and newsletter prompts, trust/standards lines, author bios ("X is a reporter covering ..."),
funding notes, staff contact lines ("Contact X at x@example.org"), "read more" and related-story lines,
share and social lines, copyright lines. Sites word them differently, but they share their shape: the
outlet speaks in the first person or the imperative, they carry addresses and handles, links, brand
words of the web (newsletter, app, podcast), and they often are short lines without a sentence end.

``trim_tail`` scores the last ``WINDOW`` paragraphs with a logistic model over such features and
drops them from the end while the score says chrome; the first paragraph that reads as story stops
it, so nothing before a kept paragraph is ever dropped. The weights come from
``training/train_tail.py`` (``make train-tail``), fitted on the tuned half of the extraction dev set,
and ship in ``tail_weights.json`` beside this module.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

WEIGHTS_PATH = Path(__file__).with_name("tail_weights.json")
WINDOW = 8  # only the last paragraphs are looked at: chrome sits at the end
MAX_DROPPED_SHARE = 0.5  # never drop more than this share of the body's characters
MIN_ANCHOR_CHARS = 4  # shorter link texts ("a", "1") would match inside any paragraph

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|co|io|gov|edu|news)\b(?:/|\b)", re.IGNORECASE)
_PHONE = re.compile(r"\(?\d{2,4}\)?[-. ]\d{3,4}[-. ]\d{3,4}")
_ENDS = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_OUTLET_VOICE = re.compile(r"\b(?:we|we're|we've|our|ours|us)\b", re.IGNORECASE)
_READER_VOICE = re.compile(r"\b(?:you|your|you're|you'll)\b", re.IGNORECASE)
# Imperative openings of calls to action.
_CALL = re.compile(
    r"^\W*(?:subscribe|sign up|sign-up|follow|click|tap|read|download|get|join|support|donate|share|contact"
    r"|e-?mail|send|write to|watch|listen|like|visit|learn|see|check out|discover|don't miss|want|find|call"
    r"|reach|register|log ?in|become|try|sign in|buy|shop|order|explore)\b",
    re.IGNORECASE,
)
_NAME = r"^(?:[A-Z][\w'’.-]*\s|[a-z]+\s(?=[A-Z])){1,6}"  # "Jane Roe ", "Staff writer Jane Roe "
_BIO = re.compile(
    _NAME + r"(?:is|was|has been|serves as)\s(?:a|an|the|our|\w+['’]s)\b.{0,80}?\b(?i:reporter|writer"
    r"|correspondent|editor|journalist|contributor|columnist|fellow|author|producer|curator|analyst|critic"
    r"|photographer|intern|host|staff|curator|professor|director|founder)\b"
    r"|" + _NAME + r"(?:covers|writes about|reports on|has covered|has written|is the author)\b",
)
_FUNDING = re.compile(
    r"\b(?:supported by|support from|funded by|funding from|grant from|made possible by|underwrit\w*"
    r"|sponsored by|in partnership with|in collaboration with|paid for by)\b",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|may not be (?:published|reproduced|redistributed|copied)",
    re.IGNORECASE,
)
_TRUST = re.compile(
    r"\b(?:standards|trust principles|editorial (?:policy|guidelines|independence|code)|ethics policy"
    r"|corrections? policy|fact-?check\w*|the views expressed|views and opinions|disclaimer)\b",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^\W*(?:read more|related|more from|more on|more stories|more great|see also|also read|also on|up next"
    r"|popular|recommended|most read|trending|you may also|you might also|next story|previous story)\b",
    re.IGNORECASE,
)
_WEB_WORDS = re.compile(
    r"\b(?:facebook|twitter|instagram|linkedin|whatsapp|pinterest|youtube|telegram|tiktok|reddit|rss"
    r"|newsletters?|podcasts?|app|apps|inbox|website|homepage|subscribers?|subscriptions?|subscribe|sign up"
    r"|members?|membership|donate|donations?|premium|paywall|cookies?)\b",
    re.IGNORECASE,
)
_AFFILIATE = re.compile(
    r"\b(?:commission|affiliate|share of the sale|earn(?:s)? (?:a|money)|buy something|sponsored|partner links?)\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(r"\b(?:credit|photo|image|source|contributing|reporting|editing)\s*:", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-–•*·▪►»]|\d+[.)])\s")

FEATURES = (
    "bias",
    "log_words",
    "short",
    "ends_sentence",
    "email",
    "handle",
    "url",
    "phone",
    "outlet_voice",
    "reader_voice",
    "call_to_action",
    "bio",
    "funding",
    "copyright",
    "trust",
    "related",
    "web_words",
    "affiliate",
    "credit",
    "bullet",
    "upper_share",
    "link_share",
    "last",
    "rank",
)


def features(line: str, rank: int, link_share: float = 0.0) -> list[float]:
    """Feature vector of one paragraph, ``rank`` 0 for the last one of the body, 1 before it, ..."""
    words = _WORD.findall(line)
    letters = [c for c in line if c.isalpha()]
    upper = sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
    n = len(words)
    return [
        1.0,
        math.log1p(n),
        float(n <= 12),
        float(bool(_ENDS.search(line))),
        float(bool(_EMAIL.search(line))),
        float(bool(_HANDLE.search(line))),
        float(bool(_URL.search(line))),
        float(bool(_PHONE.search(line))),
        float(bool(_OUTLET_VOICE.search(line))),
        float(bool(_READER_VOICE.search(line))),
        float(bool(_CALL.match(line))),
        float(bool(_BIO.match(line))),
        float(bool(_FUNDING.search(line))),
        float(bool(_COPYRIGHT.search(line))),
        float(bool(_TRUST.search(line))),
        float(bool(_RELATED.match(line))),
        min(len(_WEB_WORDS.findall(line)), 3) / 3,
        float(bool(_AFFILIATE.search(line))),
        float(bool(_CREDIT.search(line))),
        float(bool(_BULLET.match(line))),
        upper,
        link_share,
        float(rank == 0),
        min(rank, WINDOW) / WINDOW,
    ]


@cache
def _weights() -> tuple[list[float], float]:
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    names, weights = data["features"], data["weights"]
    if tuple(names) != FEATURES:
        raise RuntimeError(f"{WEIGHTS_PATH.name} was trained on other features; run `make train-tail`")
    return [float(w) for w in weights], float(data["threshold"])


STRONG_MAX_CHARS = 400  # a longer paragraph that mentions a grant or a copyright is story, not a note


def is_declared_chrome(line: str) -> bool:
    """The kinds of end notes the project counts as chrome whatever a benchmark's gold says (issue #12):
    an author bio, a funding note, a copyright or standards line, a contact line with an address or a
    handle, a call to subscribe or follow. The Zyte gold keeps some of them, so the learned model
    alone under-weights them."""
    if len(line) > STRONG_MAX_CHARS:
        return False
    return bool(
        _BIO.match(line)
        or _FUNDING.search(line)
        or _COPYRIGHT.search(line)
        or (_TRUST.search(line) and len(line.split()) <= 20)
        or _EMAIL.search(line)
        or (_CALL.match(line) and (_HANDLE.search(line) or _WEB_WORDS.search(line)))
    )


def chrome_probability(line: str, rank: int, link_share: float = 0.0) -> float:
    weights, _ = _weights()
    z = sum(w * x for w, x in zip(weights, features(line, rank, link_share), strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def ends_sentence(line: str) -> bool:
    """True when the line ends like a sentence (a full stop, ?, ! or an ellipsis, maybe quoted)."""
    return _ENDS.search(line) is not None


def link_share(line: str, anchors: Iterable[str]) -> float:
    """Share of the paragraph's characters that are the text of one of the page's links."""
    if not line:
        return 0.0
    linked = sum(len(a) for a in anchors if len(a) >= MIN_ANCHOR_CHARS and a in line)
    return min(1.0, linked / len(line))


def tail_start(paragraphs: list[str], anchors: Iterable[str] = ()) -> int:
    """Index of the first paragraph of the trailing chrome (``len(paragraphs)`` when there is none)."""
    _, threshold = _weights()
    anchor_list = list(anchors)
    total = sum(len(p) for p in paragraphs)
    start, dropped = len(paragraphs), 0
    for rank in range(min(WINDOW, len(paragraphs) - 1)):  # the first paragraph always stays
        i = len(paragraphs) - 1 - rank
        line = paragraphs[i]
        if (
            not is_declared_chrome(line)
            and chrome_probability(line, rank, link_share(line, anchor_list)) < threshold
        ):
            break
        dropped += len(line)
        if dropped > MAX_DROPPED_SHARE * total:
            break
        start = i
    return start


def trim_tail(text: str, anchors: Iterable[str] = ()) -> str:
    """The body without its trailing chrome paragraphs (paragraphs separated by blank lines)."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(paragraphs[: tail_start(paragraphs, anchors)])

"""Find the article body among scraped lines: score each line, keep the best contiguous block.

Each line gets a signed score: prose (long, sentence-like, dense in stop words) counts its words,
chrome (short menu items, link-ish phrases, widgets) costs a penalty. The body is the contiguous run
of lines with the highest total (a maximum-subarray search), so a short line inside the article survives
while a long menu above or a footer below is cut off.

The weights below were set by hand on the extraction dev set (``eval/score_scraped.py``) and are
calibrated as a set: do not tune one in isolation.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence

from wiresift.ingest.text_lines import Line

# Prose: at least this many words and some stop words. 8 words lets a short one-sentence paragraph in,
# while menu rows ("Home News World Business Sport Tech") rarely reach it with stop words.
PROSE_MIN_WORDS = 8
PROSE_MIN_STOP = 0.18
# A line that fails the prose test costs this many points plus a share of its words: menus and teaser
# lists are many short lines, so they add up to a barrier the body cannot bridge.
SHORT_PENALTY = 2.0
NONPROSE_WORD_COST = 0.5
# Consecutive non-prose lines cost more and more (the k-th costs 1 + k * RUN_GROWTH times its base): a
# list of a few short items inside an article is bridged, a 20-item menu or teaser rail is not.
RUN_GROWTH = 0.25
# Lines that say "page furniture" in almost any site template.
CHROME_PENALTY = 12.0
_CHROME = re.compile(
    r"^(advertisement|advertising|sponsored( content)?|continue reading( the main story)?|"
    r"story continues below( advertisement)?|skip to (main )?content|"
    r"sign (in|up)|log ?in|subscribe( now)?|newsletter|cookie|"
    r"click here|trending|advert|print|email|facebook|twitter|whatsapp|linkedin|pinterest|reddit)\b",
    re.IGNORECASE,
)
# All-capitals lines of this many words are promos or teaser headlines; shorter ones may be subheadings.
SHOUT_MIN_WORDS = 6
# Template phrases and barriers are short; a longer line starting with the same words is a sentence.
PHRASE_MAX_WORDS = 12
# Lines that usually close the article: section headers for sharing, tags, comments or other stories.
# They are matched as whole lines ("Related stories"), so an inline "Related: <title>" link is not one.
# ``find_body`` also cuts the page at them; the penalty keeps scores meaningful without the cuts.
BARRIER_PENALTY = 40.0
_BARRIER = re.compile(
    r"^(?:share (?:this|on|the)\b.*|sharing is caring.*|related(?: (?:articles?|stories|posts|news|coverage|"
    r"content|links|topics|reading|videos?))?|tags?|topics|keywords|filed under.*|posted in\b.*|"
    r"\d+ (?:comments?|responses?|replies)\b.*|comments?|\[ ?\d+ comments ?\]|leave a (?:reply|comment).*|"
    r"(?:post|add|write) a comment.*|tell us what you think.*|you (?:may|might) (?:also )?(?:like|enjoy).*|"
    r"more (?:stories|from|news|on)\b.*|more(?: [\w'’]+){0,3} stories|more|don'?t miss|recommended(?: for you| stories| articles)?|top stories|"
    r"trending(?: news| now| stories)?|most (?:read|popular|viewed).*|read (?:more|next)|"
    r"previous (?:post|article)|next (?:post|article)|about the author|"
    r".*all rights reserved.*|copyright\b.*|©.*|privacy policy|terms (?:of|and) .*)\s*[:.…]*$",
    re.IGNORECASE,
)
# Barriers that head a box of links, which sites also drop into the middle of an article; the body may
# continue right after the box, so blocks on both sides of one can be joined (see ``find_body``).
_BOX = re.compile(
    r"^(?:related|read (?:more|next)|recommended|more (?:on|from)|see also|most (?:read|popular|viewed)|"
    r"top stories|trending|you (?:may|might)|more|don'?t miss)",
    re.IGNORECASE,
)
# The section after a lone date line must hold this many paragraphs to continue a timeline article;
# a teaser river has one summary line per date.
TIMELINE_PARAGRAPHS = 2
# A block starting within BOX_REACH lines under a box header counts for BOX_DISCOUNT of its words.
BOX_REACH = 2
BOX_DISCOUNT = 0.5
# Join the body block with the next one across a link box when at most this many lines lie between them
# and the next block is worth at least this many words.
JOIN_GAP = 8
JOIN_MIN = 30.0
_COMMENT_HEAD = re.compile(r"\b(says|said|wrote)\s*:$", re.IGNORECASE)


def is_chrome_phrase(line: Line) -> bool:
    """Template phrases, and long all-capitals lines (promos and teaser headlines: "GET THE APP NOW")."""
    if line.words >= SHOUT_MIN_WORDS and line.shout:
        return True
    return line.words <= PHRASE_MAX_WORDS and bool(_CHROME.match(line.text))


def is_barrier(line: Line) -> bool:
    """A section header that ends the article ("Related stories", "12 Comments", "jane says:")."""
    if line.words > PHRASE_MAX_WORDS:
        return False
    return bool(_BARRIER.match(line.text) or _COMMENT_HEAD.search(line.text))


def is_prose(line: Line) -> bool:
    """Sentence-like text: enough words, stop words, and punctuation (or plenty of words)."""
    if line.cjk:
        return (line.chars >= 20 and line.sentence_end) or line.chars >= 60
    if line.words < PROSE_MIN_WORDS or line.stop_density < PROSE_MIN_STOP:
        return False
    return line.sentence_end or line.words >= 20


def line_scores(lines: Sequence[Line], non_body: Sequence[bool], inline: Sequence[bool]) -> list[float]:
    """Signed score per line: prose counts its words, everything else a growing penalty.

    ``non_body`` marks lines already known not to be body text (captions, bylines, learned boilerplate);
    ``inline`` those of them that sites put between paragraphs (captions, "Also Read" links): they cost a
    flat SHORT_PENALTY, whatever their length, so a long caption does not split an article in two.
    """
    out: list[float] = []
    run = 0
    for line, excluded, between in zip(lines, non_body, inline, strict=True):
        if between:
            out.append(-SHORT_PENALTY)
        elif is_barrier(line):
            out.append(-BARRIER_PENALTY)
            run += 1
        elif is_prose(line) and not excluded and not is_chrome_phrase(line):
            out.append(float(line.words))
            run = 0
        else:
            base = (
                CHROME_PENALTY if is_chrome_phrase(line) else SHORT_PENALTY + NONPROSE_WORD_COST * line.words
            )
            out.append(-base * (1 + RUN_GROWTH * run))
            run += 1
    return out


def best_block(scores: Sequence[float], lo: int = 0, hi: int | None = None) -> tuple[float, int, int]:
    """(sum, start, end) of the contiguous run in ``scores[lo:hi]`` with the largest sum (Kadane)."""
    hi = len(scores) if hi is None else hi
    best, best_span = 0.0, (lo, lo)
    run, run_start = 0.0, lo
    for i in range(lo, hi):
        if run <= 0:
            run, run_start = scores[i], i
        else:
            run += scores[i]
        if run > best:
            best, best_span = run, (run_start, i + 1)
    return best, best_span[0], best_span[1]


# The on-page headline (anchor) comes before the body, so with an anchor only blocks below it compete,
# unless all of them together are worth fewer than this many words (then the anchor was a teaser).
ANCHOR_MIN = 25.0
# Below the anchor, the first block worth this share of the largest one there is the body: a short
# article followed by a long comment thread keeps its own text.
ANCHOR_RATIO = 0.25
# A standfirst is followed by its date line within this many lines (byline, author links between).
STANDFIRST_REACH = 10
# Without an anchor, the first block at least this share of the largest one wins: articles come before
# their comments and reader discussions, which are often longer.
EARLY_RATIO = 0.5


def find_body(
    lines: Sequence[Line], scores: Sequence[float], anchor: int | None, extra_cuts: Collection[int] = ()
) -> tuple[int, int]:
    """[start, end) of the body lines: the best block per segment, then a choice.

    Segments are delimited by barrier lines, the anchor, and ``extra_cuts`` (the caller passes standalone
    date lines: inside a page they start teasers and comments, almost never a new paragraph of the story).
    """
    cuts = sorted(
        {i for i, line in enumerate(lines) if is_barrier(line)}
        | ({anchor} if anchor is not None else set())
        | set(extra_cuts)
    )
    bounds = [-1, *cuts, len(lines)]
    blocks = []
    for a, b in itertools.pairwise(bounds):
        total, start, end = best_block(scores, a + 1, b)
        if total > 0:
            blocks.append((total, start, end))
    if not blocks:
        return 0, 0
    ranked = [_discount(lines, blk) for blk in blocks]
    if anchor is not None:
        dates = set(extra_cuts)
        after = [blk for blk in ranked if blk[1] > anchor and not _standfirst(blk, anchor, dates)]
        if after and max(total for total, _s, _e in after) >= ANCHOR_MIN:
            top = max(total for total, _s, _e in after)
            return _join(
                lines, scores, cuts, next(blk for blk in after if blk[0] >= ANCHOR_RATIO * top), dates
            )
    top = max(total for total, _s, _e in ranked)
    early = next(blk for blk in ranked if blk[0] >= EARLY_RATIO * top)
    return _join(lines, scores, cuts, early, extra_cuts)


def _standfirst(block: tuple[float, int, int], anchor: int, dates: Collection[int]) -> bool:
    """One line right under the headline with the date line after it: the standfirst, not the body
    (news pages run headline, standfirst, byline, date, body)."""
    _total, start, end = block
    return end - start == 1 and start - anchor <= 2 and any(end <= d <= end + STANDFIRST_REACH for d in dates)


def _discount(lines: Sequence[Line], block: tuple[float, int, int]) -> tuple[float, int, int]:
    """A block right under a link-box header ("Most Popular") is probably the box: worth less."""
    total, start, end = block
    above = [x for x in lines[max(0, start - BOX_REACH) : start] if is_barrier(x) and _BOX.match(x.text)]
    return (total * BOX_DISCOUNT if above else total), start, end


def _join(
    lines: Sequence[Line],
    scores: Sequence[float],
    cuts: list[int],
    chosen: tuple[float, int, int],
    dates: Collection[int] = (),
) -> tuple[int, int]:
    """Extend the chosen block, both ways, over link boxes that interrupt the article: the prose right
    across a box (within JOIN_GAP lines) is added while its best run up to the next cut is worth JOIN_MIN.
    Forward, a lone date line between sections of several paragraphs (a timeline) is crossed too."""
    start, end = chosen[1], chosen[2]
    while True:
        nxt = next((i for i in range(end, min(len(lines), end + JOIN_GAP + 1)) if scores[i] > 0), None)
        if nxt is None:
            break
        dated = _dated_gap(range(end, nxt), dates)
        if not dated and not _box_gap(lines[end:nxt]):
            break
        stop = next((c for c in cuts if c > nxt), len(lines))
        gain, best_end, run = 0.0, nxt, 0.0
        for i in range(nxt, stop):
            run += scores[i]
            if run > gain:
                gain, best_end = run, i + 1
        if gain < JOIN_MIN or (dated and _paragraphs(scores, nxt, best_end) < TIMELINE_PARAGRAPHS):
            break
        end = best_end
    while True:
        prev = next((i for i in range(start - 1, max(-1, start - JOIN_GAP - 2), -1) if scores[i] > 0), None)
        if prev is None or not _box_gap(lines[prev + 1 : start]):
            break
        stop = max((c for c in cuts if c < prev), default=-1)
        gain, best_start, run = 0.0, prev, 0.0
        for i in range(prev, stop, -1):
            run += scores[i]
            if run > gain:
                gain, best_start = run, i
        if gain < JOIN_MIN:
            break
        start = best_start
    return start, end


def _dated_gap(gap: range, dates: Collection[int]) -> bool:
    """One date line and at most one other line: a timeline's next section, not a teaser's title,
    byline and date."""
    return len(gap) <= 2 and sum(i in dates for i in gap) == 1


def _paragraphs(scores: Sequence[float], start: int, end: int) -> int:
    return sum(1 for i in range(start, end) if scores[i] > 0)


def _box_gap(gap: Sequence[Line]) -> bool:
    """A gap holding at least one barrier, all of them link-box headers."""
    boxes = [x for x in gap if is_barrier(x)]
    return bool(boxes) and all(_BOX.match(x.text) for x in boxes)

"""The time rules' prefilter (``prefilter.Prefilter``) skips a rule only where it cannot match: the
scan finds exactly what every rule run over every window finds."""

from __future__ import annotations

import random
import re

from wiresift.nlp.time import patterns
from wiresift.nlp.time.prefilter import Prefilter, required_strings


def _plain_scan(text: str) -> list[patterns.Candidate]:
    """``patterns.scan`` without the prefilter: every rule over every window."""
    found: list[patterns.Candidate] = []
    windows = patterns.regions(text)
    for name, rx in patterns.COMPILED:
        has_skip = "skip" in rx.groupindex
        for lo, hi in windows:
            for m in rx.finditer(text, lo, hi):
                start = m.end("skip") if has_skip and m.group("skip") else m.start()
                end = m.end()
                while end > start and text[end - 1] in " \t\n,":
                    end -= 1
                if end > start:
                    found.append(patterns.Candidate(name, start, end, m.groupdict()))
    return found


def _rule(name: str) -> int:
    return [n for n, _ in patterns.COMPILED].index(name)


NEWS = (
    "The ferry operator said on Tuesday that sailings from Larne would resume at 6.30 a.m. on March 4, "
    "three weeks after the storm. Fares rose 4% in the second quarter of 2019 and again last year, and "
    "the 1990s fleet will be replaced by 2031. Talks begun in the spring of nineteen ninety-eight went on "
    "for months; a deal came on 12/03/2004, and the 2015-06-30 filing covered the year ending in June. "
    "Every Friday since Christmas Eve the harbour has closed at midnight, the council said yesterday "
    "evening, as it has for decades. It was some time before the '80s revival; nowadays crossings take "
    "two and a half hours, about 40 minutes longer than a fortnight ago, at 14:30 GMT."
)


def test_required_strings_of_a_small_rule() -> None:
    rx = re.compile(r"(?<!\w)\d+\s+(?:days|weeks)\s+ago", re.IGNORECASE)
    assert required_strings(rx) == frozenset({"days", "weeks"})


def test_required_strings_read_optional_parts_and_classes() -> None:
    decades = {f"{c}{d}0s" for c in ("19", "20") for d in "56789"}
    assert required_strings(re.compile(r"(?:mid-)?(?:19|20)[5-9]0s", re.I)) == frozenset(
        decades | {"mid-" + d for d in decades}
    )
    assert required_strings(re.compile(r"\d\s*[ap]\.?m", re.I)) == frozenset({"am", "pm", "a.m", "p.m"})
    # a lone letter is in nearly every window: no filter
    assert required_strings(re.compile(r"\d\s*[ap](?![a-z])", re.I)) is None
    assert required_strings(re.compile(r"\w+", re.I)) is None


def test_every_match_holds_one_of_its_rules_strings() -> None:
    for rule, (name, rx) in enumerate(patterns.COMPILED):
        needles = patterns.PREFILTER.needles[rule]
        for m in rx.finditer(NEWS):
            assert needles is None or any(n in m.group().lower() for n in needles), (name, m.group())


def test_rules_without_their_words_are_skipped() -> None:
    text = "The mayor met donors in March and again in 2012."
    present = patterns.PREFILTER.present(text, 0, len(text))
    assert not patterns.PREFILTER.may_match(_rule("holiday"), present)
    assert not patterns.PREFILTER.may_match(_rule("ago"), present)
    assert patterns.PREFILTER.may_match(_rule("month_year"), present)
    assert patterns.PREFILTER.may_match(_rule("year"), present)


def test_scan_equals_every_rule_on_every_window() -> None:
    assert patterns.scan(NEWS) == _plain_scan(NEWS)
    assert patterns.scan(NEWS)


def test_scan_equals_every_rule_on_random_text() -> None:
    words = sorted({w for n in patterns.PREFILTER.needles if n for w in n} | set(re.findall(r"[a-z]+", NEWS)))
    glue = [" ", "  ", "\n", ", ", "-", " 3 ", " 2014 ", " the ", " last ", " 7 ", " ago ", "'s ", " 11:05 "]
    rng = random.Random(11)
    for _ in range(1500):
        text = "".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(1, 14)))
        if rng.random() < 0.3:
            text = text.title()
        assert patterns.scan(text) == _plain_scan(text), text


def test_a_case_form_the_strings_lack_runs_every_rule() -> None:
    # a case-blind regex takes the long "ſ" for "s": the window's strings cannot be told, so no rule
    # is skipped there
    text = "Ferries ran three dayſ ago."
    filt = Prefilter([rx for _, rx in patterns.COMPILED])
    assert filt.present(text, 0, len(text)) is None
    assert patterns.scan(text) == _plain_scan(text)

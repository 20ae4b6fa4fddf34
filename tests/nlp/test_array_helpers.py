"""Helpers that answer from strings and arrays give what the slower readings they replace give."""

from __future__ import annotations

import math
import re

from wiresift.gazetteer import Entry
from wiresift.nlp.places.locative import capitalised_text
from wiresift.nlp.places.recognize import _capitalised_flags
from wiresift.nlp.places.resolve import CLOSE_KM, NEAR_KM, _closest, haversine
from wiresift.nlp.quotes.common import words_end

_WORD = re.compile(r"\w+")


def _last_word_end(text: str, start: int, end: int) -> int:
    last = start
    for m in _WORD.finditer(text, start, end):
        last = m.end()
    return last


def test_words_end_is_the_end_of_the_last_word() -> None:
    # Invented text: closing marks, a dash, digits, an underscore, accented and non-Latin letters.
    text = "“We will reopen the Varna depot by 2031,” Ilse Korhonen said — not_yet. Çelik: 東京 ²…”"
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 2):
            assert words_end(text, start, end) == _last_word_end(text, start, end), (start, end)
    assert words_end(text, 0, text.index(",”") + 2) == text.index(",”")  # the marks after it left out
    assert words_end("—  …", 0, 4) == 0  # no word: the start


def _entry(id_: int, lat: float, lon: float) -> Entry:
    return Entry(id_, None, f"place{id_}", "city", "XX", None, lat, lon, 1000, False)


def _nearest(e: Entry, anchors: list[Entry]) -> float:
    return min(
        (haversine(e.lat, e.lon, a.lat, a.lon) for a in anchors if a.id != e.id),  # type: ignore[arg-type]
        default=math.inf,
    )


def test_closest_anchor_within_reach_as_measured_against_all() -> None:
    e = _entry(1, 48.0, 11.0)
    far_north = _entry(2, 58.0, 11.0)  # about 1,100 km north: not measured
    near = _entry(3, 48.3, 11.2)  # about 37 km away
    edge = _entry(4, 48.0 + NEAR_KM / 111.19 - 0.001, 11.0)  # just inside NEAR_KM, due north
    for anchors in ([far_north], [far_north, near], [edge, far_north], [e], [], [near, edge, e]):
        got, want = _closest(e, e.lat, e.lon, anchors), _nearest(e, anchors)  # type: ignore[arg-type]
        assert (got <= NEAR_KM, got <= CLOSE_KM) == (want <= NEAR_KM, want <= CLOSE_KM)
        if want <= NEAR_KM:
            assert got == want
    assert _closest(e, e.lat, e.lon, [far_north]) == math.inf  # too far north to be measured
    assert _closest(e, e.lat, e.lon, [edge]) <= NEAR_KM


def test_capitalised_flags_judge_each_token() -> None:
    texts = ["Lyon", "lyon", "U.S.", "IBM", "3M", "", "Lyon", "É", "."]
    assert _capitalised_flags(texts) == [capitalised_text(t) for t in texts]
    assert _capitalised_flags(texts)[:4] == [True, False, True, True]

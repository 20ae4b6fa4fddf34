"""Build the events stage's discard phrases from PETRARCH2's ``Phoenix.discards.txt``:
``python training/build_event_discards.py [PETRARCH2_DIR]`` (default ``../shared/resources/petrarch2``).

PETRARCH2 codes no event in a sentence that names one of these phrases: sports, entertainment,
history and health news whose verbs only look like events ("defeated Wales", "seized the lead",
"surrendered the series"). Training code: it writes only the phrases, lower case, into
``src/wiresift/nlp/events/data/discards.json`` (MIT notice beside it, ``NOTICE-PETRARCH2.txt``).

Left out: the bare years (1914 ...), the spans of time before or after ("weeks ago", "years later"),
the wars and the months of a year ("World War Two", "April 1942"), which marked history for a coder
of that year's wire news but are time references in news of any date ("two weeks ago", "the first
deployment abroad since World War II" date an event, they do not discard it), and the line's comment. A ``+`` (the dictionary's whole-story discard) is read as a sentence's, and
the trailing ``_`` (an exact word) is dropped: every phrase matches whole words.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SRC = REPO.parent / "shared" / "resources" / "petrarch2"
OUT = REPO / "src" / "wiresift" / "nlp" / "events" / "data" / "discards.json"
_WORD = re.compile(r"[a-z0-9'\-]+")
#: Last words of a span of time relative to the wire's date: no discard for articles of any date.
_RELATIVE = frozenset({"ago", "later"})
#: Words of a war, which news uses to date and compare ("the first deployment abroad since World War
#: II"): a time reference, no discard.
_WARS = frozenset({"war", "wars"})
_MONTH_YEAR = re.compile(r"^(january|february|march|april|may|june|july|august|september|october|"
                         r"november|december) \d{4}$")  # fmt: skip


def phrases(text: str) -> list[str]:
    """The discard phrases of the dictionary's text, lower case, whole words, sorted and unique."""
    out: set[str] = set()
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].split(";", 1)[0].strip().lstrip("+").replace("_", " ").lower()
        words = _WORD.findall(line)
        if not words or all(w.isdigit() for w in words) or words[-1] in _RELATIVE:
            continue  # a blank line, a comment, a bare year or a span of time ago or later
        if _WARS.intersection(words) or _MONTH_YEAR.match(" ".join(words)):
            continue  # a war or a month of a year: a time reference
        out.add(" ".join(words))
    return sorted(out)


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_SRC
    found = phrases((src / "Phoenix.discards.txt").read_text(encoding="utf-8", errors="replace"))
    OUT.write_text(json.dumps({"phrases": found}, indent=0) + "\n", encoding="utf-8")
    print(f"{len(found)} discard phrases -> {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

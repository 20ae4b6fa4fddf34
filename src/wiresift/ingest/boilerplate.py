"""Learn a site's boilerplate: lines that repeat across many of its scraped documents.

A line is boilerplate for a site when it appears in at least ``min_docs`` documents of that site *and*
in at least ``min_share`` of them. Both are needed: the count keeps two look-alike articles from
teaching each other, the share keeps a phrase that happens to recur in a big archive from becoming
chrome. Lines are compared after lower-casing, collapsing whitespace and masking digits, so "© 2021"
and "© 2022" or "12 comments" and "40 comments" count as the same line. Only digests are kept.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

# Three documents: the fewest in which "repeats" is not a coincidence of two near-duplicate stories.
MIN_DOCS = 3
# 30%: menus and footers appear on nearly every page; a section's own footer on a third of them.
MIN_SHARE = 0.3
# Per-site cap on remembered digests; beyond it, digests seen in a single document are dropped (they
# cannot be boilerplate yet, and a long crawl would otherwise grow the model without bound).
MAX_KEYS_PER_SITE = 50_000

_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def line_key(line: str) -> str:
    """Digest of a line in its normalised form (lower case, single spaces, digits masked)."""
    norm = _SPACE.sub(" ", _DIGITS.sub("#", line.lower())).strip(" •·*-|")
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


@dataclass
class _Site:
    docs: int = 0
    lines: Counter[str] = field(default_factory=Counter)


@dataclass
class BoilerplateModel:
    """Per-site counts of line digests; serialisable with ``to_dict`` / ``from_dict``."""

    min_docs: int = MIN_DOCS
    min_share: float = MIN_SHARE
    sites: dict[str, _Site] = field(default_factory=dict)

    def observe(self, site: str, raw: str) -> None:
        """Count the distinct lines of one document of ``site``."""
        stats = self.sites.setdefault(site.lower(), _Site())
        stats.docs += 1
        keys = {line_key(x) for x in raw.splitlines() if x.strip()}
        stats.lines.update(keys)
        if len(stats.lines) > MAX_KEYS_PER_SITE:
            stats.lines = Counter({k: n for k, n in stats.lines.items() if n > 1})

    def is_boilerplate(self, site: str, line: str) -> bool:
        stats = self.sites.get(site.lower())
        if stats is None or stats.docs < self.min_docs:
            return False
        seen = stats.lines.get(line_key(line), 0)
        return seen >= self.min_docs and seen >= self.min_share * stats.docs

    def known(self, site: str, lines: Iterable[str]) -> set[int]:
        """Indices of the given lines that are boilerplate for ``site``."""
        return {i for i, line in enumerate(lines) if self.is_boilerplate(site, line)}

    def to_dict(self) -> dict[str, object]:
        return {
            "min_docs": self.min_docs,
            "min_share": self.min_share,
            "sites": {name: {"docs": s.docs, "lines": dict(s.lines)} for name, s in self.sites.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> BoilerplateModel:
        sites_in = data.get("sites", {})
        assert isinstance(sites_in, dict)
        sites = {
            str(name): _Site(
                docs=int(s["docs"]), lines=Counter({str(k): int(v) for k, v in s["lines"].items()})
            )
            for name, s in sites_in.items()
        }
        min_docs = data.get("min_docs", MIN_DOCS)
        min_share = data.get("min_share", MIN_SHARE)
        assert isinstance(min_docs, int) and isinstance(min_share, int | float)
        return cls(min_docs=min_docs, min_share=float(min_share), sites=sites)

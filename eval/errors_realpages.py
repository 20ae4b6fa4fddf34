"""List claim and pin errors on the TUNE half of the team's real-page gold (never the held-out half).

Usage: ``python eval/errors_realpages.py [claims|pins|claims-dev]``. A debugging aid for rule work:
each line is one gold claim (or pin) with what the system gave, in its sentence, so that errors can
be read by class. It refuses to print the held-out half on purpose: rules are chosen on ``tune``
only. ``claims-dev`` lists the errors of ``score_claims.py`` on its dev documents only (its own
``--errors`` prints the held-out TimeBank rows too).
"""

from __future__ import annotations

import sys
from pathlib import Path

from gate import shared_eval
from score_pins import load_pages as load_pin_pages
from score_realpages import (
    _claimant_right,
    _counted_right,
    _overlaps,
    _value_right,
    load_pages,
    predict,
)


def _context(text: str, s: int, e: int, width: int = 90) -> str:
    return (text[max(0, s - width) : s] + "[[" + text[s:e] + "]]" + text[e : e + width]).replace("\n", " ")


def claims(eval_dir: Path) -> None:
    pages = load_pages(eval_dir, "tune")
    for page, doc in zip(pages, predict(pages), strict=True):
        used: set[int] = set()
        for gold in page.claims:
            s, e = gold["span"]
            match = None
            for k, claim in enumerate(doc.claims):
                if k not in used and _overlaps((claim.start, claim.end), (s, e)):
                    used.add(k)
                    match = claim
                    break
            want_c = page.text[gold["counted"][0] : gold["counted"][1]] if gold["counted"] else None
            want_w = page.text[gold["claimant"][0] : gold["claimant"][1]] if gold["claimant"] else None
            if match is None:
                print(f"MISS  {page.site} v={gold['value']} c={want_c!r}\n      {_context(page.text, s, e)}")
                continue
            problems = []
            if not _value_right(gold, match):
                problems.append(f"value {match.value} want {gold['value']}")
            elif not _counted_right(page.text, gold, match):
                problems.append(f"counted {match.counted!r} want {want_c!r}")
            if _value_right(gold, match) and not _claimant_right(page.text, gold, match):
                m = match.claimant_mention
                got = page.text[m.start : m.end] if m else None
                problems.append(f"claimant {got!r}/{match.claimant_name!r} want {want_w!r}")
            if problems:
                print(f"ERR   {page.site} {'; '.join(problems)}\n      {_context(page.text, s, e)}")
        for k, claim in enumerate(doc.claims):
            if k not in used:
                print(
                    f"FALSE {page.site} v={claim.value} c={claim.counted!r}\n"
                    f"      {_context(page.text, claim.start, claim.end)}"
                )


def pins(eval_dir: Path) -> None:
    """Every pin that is not right (a non-place, no gold, or farther than 161 km), in its context."""
    from wiresift.model import Document
    from wiresift.nlp.pipeline import Context, load_model
    from wiresift.nlp.places import make_stage
    from wiresift.nlp.places.resolve import haversine

    pages = load_pin_pages(eval_dir, "tune")
    nlp = load_model()
    stage = make_stage()
    for page, sdoc in zip(pages, nlp.pipe(p.text for p in pages), strict=True):
        doc = Document(text=page.text, url=page.url)
        stage(doc, sdoc, Context())
        taken: set[int] = set()
        pins = sorted(
            (s, e, p) for p in doc.places if p.lat is not None and p.lon is not None for s, e in p.mentions
        )
        for s, e, place in pins:
            gi = next(
                (
                    i
                    for i, m in enumerate(page.mentions)
                    if i not in taken and _overlaps(tuple(m["span"]), (s, e))
                ),
                None,
            )
            if gi is not None:
                taken.add(gi)
                gold = page.mentions[gi]
                if gold["place"] and haversine(place.lat, place.lon, gold["lat"], gold["lon"]) <= 161:
                    continue
                tag = f"{gold.get('use')}/{'place' if gold['place'] else 'NOT'}"
            else:
                tag = "NO-GOLD"
            adj = " adj" if place.adjectival else ""
            print(f"{tag:14} {place.name!r} {place.id}{adj} | {_context(page.text, s, e, 60)}")
        for i, m in enumerate(page.mentions):
            if m["place"] and m.get("use", "place") == "place" and i not in taken:
                s, e = m["span"]
                print(f"{'MISSED':14} | {_context(page.text, s, e, 60)}")


def claims_dev(eval_dir: Path) -> None:
    """The claim errors of ``score_claims.py`` on its dev documents, without the held-out ones."""
    from score_claims import HELDOUT, evaluate

    _scores, counts = evaluate(eval_dir)
    for line in counts.errors:
        if not line.startswith(HELDOUT):
            print(line)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    where = shared_eval()
    if where is None:
        raise SystemExit("../shared/eval is absent")
    modes = {"claims": claims, "pins": pins, "claims-dev": claims_dev}
    modes[sys.argv[1] if len(sys.argv) > 1 else "claims"](where)

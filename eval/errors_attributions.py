"""List canonical-speaker errors on the TUNE half of the team's attribution gold (never the held-out half),
or on the ``fresh`` pages (``eval/gold/attributions_fresh``, development data once scored blind).

Usage: ``python eval/errors_attributions.py [tune|fresh] [--quotes]``. A debugging aid for speaker work:
each line is one true positive quote whose canonical speaker is wrong, with the gold speaker, the
predicted mention and entity, and the text around the quote. ``--quotes`` also lists the false quotes
(predictions matching no gold row) and the gold rows no prediction recalls. It refuses the held-out
half and the blind ``fresh2`` pages on purpose: rules are chosen on ``tune`` (and ``fresh``) only; the
held-out half and ``fresh2`` are read in aggregate through ``score_attributions.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from score_attributions import FRESH, Page, best_row, load_pages, predict, speaker_right
from score_quotes import words


def _context(text: str, s: int, e: int, width: int = 160) -> str:
    return (text[max(0, s - width) : s] + "[[" + text[s:e] + "]]" + text[e : e + 60]).replace("\n", " | ")


def _quote_errors(page: Page, doc: Any, gwords: list[frozenset[int]]) -> None:
    """Print the false quotes and the missed gold rows of one page (the matching rules of the scorer)."""
    text = page.text
    covered: list[frozenset[int]] = [frozenset() for _ in page.rows]
    for quote in doc.quotes:
        pw = words(text, [(quote.start, quote.end)])
        best = best_row(pw, gwords)
        if best is None:
            got = quote.speaker_mention.text if quote.speaker_mention else None
            print(
                f"{page.site} FALSE {quote.kind} mode={getattr(quote, 'mode', 'statement')} "
                f"cue={getattr(quote, 'cue', None)!r} mention={got!r}\n  {_context(text, quote.start, quote.end)}"
            )
        else:
            covered[best] = covered[best] | pw
    for row, gw, got_words in zip(page.rows, gwords, covered, strict=True):
        if gw and len(got_words & gw) >= 0.5 * len(gw):
            continue
        s, e = row["content"][0][0], row["content"][-1][1]
        cue = text[row["cue"][0] : row["cue"][1]] if row["cue"] else None
        print(f"{page.site} MISSED {row['kind']} {row['mode']} cue={cue!r}\n  {_context(text, s, e)}")


def main(argv: list[str]) -> None:
    from gate import shared_eval

    args = [a for a in argv if not a.startswith("--")]
    split = args[0] if args else "tune"
    if split not in ("tune", FRESH):
        raise SystemExit("errors_attributions.py lists the tune half or the fresh pages only")
    eval_dir = shared_eval()
    if eval_dir is None:
        raise SystemExit("../shared/eval is absent: set WIRESIFT_SHARED_EVAL to the eval folder")
    pages = load_pages(eval_dir, split)
    n_wrong = 0
    for page, doc in zip(pages, predict(pages), strict=True):
        text = page.text
        entities = {e.id: e for e in doc.entities}
        gwords = [words(text, [tuple(p) for p in row["content"]]) for row in page.rows]
        for quote in doc.quotes:
            best = best_row(words(text, [(quote.start, quote.end)]), gwords)
            if best is None:
                continue
            row = page.rows[best]
            if speaker_right(page, row, quote, entities):
                continue
            n_wrong += 1
            gold = page.entities.get(row["speaker"]) if row["speaker"] else None
            want = text[gold["span"][0] : gold["span"][1]] + f" ({gold['type']})" if gold else None
            local = text[row["mention"][0] : row["mention"][1]] if row["mention"] else None
            got = quote.speaker_mention.text if quote.speaker_mention else None
            print(
                f"{page.site} {quote.kind} conf={quote.speaker_confidence}\n"
                f"  want {want!r} local {local!r}; got mention {got!r} entity {quote.speaker_name!r}\n"
                f"  {_context(text, quote.start, quote.end)}"
            )
        if "--quotes" in argv:
            _quote_errors(page, doc, gwords)
    print(f"{n_wrong} wrong speakers on {split}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main(sys.argv[1:])

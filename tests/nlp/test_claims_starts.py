"""``find_numbers`` looks only at the tokens :func:`may_start` lets through: that must hold every token
where a number run or a fraction starts."""

from __future__ import annotations

from wiresift.nlp.claims.fractions import fraction_at
from wiresift.nlp.claims.spans import _is_num, find_numbers, may_start

# Invented text: number words, digits with scales and separators, fractions, a "half", Arabic-Indic
# digits and words that only look like numbers.
TEXT = (
    "Nearly two-thirds of 1,250 workers at the Varden plant, some 40bn rupees' worth, voted; "
    "half a dozen stayed home and three quarters of the rest left. Officials counted ٣ ballots "
    "spoiled, one in four unsigned, and twenty-five thousand leaflets. A third nation said no; "
    "Hundreds of thousands watched on 2/3 channels and 07 screens."
)


def test_may_start_holds_every_start(nlp) -> None:  # type: ignore[no-untyped-def]
    sdoc = nlp(TEXT)
    for tok in sdoc:
        if _is_num(tok) or fraction_at(sdoc, tok.i) is not None:
            assert may_start(tok.text), tok.text
    assert not may_start("Varden") and not may_start("ballots")


def test_spans_found_with_the_filter(nlp) -> None:  # type: ignore[no-untyped-def]
    sdoc = nlp(TEXT)
    found = {sdoc.text[s.start : s.end] for s in find_numbers(sdoc)}
    for expected in ("1,250", "half a dozen", "three quarters", "٣", "one in four", "twenty-five thousand"):
        assert expected in found

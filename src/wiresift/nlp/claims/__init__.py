"""The ``claims`` stage: numeric claims (:mod:`spans`, :mod:`numbers`), what they count and who claims
them (:mod:`attrib`), with their lexicon (:mod:`lexicon`)."""

from wiresift.nlp.claims.stage import find_claims, make_stage

__all__ = ["find_claims", "make_stage"]

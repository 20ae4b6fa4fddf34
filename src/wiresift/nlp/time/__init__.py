"""The ``timexes`` stage: time expressions found (:mod:`patterns`), normalised to TIMEX3 values
against the publication date (:mod:`normalise`, :mod:`calendar`), with their lexicon (:mod:`lexicon`)."""

from wiresift.nlp.time.stage import find_timexes, make_stage, parse_published

__all__ = ["find_timexes", "make_stage", "parse_published"]

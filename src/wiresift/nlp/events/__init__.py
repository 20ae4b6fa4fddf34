"""The ``events`` stage: event triggers coded in PLOVER and CAMEO (:mod:`triggers`, :mod:`cameo`), their
actors (:mod:`actors`), mode (:mod:`modality`) and ACLED-style category (:mod:`acled`), with lexicons
derived from the PETRARCH2 dictionaries (:mod:`lexicon`, ``data/``)."""

from wiresift.nlp.events.stage import find_events, make_stage

__all__ = ["find_events", "make_stage"]

"""The ``entities`` stage: people, organisations and places named in the text, their titles and
aliases (:mod:`stage`, :mod:`titles`, :mod:`captions`), the per-document index (:mod:`index`) and the
in-document resolution of speaker mentions to entities (:mod:`coref`)."""

from wiresift.nlp.entities.stage import build, make_stage

__all__ = ["build", "make_stage"]

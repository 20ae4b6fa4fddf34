"""The ``places`` stage: place mentions recognised (:mod:`recognize`) and resolved against the offline
gazetteer (:mod:`resolve`) into map points (:mod:`stage`)."""

from wiresift.nlp.places.stage import geoparse, geoparse_doc, make_stage, resolve_spans

__all__ = ["geoparse", "geoparse_doc", "make_stage", "resolve_spans"]

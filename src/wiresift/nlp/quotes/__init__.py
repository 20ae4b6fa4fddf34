"""The ``quotes`` stage: direct, indirect and mixed quotes with cue, speaker mention and entity.

:mod:`marks` finds quotation marks, :mod:`direct` and :mod:`extractor` the quotes, :mod:`indirect`,
:mod:`bounds`, :mod:`frames`, :mod:`nouns` and :mod:`headline` the reports without marks,
:mod:`speaker` the speaker phrases; :mod:`cues` holds the reporting-verb lexicon and the patterns
learned from PolNeAR train (``training/learn_cues.py``); :mod:`stage` turns finds into records.
"""

from wiresift.nlp.quotes.stage import extract, make_stage

__all__ = ["extract", "make_stage"]

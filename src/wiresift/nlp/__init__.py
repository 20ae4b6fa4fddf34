"""NLP over the clean body: :mod:`pipeline` (model, stage order, error isolation) and one subpackage
per stage, each holding its own lexicons and rules: :mod:`entities` (people, organisations, titles and
in-document coreference), :mod:`quotes`, :mod:`time` (the ``timexes`` stage), :mod:`places` and
:mod:`claims`."""

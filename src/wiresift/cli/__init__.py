"""The ``wiresift`` command line: thin click commands over :mod:`wiresift.api`."""

from wiresift.cli import compare as _compare  # noqa: F401 - registers ``wiresift compare``
from wiresift.cli import correct as _correct  # noqa: F401 - registers ``correct``, ``corrections``, ``reanalyze``
from wiresift.cli import stories as _stories  # noqa: F401 - registers ``wiresift stories`` and ``story``
from wiresift.cli.commands import cli, main

__all__ = ["cli", "main"]

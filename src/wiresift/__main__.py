"""``python -m wiresift``: the same as the ``wiresift`` command."""

from wiresift.cli import main

main()

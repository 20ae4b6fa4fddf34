"""``python -m wiresift.cli``: the same as the ``wiresift`` command."""

from wiresift.cli.commands import main

main()

"""Progress of a long batch (``ingest``, ``analyze``): a tqdm bar on a terminal, one line otherwise.

The bar counts input sources (files, stdin) against the number the paths hold, so that tqdm can
show a rate and an ETA; documents and failures so far ride along as postfix. It is fed by the
``progress(event, message)`` callback of :mod:`wiresift.api` and writes failure lines above itself.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from wiresift.cli.render import echo
from wiresift.escape import one_line

#: Events of a document that got through (stored, near-duplicate, already stored, analysed).
DOCUMENT_EVENTS = frozenset({"ingested", "near", "duplicate", "analyzed"})


class BatchProgress:
    """``progress = BatchProgress("ingest", bar=...)``; pass it as the API's ``progress`` callback."""

    def __init__(self, verb: str, *, bar: bool) -> None:
        from tqdm import tqdm

        self.verb = verb
        self.shown = bar  # (tqdm sets ``disable`` when closed: it cannot tell afterwards)
        self.documents = self.failed = self.sources = self.read = 0
        self.started = time.monotonic()
        self.bar: Any = tqdm(
            desc=verb, unit="source", file=sys.stderr, disable=not bar, dynamic_ncols=True, leave=True
        )

    def __call__(self, event: str, message: str) -> None:
        if event == "sources":
            self.sources = int(message)
            self.bar.reset(total=self.sources)
        elif event == "read":
            self.read += 1
            self.bar.update(1)
        elif event == "failed":
            self.failed += 1
            self.error(message)
        elif event in DOCUMENT_EVENTS:
            self.documents += 1
        else:
            return
        if self.shown and event != "read":
            self.bar.set_postfix(docs=self.documents, failed=self.failed, refresh=False)

    def error(self, line: str) -> None:
        """One failure line on stderr, above the bar when there is one."""
        if self.shown:
            self.bar.write(one_line(line), file=sys.stderr)
        else:
            echo(one_line(line), err=True)

    def close(self) -> str:
        """Remove nothing, stop the bar; return the one-line summary of the run."""
        self.bar.close()
        seconds = time.monotonic() - self.started
        rate = self.documents / seconds if seconds > 0 else 0.0
        return (
            f"{self.verb}: {self.documents} documents, {self.failed} failed, from {self.sources} sources "
            f"in {seconds:.1f} s ({rate:.1f} documents/s)"
        )

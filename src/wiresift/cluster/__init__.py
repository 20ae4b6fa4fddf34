"""Distributed analysis on Dask (``wiresift ingest --workers N`` / ``--scheduler URL``); see docs/cluster.md.

Needs the ``cluster`` extra (``dask``, ``distributed``); the rest of wiresift never imports this package.
"""

from wiresift.cluster.ingest import READ_CHUNK, SHARD_SIZE, Writer, ingest, workers_write
from wiresift.cluster.runtime import connect, dashboard_line, has_dashboard, worker_peak_rss

__all__ = [
    "READ_CHUNK",
    "SHARD_SIZE",
    "Writer",
    "connect",
    "dashboard_line",
    "has_dashboard",
    "ingest",
    "worker_peak_rss",
    "workers_write",
]

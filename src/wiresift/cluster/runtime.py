"""Connecting to Dask: a local cluster of worker processes, or an existing scheduler.

Either way every worker gets the :class:`PipelineLoader` plugin, so the spaCy model is loaded once
per worker process, when the worker starts -- also in a worker the nanny starts again after the old
one was killed -- and never per shard.
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from distributed import Client, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from wiresift.cluster.tasks import peak_rss, pipeline

if TYPE_CHECKING:
    from distributed import Worker

__all__ = ["DASHBOARD", "PipelineLoader", "connect", "dashboard_line", "worker_peak_rss"]

#: Where a local cluster serves its dashboard (loopback only, like every wiresift server); Dask moves
#: to a free port when this one is taken, and ``dashboard_line`` prints the one it got.
DASHBOARD = "127.0.0.1:8787"
#: Name the plugin is registered under: registering again (a second run on one cluster) replaces it.
PLUGIN_NAME = "wiresift-pipeline"


class PipelineLoader(WorkerPlugin):
    """Loads the pipeline into each worker process as the worker joins the cluster."""

    def __init__(self, model: str | None, stages: Sequence[str] | None) -> None:
        self.model = model
        self.stages = list(stages) if stages is not None else None

    async def setup(self, worker: Worker) -> None:
        # In a thread: loading the model takes seconds, and the worker must keep answering heartbeats.
        await asyncio.to_thread(pipeline, self.model, self.stages)


@contextmanager
def connect(
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    model: str | None = None,
    stages: Sequence[str] | None = None,
) -> Iterator[Client]:
    """A Dask client with the pipeline loaded on every worker.

    ``workers=N`` starts a local cluster of N worker processes with one thread each (spaCy holds the
    GIL, so threads would not run in parallel) and stops it on exit; ``scheduler="tcp://HOST:8786"``
    joins a running cluster (``dask scheduler`` / ``dask worker``) and leaves it running.
    """
    if (workers is None) == (scheduler is None):
        raise ValueError("give either workers (a local cluster) or scheduler (an existing one)")
    cluster: LocalCluster | None = None
    if scheduler is not None:
        client = Client(scheduler)
    else:
        if workers is None or workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=DASHBOARD if has_dashboard() else None, silence_logs=logging.ERROR,
        )  # fmt: skip
        client = Client(cluster)
    try:
        client.register_plugin(PipelineLoader(model, stages), name=PLUGIN_NAME)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def has_dashboard() -> bool:
    """Whether this Python can serve the Dask dashboard (it needs bokeh)."""
    return importlib.util.find_spec("bokeh") is not None


def dashboard_line(client: Client) -> str:
    """One line for the user: the dashboard's address, or why there is none."""
    services: dict[str, Any] = client.scheduler_info().get("services", {})
    if "dashboard" not in services:
        return "Dask dashboard unavailable: the scheduler has no bokeh (pip install 'wiresift[dashboard]')"
    if not has_dashboard():  # distributed serves the address, but its pages need bokeh
        return f"Dask dashboard: {client.dashboard_link} (its pages need bokeh: pip install 'wiresift[dashboard]')"
    return f"Dask dashboard: {client.dashboard_link}"


def worker_peak_rss(client: Client) -> dict[str, int]:
    """Peak resident memory in bytes of each worker process, by worker address."""
    return {address: int(value) for address, value in client.run(peak_rss).items()}

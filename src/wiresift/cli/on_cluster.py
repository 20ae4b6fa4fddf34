"""``wiresift ingest --workers N`` / ``--scheduler URL``: the ingest on a Dask cluster (docs/cluster.md)."""

from __future__ import annotations

from pathlib import Path

import click

from wiresift import api
from wiresift.cli.progress import BatchProgress


def ingest_on_cluster(
    paths: tuple[str, ...], db: str | Path, published: str | None, url: str | None, model: str | None,
    workers: int | None, scheduler: str | None, shard_size: int, progress: BatchProgress, stories: bool,
) -> api.IngestReport:  # fmt: skip
    try:
        from wiresift import cluster
    except ImportError as exc:
        raise click.UsageError(
            f"--workers/--scheduler need Dask: pip install 'wiresift[cluster]' ({exc})"
        ) from None
    with cluster.connect(workers=workers, scheduler=scheduler, model=model) as client:
        progress.error(cluster.dashboard_line(client))
        return cluster.ingest(
            list(paths), client=client, db=db, progress=progress, published=published, url=url,
            model=model, shard_size=shard_size, stories=stories,
        )  # fmt: skip

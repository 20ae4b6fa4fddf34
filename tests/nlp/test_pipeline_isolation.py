"""A document's record is a function of its text and the pipeline version (DESIGN.md): it does not
depend on the other documents of its ``Pipeline.run``, on their order, or on the runs before it.

Each order runs in a fresh process: a memo kept across documents under too loose a key (an entity id,
a surname) holds the answer of the first document that filled it, so only a different first document
shows it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Invented dispatches that share surnames, titles and places, so that a memo keyed on a name, an
# entity id or a word pair rather than on the document would carry an answer from one to the next.
TEXTS = [
    (
        "Mr Daniel Hale, the harbour master at Vellmar, said the ferries would run again on Monday. "
        '"The storm damaged two piers and we lost a week," he said.'
    ),
    (
        "Ms Ines Varga, the mayor of Kessora, said the bridge would reopen in June. "
        '"The repairs cost twice the first estimate," she said.'
    ),
    (
        "Harbour Minister Adaeze Okafor said on Tuesday that the port of Vellmar would reopen. "
        '"We will not wait for the insurers," she told reporters. Okafor later met the union.'
    ),
    (
        "Police in Vellmar arrested Tomas Okafor, a dock worker, after clashes outside the port. "
        "He denied the charges, his lawyer said. Okafor is due in court on Friday."
    ),
    (
        "The company said its chief executive, Lena Brandt, had resigned. A spokesman for the company "
        "said she would stay on until March. Brandt declined to comment."
    ),
    (
        "Rebels attacked an army post near Kessora on Sunday, killing four soldiers, the defence "
        "ministry said. The ministry accused the group of breaking the ceasefire."
    ),
]


#: Runs the whole pipeline over the JSON list of texts on stdin, in one run (each text in its own run
#: with the argument "alone"), and prints the records.
RUNNER = """
import json, sys
from wiresift.model import Document
from wiresift.nlp.pipeline import Pipeline
texts = json.load(sys.stdin)
docs = [Document(id="", text=t, published="2024-05-14") for t in texts]
pipeline = Pipeline()
runs = [[d] for d in docs] if sys.argv[1:] == ["alone"] else [docs]
records = [d.to_record() for run in runs for d in pipeline.run(run)]
for r in records:
    r.pop("processed_at", None)
print(json.dumps(records, sort_keys=True, default=str))
"""


def _records(texts: list[str], *args: str) -> list[dict[str, object]]:
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run(
        [sys.executable, "-c", RUNNER, *args],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    records: list[dict[str, object]] = json.loads(out.stdout.splitlines()[-1])
    return records


def test_a_record_does_not_depend_on_its_batch_nor_on_the_documents_before_it() -> None:
    together = _records(TEXTS)
    alone_backward = _records(TEXTS[::-1], "alone")[::-1]  # another first document, no batch
    for n, (one, other) in enumerate(zip(together, alone_backward, strict=True)):
        assert one == other, f"text {n} differs alone, after other documents, from in one batch"

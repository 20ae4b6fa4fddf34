"""Write ``docs/schema.json``: the JSON Schema of a ``wiresift/1`` document record.

Run ``python docs/make_schema.py`` after changing ``wiresift.model``; a test fails while the
committed file differs from what this prints.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wiresift.model import SCHEMA, Document

OUT = Path(__file__).with_name("schema.json")


def schema_text() -> str:
    schema = Document.model_json_schema(by_alias=True)
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://wiresift.invalid/{SCHEMA}/document.schema.json",
        **schema,
    }
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def main() -> int:
    OUT.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

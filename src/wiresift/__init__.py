"""wiresift: offline news intelligence with every fact linked to the characters it came from."""

from wiresift.model import SCHEMA, Claim, Document, Entity, Place, Quote, Timex

__version__ = "0.1.0"

__all__ = ["SCHEMA", "Claim", "Document", "Entity", "Place", "Quote", "Timex", "__version__"]

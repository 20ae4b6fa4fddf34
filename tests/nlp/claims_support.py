"""Shared by the claims test modules: the claims stage on one text, and the one claim holding a
fragment."""

from __future__ import annotations

from typing import Any

from wiresift.model import Claim, Document
from wiresift.nlp.claims.stage import find_claims


def claims_of(nlp: Any, text: str, site: str = "wire", **layers: Any) -> list[Claim]:
    """The claims of ``text`` parsed by ``nlp``, on a document of ``site`` with the given layers."""
    return find_claims(Document(text=text, site=site, **layers), nlp(text))


def one(claims: list[Claim], fragment: str) -> Claim:
    """The single claim whose text holds ``fragment``."""
    found = [c for c in claims if fragment in c.text]
    assert len(found) == 1, [c.text for c in claims]
    return found[0]

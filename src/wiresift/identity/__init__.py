"""Cross-document identity: which stored entities name the same person, organisation or place.

Pure rules (:mod:`.keys`, :mod:`.names`, :class:`.resolver.Resolver`) over a small repository
interface (:class:`.repository.IdentityRepository`) that each storage backend implements, so the
SQLite and PostgreSQL stores resolve entities with the same code and give the same records.
"""

from wiresift.identity.keys import UNRESOLVED_TYPES, Keys, Match, entity_keys
from wiresift.identity.repository import IdentityRepository, Member
from wiresift.identity.resolver import Resolver

__all__ = ["UNRESOLVED_TYPES", "IdentityRepository", "Keys", "Match", "Member", "Resolver", "entity_keys"]

"""NLP stages over the clean body: entities, quotes, timexes, claims, places."""

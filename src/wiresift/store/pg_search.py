"""The user's search syntax as a PostgreSQL ``tsquery``, built from the shared parser's terms.

Each term becomes a parameterised call (``plainto_tsquery`` for a word, ``phraseto_tsquery`` for a
"phrase", ``to_tsquery`` of ``stem:*`` for a prefix, whose stem the parser holds to word characters),
combined with FTS5's precedence: NOT binds tightest, then AND (also between adjacent terms), then
OR. No user text is ever pasted into the SQL.

Ranking: ``ts_rank`` over the title (weight A) and text (weight D) with the SQLite store's 5:1 bm25
column weights and length normalisation; the score is negated so that, as with bm25, lower is better,
and ties go to the earlier stored document.
"""

from __future__ import annotations

from dataclasses import dataclass

from wiresift.store.query import Term, parse_query

CONFIG = "wiresift"
#: The narrow copy of each document's ``tsvector`` and window columns (schema step 8) that searches
#: match and rank on; the document rows are read only for the page's titles and snippets.
SEARCH_TABLE = "documents_search"
#: ``ts_rank`` weights for the labels {D, C, B, A}: the title (A) counts five times the text (D).
RANK = "ts_rank('{0.2, 0.2, 0.2, 1.0}', d.fts, q.r, 1)"


def _term(term: Term) -> tuple[str, list[str]]:
    """The SQL of one term and its parameters. A ``NEAR( ... )`` group asks for all its words in the
    document (PostgreSQL's ``<N>`` is an exact distance, not FTS5's "at most N words apart")."""
    if term.near:
        parts = [_term(word) for word in term.near]
        return "(" + " && ".join(sql for sql, _ in parts) + ")", [p for _, ps in parts for p in ps]
    sql, param = _one(term)
    return sql, [param]


def _one(term: Term) -> tuple[str, str]:
    if term.prefix is not None:
        return f"to_tsquery('{CONFIG}', %s || ':*')", term.prefix
    if term.text.startswith('"'):
        return f"phraseto_tsquery('{CONFIG}', %s)", term.text.strip('"')
    return f"plainto_tsquery('{CONFIG}', %s)", term.text


@dataclass(frozen=True)
class TsQuery:
    """``match`` selects the documents; ``rank`` (every term not under NOT, joined by OR) scores them,
    so that, as in bm25, each term adds its own weight and an excluded word weighs nothing."""

    match: str
    match_params: list[str]
    rank: str
    rank_params: list[str]


def tsquery(text: str) -> TsQuery | None:
    """The tsquery SQL for ``text``; None when it has no term."""
    terms = parse_query(text)
    if not terms:
        return None
    groups: list[list[str]] = [[]]
    params: list[str] = []
    positive: list[tuple[str, list[str]]] = []
    excluded: list[tuple[str, list[str]]] = []
    negate = False
    for term in terms:
        if term.operator:
            if term.text == "OR":
                groups.append([])
            negate = term.text == "NOT"
            continue
        sql, param = _term(term)
        if term.excluded:
            excluded.append((sql, param))
            continue
        groups[-1].append(f"!!{sql}" if negate else sql)
        params += param
        if not negate:
            positive.append((sql, param))
        negate = False
    match = " || ".join("(" + " && ".join(g) + ")" for g in groups if g)
    if excluded:  # "-word": (query) NOT (word OR ...), as the SQLite store's FTS5 query
        match = f"({match}) && !!({' || '.join(sql for sql, _ in excluded)})"
        params += [p for _, ps in excluded for p in ps]
    rank = " || ".join(sql for sql, _ in positive) or match
    rank_params = [p for _, ps in positive for p in ps] if positive else params
    return TsQuery(match, params, rank, rank_params)


def ranked_sql(match: TsQuery) -> tuple[str, list[str]]:
    """A ranked page of every match (``wiresift search``): the SQL and its first parameters, to be
    followed by the limit, the offset and the ``ts_headline`` options. Its rows are (id, title, site,
    published, headline, score), best first, ties to the earlier stored document.

    Matching and ``ts_rank`` read the narrow :data:`SEARCH_TABLE` (its GIN bitmap, then each match's
    ``tsvector`` on a small row); only the page's documents are read whole, for the headline.
    """
    sql = (
        f"WITH q AS (SELECT ({match.match}) AS q, ({match.rank}) AS r), "
        f"top AS (SELECT d.num, -{RANK} AS score FROM {SEARCH_TABLE} d, q WHERE d.fts @@ q.q "
        "ORDER BY score, d.num LIMIT %s OFFSET %s) "
        f"SELECT doc.id, doc.title, doc.site, doc.published, ts_headline('{CONFIG}', doc.text, q.q, %s), "
        "top.score FROM top JOIN documents doc ON doc.num = top.num, q ORDER BY top.score, top.num"
    )
    return sql, [*match.match_params, *match.rank_params]

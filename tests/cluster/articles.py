"""Invented news articles for the cluster tests: each one different, so none is a duplicate of another."""

from __future__ import annotations

from pathlib import Path

PORTS = ["Varnik", "Solbridge", "Kessa Bay", "Orlov Point", "Tamsin", "Redwater", "Halvik", "Marrow Sound"]
PEOPLE = ["Irina Volkova", "Tomas Brenner", "Aisha Karim", "Pavel Dorn", "Lena Ortiz", "Omar Haddad"]
MONTHS = ["March", "April", "May", "June"]


def article(n: int) -> str:
    """Article number ``n``: a headline, a dateline, a quote, a claimed number and a date."""
    port, person = PORTS[n % len(PORTS)], PEOPLE[n % len(PEOPLE)]
    month, day = MONTHS[n % len(MONTHS)], n % 27 + 1
    boats, crew = 3 + n % 9, 40 + 7 * n
    return (
        f"{port} harbour reopens after storm number {n}\n\n"
        f"{port}, {month} {day}, 2024 (Invented Wire) - The harbour of {port} reopened on Tuesday after a "
        f"storm sank {boats} fishing boats and left {crew} sailors stranded, officials said.\n\n"
        f'"We expect every berth to be working again by Friday," said {person}, the harbour master. '
        f"{person.split()[0]} added that divers had inspected the breakwater twice since {month} {day}.\n\n"
        f"The coast guard said about {crew + 12} people had been evacuated from the island of "
        f"{PORTS[(n + 3) % len(PORTS)]} as a precaution.\n"
    )


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    """``count`` article files in ``folder`` (created), named so that they sort in number order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"article-{n:05d}.txt"
        path.write_text(article(n), encoding="utf-8")
        paths.append(path)
    return paths

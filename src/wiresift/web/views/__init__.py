"""One module per surface: HTML pages and the JSON API."""

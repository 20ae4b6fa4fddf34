"""The analyst's workbench: FastAPI + Jinja2 + htmx, thin over :mod:`wiresift.api`."""

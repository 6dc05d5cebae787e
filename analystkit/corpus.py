"""PLACEHOLDER: a minimal seed-format loader so other modules can be developed;
the full loader (formats, encodings, skipped report) is being written (issue 2)."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd

_SEED = re.compile(r"\A\ufeff?\s*date\s+(\d{4}-\d{2}-\d{2})\s(.*)\Z", re.S)


def load_articles(source, **kwargs) -> pd.DataFrame:
    paths = sorted(Path(source).rglob("*.txt")) if Path(source).is_dir() else [Path(source)]
    rows = []
    for p in paths:
        m = _SEED.match(p.read_text(encoding="utf-8"))
        text = m.group(2)
        rows.append(dict(article_id=hashlib.sha256(text.encode()).hexdigest()[:16],
                         date=pd.Timestamp(m.group(1)), title="", source="", url="",
                         path=str(p), text=text))
    return pd.DataFrame(rows).sort_values(["date", "article_id"], ignore_index=True)


def save_articles(*args, **kwargs):
    raise NotImplementedError("save_articles is not built yet")

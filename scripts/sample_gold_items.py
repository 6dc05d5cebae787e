"""Draw the sentences to annotate for the speaker and rhetoric gold (data/eval/items/).

Run once; the drawn items are committed, so that two annotators label the same spans.
Sentences are the kit's split; a stratified, seeded draw makes the sample varied and
hard (quotations, reporting clauses, KCNA narration, lexicon hits and near misses), with
at most three sentences from one article, and an `overlap` flag on 80 items of each kind
for the second annotator (and 80 articles for the launch check).

Usage: python scripts/sample_gold_items.py [CORPORA]"""

import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

import analystkit as ak
from analystkit.evaluation.corpora import load_dev_articles
from analystkit.splitting import split

OUT = Path(__file__).resolve().parents[1] / "data" / "eval" / "items"
SEED = 20261129
QUOTE = re.compile(r"[“”\"]")
REPORTING = re.compile(
    r"\b(?:said|says|told|according to|stated|added|warned|noted|"
    r"stressed|claimed|announced|reported|declared|insisted|urged|"
    r"asserted|continued|answered|wrote|tweeted)\b",
    re.I,
)
LAUNCH_WORD = re.compile(r"\b(?:launch\w*|fir(?:e|ed|es|ing)|test-fire\w*)\b", re.I)
STANCE = re.compile(
    r"\b(?:threat\w*|warn\w*|destroy\w*|annihilat\w*|provocat\w*|dialogue|"
    r"talks|sanction\w*|puppet\w*|deterren\w*|retaliat\w*|hostil\w*|"
    r"reject\w*|refus\w*|strike|attack\w*|war|support\w*|solidarity|"
    r"cooperat\w*|fire and fury|negotiat\w*|denucleari\w*)\b",
    re.I,
)


def all_sentences(articles: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for art in articles.itertuples():
        starts, ends, _ = split(art.text)
        for s, e in zip(starts.tolist(), ends.tolist()):
            text = art.text[s:e]
            if 30 <= len(text) <= 700:
                rows.append((art.corpus, art.doc, art.article_id, s, e, text))
    return pd.DataFrame(rows, columns=["corpus", "doc", "article_id", "start", "end", "text"])


def draw(pool: pd.DataFrame, n: int, rng: np.random.Generator, taken: set) -> pd.DataFrame:
    """n rows of `pool`, at most three per article counting those already taken."""
    order = rng.permutation(len(pool))
    picked = []
    for i in order:
        row = pool.iloc[i]
        key = (row.article_id, row.start)
        if key in taken or sum(a == row.article_id for a, _ in taken) >= 3:
            continue
        taken.add(key)
        picked.append(i)
        if len(picked) == n:
            break
    return pool.iloc[picked]


def sample(
    sents: pd.DataFrame, plan: list[tuple[str, str, pd.Series, int]], rng: np.random.Generator
) -> pd.DataFrame:
    taken: set = set()
    parts = []
    for corpus, stratum, mask, n in plan:
        part = draw(sents[mask & (sents.corpus == corpus)], n, rng, taken).copy()
        part["stratum"] = stratum
        parts.append(part)
    items = pd.concat(parts, ignore_index=True)
    overlap = np.zeros(len(items), dtype=bool)
    overlap[rng.choice(len(items), 80, replace=False)] = True
    items["overlap"] = overlap
    items.insert(0, "item", range(1, len(items) + 1))
    return items.drop(columns="text")


def launch_articles(articles: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The 80 articles both annotators check for launches: 60 news and 20 KCNA articles
    that use a launch word (the others are easy "none" cases)."""
    launchy = articles.text.str.contains(LAUNCH_WORD)
    parts = [
        articles[launchy & (articles.corpus == c)].sample(n, random_state=rng)
        for c, n in (("news", 60), ("kcna", 20))
    ]
    return pd.concat(parts)[["corpus", "doc", "article_id"]].sort_values(["corpus", "doc"])


def main(corpora: str | None = None) -> None:
    rng = np.random.default_rng(SEED)
    articles = load_dev_articles(corpora)
    sents = all_sentences(articles)
    quoted = sents.text.str.contains(QUOTE)
    reporting = sents.text.str.contains(REPORTING)
    stance = sents.text.str.contains(STANCE)
    matches = ak.tag(
        pd.DataFrame(
            {
                "article_id": [f"{a}:{s}" for a, s in zip(sents.article_id, sents.start)],
                "date": pd.Timestamp("2020-01-01"),
                "title": "",
                "source": "",
                "url": "",
                "path": "",
                "text": sents.text,
            }
        )
    )
    rhetoric_hit = (
        pd.Series([f"{a}:{s}" for a, s in zip(sents.article_id, sents.start)])
        .isin(set(matches.loc[matches.category == "rhetoric", "article_id"]))
        .to_numpy()
    )
    anything = pd.Series(True, index=sents.index)
    speakers = sample(
        sents,
        [
            ("news", "quotation", quoted, 80),
            ("news", "reporting clause", reporting & ~quoted, 90),
            ("news", "other", ~quoted & ~reporting, 80),
            ("kcna", "quotation or reporting clause", quoted | reporting, 60),
            ("kcna", "narration", ~quoted & ~reporting, 90),
        ],
        rng,
    )
    rhetoric = sample(
        sents,
        [
            ("news", "lexicon hit", rhetoric_hit, 90),
            ("news", "stance word, no hit", stance & ~rhetoric_hit, 60),
            ("news", "random", anything, 30),
            ("kcna", "lexicon hit", rhetoric_hit, 60),
            ("kcna", "stance word, no hit", stance & ~rhetoric_hit, 40),
            ("kcna", "random", anything, 20),
        ],
        rng,
    )
    launch_overlap = launch_articles(articles, rng)
    OUT.mkdir(parents=True, exist_ok=True)
    launch_overlap.to_csv(OUT / "launch_overlap.csv", index=False)
    speakers.to_csv(OUT / "speaker_items.csv", index=False)
    rhetoric.to_csv(OUT / "rhetoric_items.csv", index=False)
    print(f"{len(speakers)} speaker items, {len(rhetoric)} rhetoric items -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)

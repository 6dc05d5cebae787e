"""Print gold items with their context, for annotators (text is shown, never stored).

Usage:
  python scripts/show_gold_items.py speaker 1-40      items of data/eval/items/speaker_items.csv
  python scripts/show_gold_items.py rhetoric 7,9,12   items of rhetoric_items.csv
  python scripts/show_gold_items.py article DOC_OR_ARTICLE_ID [START END]
      a whole article with its sentence offsets (or the span START:END)
Set CORPORA=/path when the corpora are not in ../shared/corpora."""

import sys
import textwrap
from pathlib import Path

import pandas as pd

from analystkit.evaluation.corpora import load_dev_articles
from analystkit.splitting import split

ITEMS = Path(__file__).resolve().parents[1] / "data" / "eval" / "items"
CONTEXT = 600


def numbers(spec: str) -> list[int]:
    out = []
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return out


def show_items(kind: str, spec: str, articles: pd.DataFrame) -> None:
    items = pd.read_csv(ITEMS / f"{kind}_items.csv").set_index("item")
    text_of = articles.set_index("article_id")
    for n in numbers(spec):
        it = items.loc[n]
        art = text_of.loc[it.article_id]
        before = art.text[max(0, it.start - CONTEXT) : it.start]
        print(
            f"=== item {n} [{it.corpus} · {art.source} · {art.date.date()} · {it.stratum}] {it.doc}"
        )
        print(textwrap.fill("…" + before.replace("\n", " ¶ "), 110))
        print(">>> " + art.text[it.start : it.end].replace("\n", " ¶ ") + " <<<")
        print(textwrap.fill(art.text[it.end : it.end + 200].replace("\n", " ¶ ") + "…", 110))
        print()


def show_article(key: str, span: list[str], articles: pd.DataFrame) -> None:
    art = articles[(articles.doc == key) | (articles.article_id == key)].iloc[0]
    print(
        f"=== {art.corpus} · {art.source} · {art.date.date()} · {art.article_id} · "
        f"{art.doc}\n{art.title}\n"
    )
    if span:
        s, e = map(int, span)
        print(art.text[s:e])
        return
    starts, ends, _ = split(art.text)
    for s, e in zip(starts.tolist(), ends.tolist()):
        print(f"[{s}:{e}] {art.text[s:e]}")


def main(argv: list[str]) -> None:
    articles = load_dev_articles()
    if argv[0] == "article":
        show_article(argv[1], argv[2:], articles)
    else:
        show_items(argv[0], argv[1], articles)


if __name__ == "__main__":
    main(sys.argv[1:])

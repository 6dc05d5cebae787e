"""Score the kit's output against the gold: small pure functions over frames.

Headline figures come as rows of (figure, corpus, hits, n), one per corpus and one for
"all"; the report renders hits/n as a percentage. Detail tables (per speaker group, per
rhetoric tag, the confusion table) come as their own frames. The gold frames are those of
gold.read_gold; the kit frames those of kit.run_kit."""

from __future__ import annotations

from bisect import bisect_right

import pandas as pd

from analystkit.vocab import CLASS_PRECEDENCE, RHETORIC_TAGS

FIGURE_COLUMNS = ["figure", "corpus", "hits", "n"]
ALL = "all"
SATELLITE = "satellite"
"""The class label of a satellite launch (which has no missile class) in class scores."""
RHETORIC_CATEGORY = "rhetoric"
DPRK_STATE = "dprk_state"


def figures(frame: pd.DataFrame, figure: str, hits: pd.Series, n: pd.Series) -> pd.DataFrame:
    """Sums of `hits` and `n` (bools count as 0/1) over the frame's rows, per corpus and
    for all."""
    rows = []
    corpora = [c for c in ("news", "kcna") if c in set(frame["corpus"])]
    for corpus in corpora + [ALL]:
        rows_in = _every(frame) if corpus == ALL else frame["corpus"] == corpus
        rows.append(
            {
                "figure": figure,
                "corpus": corpus,
                "hits": int(hits[rows_in].sum()),
                "n": int(n[rows_in].sum()),
            }
        )
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def _every(frame: pd.DataFrame) -> pd.Series:
    return pd.Series(True, index=frame.index)


# ---------------------------------------------------------------- launches


def _class_label(event_type: str, missile_class: object) -> str:
    if event_type == "satellite_launch":
        return SATELLITE
    return "unknown" if pd.isna(missile_class) or missile_class == "" else str(missile_class)


def launch_days(launches: pd.DataFrame) -> pd.DataFrame:
    """The kit's news launches counted like the gold, one row per article and day:
    article_id, day, label (its class, or "satellite"; several on a day: the first in
    CLASS_PRECEDENCE, a missile before a satellite)."""
    order = {c: i for i, c in enumerate(CLASS_PRECEDENCE + (SATELLITE,))}
    days = pd.DataFrame(
        {
            "article_id": launches["article_id"].astype(str),
            "day": pd.to_datetime(launches["date"]).dt.normalize(),
            "label": [
                _class_label(t, c)
                for t, c in zip(launches["event_type"], launches["missile_class"])
            ],
        }
    )
    days["rank"] = days["label"].map(order)
    days = days.sort_values(["article_id", "day", "rank"], kind="stable")
    return days.drop_duplicates(["article_id", "day"]).drop(columns="rank").reset_index(drop=True)


def match_launches(gold: pd.DataFrame, kit: pd.DataFrame, tolerance: int = 0) -> pd.DataFrame:
    """Every gold launch and kit launch day of the gold's articles, paired one to one.

    `kit` is launch_days(...); kit days of articles not in the gold are left out (not
    checked). Within an article, pairs within `tolerance` days are made closest first.
    Columns: corpus, article_id, gold_day, kit_day, gold_label, kit_label, outcome:
    match, miss (gold only), false_alarm (kit only), or undated (a gold launch whose day
    was undecidable, with the article's first unpaired kit day if any: neither counted)."""
    launches = gold[gold["event_type"] != "none"]
    kit_of = dict(iter(kit.groupby("article_id", sort=False)))
    rows: list[tuple[object, object, object, object, str | None, object, str]] = []
    for (corpus, article_id), _ in gold.groupby(["corpus", "article_id"], sort=False):
        g = launches[launches["article_id"] == article_id]
        k = kit_of.get(article_id, kit.iloc[:0])
        g_days, g_labels = (
            list(g["day_kst"]),
            [_class_label(t, c) for t, c in zip(g["event_type"], g["missile_class"])],
        )
        k_days, k_labels = list(k["day"]), list(k["label"])
        paired_g = pair_days(g_days, k_days, tolerance)
        free_k = [j for j in range(len(k_days)) if j not in paired_g.values()]
        for i, gd in enumerate(g_days):
            kit_j = paired_g.get(i)
            if pd.isna(gd):
                kit_j = free_k.pop(0) if free_k else None
                outcome = "undated"
            else:
                outcome = "match" if kit_j is not None else "miss"
            rows.append(
                (
                    corpus,
                    article_id,
                    gd,
                    k_days[kit_j] if kit_j is not None else pd.NaT,
                    g_labels[i],
                    k_labels[kit_j] if kit_j is not None else None,
                    outcome,
                )
            )
        rows += [
            (corpus, article_id, pd.NaT, k_days[j], None, k_labels[j], "false_alarm")
            for j in free_k
        ]
    return pd.DataFrame(
        rows,
        columns=[
            "corpus",
            "article_id",
            "gold_day",
            "kit_day",
            "gold_label",
            "kit_label",
            "outcome",
        ],
    )


def launch_figures(gold: pd.DataFrame, launches: pd.DataFrame) -> pd.DataFrame:
    """Precision and recall of the kit's news launches by exact Korea-time day and by
    ±1 day, class right on the ±1-day matches, and "clean": the share of gold-`none`
    articles (checked, no new launch) where the kit reports no news launch."""
    kit = launch_days(launches)
    parts = []
    for tolerance, name in ((0, "exact day"), (1, "±1 day")):
        m = match_launches(gold, kit, tolerance)
        hit = m["outcome"] == "match"
        parts += [
            figures(
                m, f"launch precision, {name}", hit, m["outcome"].isin(["match", "false_alarm"])
            ),
            figures(m, f"launch recall, {name}", hit, m["outcome"].isin(["match", "miss"])),
        ]
    within_1 = match_launches(gold, kit, 1)
    found = within_1["outcome"] == "match"
    parts.append(
        figures(
            within_1,
            "launch class right (±1-day matches)",
            found & (within_1["gold_label"] == within_1["kit_label"]),
            found,
        )
    )
    parts.append(clean_figure(gold, kit, "launch"))
    return pd.concat(parts, ignore_index=True)


def pair_days(g_days: list, k_days: list, tolerance: int) -> dict[int, int]:
    """Gold and kit days of one article paired one to one, closest first, where both
    are dated and at most `tolerance` days apart: gold index -> kit index."""
    pairs = sorted(
        (abs((kd - gd).days), i, j)
        for i, gd in enumerate(g_days)
        if not pd.isna(gd)
        for j, kd in enumerate(k_days)
        if not pd.isna(kd) and abs((kd - gd).days) <= tolerance
    )
    paired: dict[int, int] = {}
    for _, i, j in pairs:
        if i not in paired and j not in paired.values():
            paired[i] = j
    return paired


def clean_figure(gold: pd.DataFrame, kit: pd.DataFrame, what: str) -> pd.DataFrame:
    """ "clean": of the articles whose gold rows are all `none` (checked, nothing new),
    the share where the kit (a frame with article_id) reports no news `what`."""
    none = gold.groupby(["corpus", "article_id"])["event_type"].agg(lambda t: set(t) == {"none"})
    articles = none[none].index.to_frame(index=False)
    clean = ~articles["article_id"].isin(set(kit["article_id"]))
    return figures(articles, f"clean: no news {what} where gold has none", clean, _every(articles))


def launch_outcomes(gold: pd.DataFrame, launches: pd.DataFrame, tolerance: int = 1) -> pd.DataFrame:
    """Counts of match_launches' outcomes per corpus (rows) and outcome (columns)."""
    m = match_launches(gold, launch_days(launches), tolerance)
    return pd.crosstab(m["corpus"], m["outcome"]).reindex(
        columns=["match", "miss", "false_alarm", "undated"], fill_value=0
    )


# ---------------------------------------------------------------- new events by day

DAY_OUTCOMES = ["match", "miss", "false_alarm"]


def match_days(gold: pd.DataFrame, kit: pd.DataFrame) -> pd.DataFrame:
    """Every gold event and kit news event (kit.news_events) of the gold's articles,
    paired one to one within an article: a kit event with a day pairs with a gold event
    at most one day from it (closest first); then an undated kit event (the kit says it
    is the article's news, without its day) with a gold event left over, and an undated
    gold event (the text gives no day) with a kit event left over. Columns: corpus,
    article_id, gold_day, kit_day, outcome (match, miss, false_alarm)."""
    kit_of = dict(iter(kit.groupby("article_id", sort=False)))
    rows = []
    for (corpus, article_id), g in gold.groupby(["corpus", "article_id"], sort=False):
        g_days = list(g.loc[g["event_type"] != "none", "day_kst"])
        k_days = list(kit_of[article_id]["day"]) if article_id in kit_of else []
        paired = pair_days(g_days, k_days, 1)  # gold -> kit
        for kit_undated in (True, False):
            free = [
                j
                for j, kd in enumerate(k_days)
                if j not in paired.values() and pd.isna(kd) == kit_undated
            ]
            for i, gd in enumerate(g_days):
                if i not in paired and free and (kit_undated or pd.isna(gd)):
                    paired[i] = free.pop(0)
        for i, gd in enumerate(g_days):
            kit_j = paired.get(i)
            kd = k_days[kit_j] if kit_j is not None else pd.NaT
            rows.append((corpus, article_id, gd, kd, "match" if kit_j is not None else "miss"))
        rows += [
            (corpus, article_id, pd.NaT, kd, "false_alarm")
            for j, kd in enumerate(k_days)
            if j not in paired.values()
        ]
    return pd.DataFrame(rows, columns=["corpus", "article_id", "gold_day", "kit_day", "outcome"])


def day_outcomes(gold: pd.DataFrame, kit: pd.DataFrame) -> pd.DataFrame:
    """Counts of match_days' outcomes per corpus (rows) and outcome (columns)."""
    m = match_days(gold, kit)
    return pd.crosstab(m["corpus"], m["outcome"]).reindex(columns=DAY_OUTCOMES, fill_value=0)


def day_figures(gold: pd.DataFrame, kit: pd.DataFrame, what: str) -> pd.DataFrame:
    """Precision and recall of the kit's news events of one type, `what` ("nuclear
    test", "summit"), paired by match_days; the precision of those the kit dates to the
    day (an analyst's filter: date_precision == "day"); the share of the matches both
    date that the kit dates to the exact day; and "clean": gold-`none` articles where the
    kit reports none."""
    m = match_days(gold, kit)
    hit = m["outcome"] == "match"
    dated = hit & m["gold_day"].notna() & m["kit_day"].notna()
    return pd.concat(
        [
            figures(m, f"{what} precision", hit, m["outcome"] != "miss"),
            figures(
                m,
                f"{what} precision, kit events dated to the day",
                hit & m["kit_day"].notna(),
                (m["outcome"] != "miss") & m["kit_day"].notna(),
            ),
            figures(m, f"{what} recall", hit, m["outcome"] != "false_alarm"),
            figures(
                m, f"{what} day exact (matches)", dated & (m["kit_day"] == m["gold_day"]), dated
            ),
            clean_figure(gold, kit, what),
        ],
        ignore_index=True,
    )


# ---------------------------------------------------------------- claims

VERDICT_OF_HOLDS = {True: "holds", False: "fails"}
"""check_claims' `holds` as a gold verdict; NA (it could not check) is "uncheckable"."""


def claim_spans(claims: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """check_claims rows with the claim's character span in the article (start, end)
    and its verdict as the gold writes it."""
    starts = sentences.set_index(["article_id", "sentence_id"])[["start", "text"]]
    spans = []
    for r in claims.itertuples():
        s = starts.loc[(r.article_id, r.sentence_id)]
        offset = s["text"].find(r.claim)
        spans.append((s["start"] + max(offset, 0), s["start"] + max(offset, 0) + len(r.claim)))
    out = claims.assign(start=[a for a, _ in spans], end=[b for _, b in spans])
    out["verdict"] = [
        "uncheckable" if pd.isna(h) else VERDICT_OF_HOLDS[bool(h)] for h in claims["holds"]
    ]
    return out


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match_claims(gold: pd.DataFrame, kit: pd.DataFrame) -> pd.DataFrame:
    """The gold claims with the kit claim whose span overlaps most (kit_verdict, NA
    when the kit found none there). `kit` is claim_spans(...)."""
    kit_of = dict(iter(kit.groupby("article_id", sort=False)))
    verdicts = []
    for g in gold.itertuples():
        k = kit_of.get(g.article_id, kit.iloc[:0])
        overlaps = [
            (_overlap(g.start, g.end, s, e), v)
            for s, e, v in zip(k["start"], k["end"], k["verdict"])
        ]
        best = max(overlaps, default=(0, None))
        verdicts.append(best[1] if best[0] > 0 else pd.NA)
    return gold.assign(kit_verdict=pd.Series(verdicts, index=gold.index, dtype="object"))


def claim_figures(gold: pd.DataFrame, kit: pd.DataFrame, checked: pd.DataFrame) -> pd.DataFrame:
    """Gold claims found (a kit claim's span overlaps), verdicts right among the found,
    and the kit's claims that are gold claims, over the articles of `checked` (corpus,
    article_id: the articles annotated, claims being annotated with launches)."""
    m = match_claims(gold, kit)
    found = m["kit_verdict"].notna()
    corpus_of = dict(zip(checked["article_id"], checked["corpus"]))
    ours = kit[kit["article_id"].isin(corpus_of)].copy()
    ours["corpus"] = ours["article_id"].map(corpus_of)
    gold_of = dict(iter(gold.groupby("article_id", sort=False)))
    is_gold = pd.Series(
        [
            any(
                _overlap(r.start, r.end, s, e)
                for s, e in zip(gold_of[r.article_id]["start"], gold_of[r.article_id]["end"])
            )
            if r.article_id in gold_of
            else False
            for r in ours.itertuples()
        ],
        index=ours.index,
        dtype=bool,
    )
    return pd.concat(
        [
            figures(m, "claims found", found, _every(m)),
            figures(
                m,
                "claim verdicts right (found claims)",
                found & m["kit_verdict"].astype(object).eq(m["verdict"]),
                found,
            ),
            figures(ours, "kit claims that are gold claims", is_gold, _every(ours)),
        ],
        ignore_index=True,
    )


# ---------------------------------------------------------------- speakers


def sentence_at(gold: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """For each gold span, the index (into `sentences`) of the kit sentence holding the
    span's midpoint (the last sentence starting at or before it)."""
    by_article = {
        a: (s["start"].tolist(), s.index.tolist())
        for a, s in sentences.groupby("article_id", sort=False)
    }
    found = []
    for a, start, end in zip(gold["article_id"], gold["start"], gold["end"]):
        starts, index = by_article[a]
        found.append(index[max(bisect_right(starts, (start + end) // 2) - 1, 0)])
    return pd.Series(found, index=gold.index)


def speaker_pairs(gold: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The gold speaker items with kit_group: the speaker_group of the kit sentence
    holding the span's midpoint."""
    at = sentence_at(gold, sentences)
    return gold.assign(kit_group=sentences.loc[at, "speaker_group"].to_numpy())


def speaker_figures(pairs: pd.DataFrame) -> pd.DataFrame:
    return figures(
        pairs, "speaker group right", pairs["speaker_group"] == pairs["kit_group"], _every(pairs)
    )


def speaker_by_group(pairs: pd.DataFrame) -> pd.DataFrame:
    """Per gold speaker group: n, right, accuracy (sorted by n, largest first)."""
    right = (pairs["speaker_group"] == pairs["kit_group"]).groupby(pairs["speaker_group"])
    table = pd.DataFrame({"n": right.size(), "right": right.sum().astype(int)})
    table["accuracy"] = table["right"] / table["n"]
    return table.sort_values(["n", "right"], ascending=False)


def speaker_confusion(pairs: pd.DataFrame) -> pd.DataFrame:
    """Gold group (rows) by kit group (columns), counts."""
    return pd.crosstab(pairs["speaker_group"].rename("gold"), pairs["kit_group"].rename("kit"))


def state_voice(sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The KCNA archive's sentences credited dprk_state, of all its sentences."""
    kcna = sentences[
        sentences["article_id"].isin(articles.loc[articles["corpus"] == "kcna", "article_id"])
    ].assign(corpus="kcna")
    rows = figures(
        kcna,
        "KCNA sentences credited dprk_state",
        kcna["speaker_group"] == DPRK_STATE,
        _every(kcna),
    )
    return rows[rows["corpus"] == "kcna"].reset_index(drop=True)


# ---------------------------------------------------------------- rhetoric


def rhetoric_pairs(
    gold: pd.DataFrame, sentences: pd.DataFrame, matches: pd.DataFrame
) -> pd.DataFrame:
    """The gold rhetoric items with kit_tags: the rhetoric tags of the kit's matches
    (negated ones left out) in every kit sentence overlapping the item's span."""
    rhetoric = matches[
        (matches["category"] == RHETORIC_CATEGORY) & ~matches["negated"].astype(bool)
    ]
    tags_of = rhetoric.groupby(["article_id", "sentence_id"])["tag"].agg(frozenset).to_dict()
    spans = {a: s for a, s in sentences.groupby("article_id", sort=False)}
    kit_tags = []
    for a, start, end in zip(gold["article_id"], gold["start"], gold["end"]):
        s = spans[a]
        over = s[(s["start"] < end) & (s["end"] > start)]["sentence_id"]
        kit_tags.append(frozenset().union(*(tags_of.get((a, i), frozenset()) for i in over)))
    return gold.assign(kit_tags=pd.Series(kit_tags, index=gold.index, dtype="object"))


def rhetoric_by_tag(pairs: pd.DataFrame) -> pd.DataFrame:
    """Per rhetoric tag: n (gold items with it), kit (items the kit tags with it),
    right (both), precision (right/kit), recall (right/n)."""
    rows = []
    for tag in RHETORIC_TAGS:
        gold = pairs["tags"].map(lambda t, tag=tag: tag in t)
        kit = pairs["kit_tags"].map(lambda t, tag=tag: tag in t)
        rows.append(
            {
                "tag": tag,
                "n": int(gold.sum()),
                "kit": int(kit.sum()),
                "right": int((gold & kit).sum()),
            }
        )
    table = pd.DataFrame(rows).set_index("tag")
    table["precision"] = table["right"] / table["kit"].where(table["kit"] > 0)
    table["recall"] = table["right"] / table["n"].where(table["n"] > 0)
    return table


def rhetoric_figures(pairs: pd.DataFrame) -> pd.DataFrame:
    """Precision and recall over all (item, tag) decisions, and the items whose tag set
    is exactly right."""
    right = pd.Series(
        [len(g & k) for g, k in zip(pairs["tags"], pairs["kit_tags"])],
        index=pairs.index,
        dtype="int64",
    )
    return pd.concat(
        [
            figures(pairs, "rhetoric precision (all tags)", right, pairs["kit_tags"].map(len)),
            figures(pairs, "rhetoric recall (all tags)", right, pairs["tags"].map(len)),
            figures(
                pairs,
                "rhetoric items with the exact tag set",
                pairs["tags"] == pairs["kit_tags"],
                _every(pairs),
            ),
        ],
        ignore_index=True,
    )

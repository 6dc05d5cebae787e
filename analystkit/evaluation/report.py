"""The evaluation report: every score of the kit's run against the gold that exists,
assembled into tables and written as Markdown (eval/REPORT.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analystkit.evaluation import scoring
from analystkit.evaluation.agreement import AGREEMENT_COLUMNS, AGREEMENT_OF
from analystkit.evaluation.gold import DAY_EVENT_KINDS, KINDS
from analystkit.evaluation.kit import KitRun


@dataclass
class Evaluation:
    """The headline figures (figure, corpus, hits, n) and the detail tables by title."""

    figures: pd.DataFrame
    details: dict[str, pd.DataFrame] = field(default_factory=dict)
    agreement: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=AGREEMENT_COLUMNS))
    missing: list[str] = field(default_factory=list)
    """The kinds of gold not (yet) in data/eval/: their figures are absent."""


def evaluate(
    gold: dict[str, pd.DataFrame],
    kit: KitRun,
    articles: pd.DataFrame,
    pairs: dict[str, tuple[pd.DataFrame, pd.DataFrame]] | None = None,
) -> Evaluation:
    """Score `kit` against the gold frames present in `gold` (by kind), and the two
    annotators' labels in `pairs` (kind -> (a, b)) for agreement."""
    parts, details = [], {}
    if "launches" in gold:
        parts.append(scoring.launch_figures(gold["launches"], kit.launches))
        details["Launch outcomes, ±1 day (per gold launch and kit launch day)"] = (
            scoring.launch_outcomes(gold["launches"], kit.launches)
        )
    for kind, (_, what) in DAY_EVENT_KINDS.items():
        if kind in gold:
            kit_events = kit.day_events[kind]
            parts.append(scoring.day_figures(gold[kind], kit_events, what))
            details[
                f"{what.capitalize()} outcomes, ±1 day (per gold {what} and kit news {what})"
            ] = scoring.day_outcomes(gold[kind], kit_events)
    if "claims" in gold:
        checked = (gold["launches"] if "launches" in gold else gold["claims"])[
            ["corpus", "article_id"]
        ].drop_duplicates()
        spans = scoring.claim_spans(kit.claims, kit.sentences)
        parts.append(scoring.claim_figures(gold["claims"], spans, checked))
    if "speakers" in gold:
        said = scoring.speaker_pairs(gold["speakers"], kit.sentences)
        parts.append(scoring.speaker_figures(said))
        details["Speakers by gold group"] = scoring.speaker_by_group(said)
        details["Speaker confusion (rows: gold, columns: kit)"] = scoring.speaker_confusion(said)
    parts.append(scoring.state_voice(kit.sentences, articles))
    if "rhetoric" in gold:
        tagged = scoring.rhetoric_pairs(gold["rhetoric"], kit.sentences, kit.matches)
        parts.append(scoring.rhetoric_figures(tagged))
        details["Rhetoric by tag (n: gold items with the tag; kit: items the kit tags)"] = (
            scoring.rhetoric_by_tag(tagged)
        )
    agreement = [AGREEMENT_OF[kind](a, b) for kind, (a, b) in (pairs or {}).items()]
    return Evaluation(
        figures=pd.concat(parts, ignore_index=True),
        details=details,
        agreement=(
            pd.concat(agreement, ignore_index=True)
            if agreement
            else pd.DataFrame(columns=AGREEMENT_COLUMNS)
        ),
        missing=[kind for kind in KINDS if kind not in gold],
    )


def percent(hits: int, n: int) -> str:
    """ "62% (31 of 50)", or "–" when there is nothing to count."""
    return f"{hits / n:.0%} ({hits} of {n})" if n else "–"


def headline(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per figure (in first-seen order), one column per corpus."""
    cells = figures.assign(cell=[percent(h, n) for h, n in zip(figures["hits"], figures["n"])])
    table = cells.pivot(index="figure", columns="corpus", values="cell")
    columns = [c for c in ("news", "kcna", scoring.ALL) if c in table.columns]
    return table.loc[figures["figure"].unique(), columns].fillna("–")


def markdown_table(frame: pd.DataFrame, index: bool = True) -> str:
    """A frame as a GitHub Markdown table (floats as 0.00, NaN as –)."""

    def show(value: object) -> str:
        if isinstance(value, float):
            return "–" if pd.isna(value) else f"{value:.2f}"
        return str(value).replace("|", "\\|")

    head = ([frame.index.name or ""] if index else []) + [str(c) for c in frame.columns]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key, row in frame.astype(object).iterrows():
        cells = ([show(key)] if index else []) + [show(v) for v in row.tolist()]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def render(result: Evaluation, stamp: list[str]) -> str:
    """The report as Markdown: the stamp lines (what was measured), the headline
    table, the detail tables and the annotators' agreement."""
    out = ["# Accuracy on real news (`make eval`)", "", *[f"- {line}" for line in stamp], ""]
    if result.missing:
        out += [f"No gold yet for: {', '.join(result.missing)} (their figures are absent).", ""]
    out += ["## Headline", "", markdown_table(headline(result.figures).rename_axis("figure")), ""]
    for title, table in result.details.items():
        out += [f"## {title}", "", markdown_table(table), ""]
    out += [
        "## Agreement between annotators (Cohen's kappa)",
        "",
        "Launches (and nuclear tests, summits, sanctions, exercises, talks): kappa on "
        "has-a-new-launch per article both checked, and the share with the same launch days "
        "where both found launches (an undated one counts as a day of its own); claims: "
        "kappa on the verdict of the claims both found; speakers: on the group; rhetoric: "
        "on each tag's presence, and pooled over every item-and-tag decision.",
        "",
    ]
    out += (
        [markdown_table(result.agreement, index=False)]
        if len(result.agreement)
        else ["No overlap labels yet (data/eval/agreement/)."]
    )
    return "\n".join(out) + "\n"

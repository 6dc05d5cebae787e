"""The shipped KCNA rhetoric table: figures only, stamped with the archive and the lexicon
that made it, and rebuilt by `make kcna-rhetoric` when either changes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import analystkit as ak
from analystkit.kcna_rhetoric import (
    KCNA_ARCHIVE,
    KCNA_RHETORIC_META_PATH,
    KCNA_RHETORIC_PATH,
    REBUILD_COMMAND,
    build_kcna_rhetoric,
    lexicon_fingerprint,
    write_kcna_rhetoric,
)

ARCHIVE = Path(
    os.environ.get(
        "AK_KCNA_ARCHIVE",
        ak.paths.ROOT.parent / "shared" / "corpora" / "kcna_2024" / KCNA_ARCHIVE["file"],
    )
)
SCRIPT = ak.paths.ROOT / "scripts" / "build_kcna_rhetoric.py"


def test_the_shipped_table_was_made_with_the_shipped_lexicon():
    stamp = ak.kcna_rhetoric_stamp()
    assert stamp["lexicon_sha256"] == lexicon_fingerprint(), (
        "data/lexicon.yml changed since data/reference/kcna_rhetoric_2024.csv was built: "
        f"run `{REBUILD_COMMAND}`, then `make notebooks`"
    )


def test_the_stamp_names_the_archive_and_how_to_rebuild():
    stamp = ak.kcna_rhetoric_stamp()
    assert stamp["archive"]["url"].startswith("https://raw.githubusercontent.com/stiles/")
    assert stamp["archive"]["sha256"] == KCNA_ARCHIVE["sha256"]
    assert stamp["articles"] + stamp["records_skipped"] + stamp["duplicates_dropped"] == 2111
    assert "make kcna-rhetoric" in stamp["rebuild"]


def test_the_table_holds_figures_only():
    table = pd.read_csv(KCNA_RHETORIC_PATH)
    assert list(table.columns) == ["period", "tag", "speaker_group", "matches", "sentences"]
    assert set(table["tag"]) <= set(ak.vocab.RHETORIC_TAGS)
    assert set(table["speaker_group"]) <= set(ak.vocab.SPEAKER_GROUPS)
    assert (table["sentences"] > 0).all() and (table["matches"] >= 0).all()


def test_loading_zero_fills_and_keeps_every_count():
    table = pd.read_csv(KCNA_RHETORIC_PATH)
    weekly = ak.load_kcna_rhetoric()
    assert weekly.attrs["freq"] == "W" and weekly.attrs["stamp"]["archive"]["name"] == "kcna_2024"
    assert weekly["matches"].sum() == table["matches"].sum()
    sentences_per_day = table.drop_duplicates(["period", "speaker_group"])["sentences"].sum()
    assert weekly.groupby("tag")["sentences"].sum().eq(sentences_per_day).all()
    whole = ak.load_kcna_rhetoric(freq="D", by=["tag", "speaker_group"])
    assert len(whole) == whole["period"].nunique() * 7 * table["speaker_group"].nunique()


def test_a_table_elsewhere_is_cited_by_its_own_stamp(tmp_path):
    # A made-up two-day table and stamp (written for this test), not the shipped ones.
    table = pd.DataFrame(
        {
            "period": ["2024-03-04", "2024-03-05"],
            "tag": ["threat", "threat"],
            "speaker_group": ["dprk_state", "dprk_state"],
            "matches": [2, 0],
            "sentences": [40, 10],
        }
    )
    stamp = {
        "archive": {"name": "made_up", "url": "https://example.org/made-up.json", "licence": "CC0"},
        "articles": 3,
    }
    write_kcna_rhetoric(table, stamp, path=tmp_path / "mine.csv")
    assert (tmp_path / "mine.json").is_file()
    loaded = ak.load_kcna_rhetoric(freq="D", path=tmp_path / "mine.csv")
    assert loaded["matches"].sum() == 2 and loaded.attrs["stamp"] == stamp
    assert loaded.attrs["corpus"] == (
        "KCNA English archive, 3 articles, https://example.org/made-up.json (CC0)"
    )
    (tmp_path / "mine.json").unlink()
    with pytest.raises(FileNotFoundError, match="no stamp .*mine.json"):
        ak.load_kcna_rhetoric(path=tmp_path / "mine.csv")


def test_fingerprint_ignores_comments_and_layout_but_not_content(tmp_path):
    text = ak.LEXICON_PATH.read_text(encoding="utf-8")
    relaid = tmp_path / "relaid.yml"
    relaid.write_text("# a comment\n" + text + "\n\n", encoding="utf-8")
    assert lexicon_fingerprint(relaid) == lexicon_fingerprint()
    edited = tmp_path / "edited.yml"
    edited.write_text(text.replace("- deterrent\n", "- deterrents\n", 1), encoding="utf-8")
    assert lexicon_fingerprint(edited) != lexicon_fingerprint()


def test_a_file_that_is_not_the_pinned_archive_is_refused(tmp_path):
    fake = tmp_path / KCNA_ARCHIVE["file"]
    fake.write_text("[]", encoding="utf-8")
    with pytest.raises(ValueError, match="not the pinned KCNA archive"):
        build_kcna_rhetoric(fake)


def test_the_script_says_where_to_get_a_missing_archive(tmp_path):
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "absent.json")], capture_output=True, text=True
    )
    assert done.returncode == 1 and KCNA_ARCHIVE["url"] in done.stderr


@pytest.mark.skipif(
    not ARCHIVE.is_file(), reason=f"the KCNA archive is not at {ARCHIVE} (set AK_KCNA_ARCHIVE)"
)
def test_rebuilding_from_the_archive_gives_the_shipped_table():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table, meta = build_kcna_rhetoric(ARCHIVE)
    shipped = pd.read_csv(KCNA_RHETORIC_PATH, dtype={"period": str})
    assert table.equals(shipped), f"the shipped table is stale: run `{REBUILD_COMMAND}`"
    assert meta == json.loads(KCNA_RHETORIC_META_PATH.read_text(encoding="utf-8"))

"""A fuzzer for load_articles: hypothesis builds folders of valid and broken files of
every supported format (nested folders, symlinked folders and loops, encodings, odd and
non-UTF-8 names, duplicates) and checks that no exception escapes, that every file found
is loaded, skipped or a duplicate record by record, and that every loaded text equals its
source. `make test` runs a short profile; `make fuzz` runs AK_FUZZ_EXAMPLES folders
(10,000 by default). Every text is generated here."""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import tempfile
import warnings
from collections import Counter
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analystkit as ak
from analystkit.corpus import ArticleLoadWarning

EXAMPLES = int(os.environ.get("AK_FUZZ_EXAMPLES", "40"))
# Western characters whose cp1252 bytes (0x80-0xBF) cannot form UTF-8 sequences: legacy
# bytes that do form valid UTF-8 are ambiguous, and are read as UTF-8 by design.
WESTERN = "abc xyz Korea’s “test” – © ° ½ 2024"


@dataclass
class Folder:
    """What was written: records expected per file (path -> texts), symlink loops."""

    records: dict[str, list[str]] = field(default_factory=dict)
    loops: int = 0


def _shown(path: str) -> str:
    return os.fsencode(path).decode("utf-8", "backslashreplace")


_name = st.one_of(
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="/\\"),
        min_size=1,
        max_size=12,
    ),
    st.binary(min_size=1, max_size=8).map(lambda b: b.replace(b"/", b"_").replace(b"\0", b"_")),
).filter(
    lambda n: (
        (n if isinstance(n, str) else n.decode("latin-1")).strip(" .") != ""
        and not (n if isinstance(n, str) else n.decode("latin-1")).startswith(".")
    )
)
_body = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00\r"),
    min_size=1,
    max_size=60,
)
_western = st.text(st.sampled_from(WESTERN), min_size=1, max_size=40)
_day = st.dates(
    min_value=__import__("datetime").date(1950, 1, 1),
    max_value=__import__("datetime").date(2099, 12, 31),
).map(str)
_kind = st.sampled_from(
    [
        "seed",
        "seed16",
        "seed32",
        "seedbom",
        "cp1252",
        "stray",
        "csv",
        "jsonl",
        "json",
        "binary",
        "empty",
        "unknown",
        "duplicate",
    ]
)
_entry = st.tuples(
    st.lists(st.sampled_from(["a", "b", "n€w", "deep"]), max_size=3),
    _name,
    _kind,
    _body,
    _western,
    _day,
    st.integers(0, 3),
    st.integers(0, 2),
)
_spec = st.tuples(
    st.lists(_entry, max_size=10),
    st.lists(
        st.tuples(st.sampled_from(["a", "b", ""]), st.sampled_from(["up", "side"])), max_size=2
    ),
)


def _unique(text: str, n: int) -> str:
    return f"{text.strip() or 'x'} #{n}"


def _file(kind, body, western, day, n_rows, n_broken, counter) -> tuple[str, bytes, list[str]]:
    """(extension, bytes, the texts expected from it; [] = one skipped entry)."""
    text = _unique(body, counter)
    seed = f" date {day} {text}"
    if kind == "seed":
        return ".txt", seed.encode(), [text]
    if kind == "seedbom":
        return ".md", codecs.BOM_UTF8 + seed.encode(), [text]
    if kind == "seed16":
        return ".txt", seed.encode("utf-16"), [text]
    if kind == "seed32":
        return ".txt", seed.encode("utf-32"), [text]
    if kind == "cp1252":
        western_text = _unique(western, counter)
        return ".txt", f" date {day} {western_text}".encode("cp1252"), [western_text]
    if kind == "stray":  # UTF-8 with one cp1252 dash pasted in
        mixed = f"{text} Korea’s “test” é"
        data = f" date {day} {mixed}".encode() + b" \x96"
        return ".txt", data, [mixed + " –"]
    texts = [_unique(body, counter * 10 + i) for i in range(n_rows)]
    if kind == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["date", "text"])
        writer.writerows([day, t] for t in texts)
        return ".csv", out.getvalue().encode(), texts or [""]
    if kind == "jsonl":
        lines = [json.dumps({"date": day, "text": t}, ensure_ascii=False) for t in texts]
        lines += ["{broken"] * n_broken
        expected = texts + [""] * n_broken
        return ".jsonl", "\n".join(lines).encode(), expected or [""]
    if kind == "json":
        rows = [{"date": day, "text": t} for t in texts]
        return ".json", json.dumps(rows).encode(), texts or [""]
    if kind == "binary":
        return ".txt", b"\x00\x01binary", [""]
    if kind == "empty":
        return ".txt", b"", [""]
    return ".pdf", b"%PDF-1.4", [""]


def _write(root: str, spec) -> Folder:
    entries, links = spec
    folder = Folder()
    written: dict[bytes, bytes] = {}
    for counter, (parts, name, kind, body, western, day, n_rows, n_broken) in enumerate(entries):
        directory = os.path.join(root, *parts)
        os.makedirs(directory, exist_ok=True)
        if kind == "duplicate" and written:
            ext, data = next(iter(written.items()))
            texts = None  # the same bytes again: same records, reported as duplicates
        else:
            ext, data, texts = _file(kind, body, western, day, n_rows, n_broken, counter)
            ext = ext.encode()
        stem = name.encode() if isinstance(name, str) else name
        path = os.path.join(os.fsencode(directory), stem + b"_" + str(counter).encode() + ext)
        with open(path, "wb") as handle:
            handle.write(data)
        if texts is None:
            texts = folder.records[next(iter(folder.records))]
        else:
            written.setdefault(ext, data)
        folder.records[_shown(os.fsdecode(path))] = texts
    for i, (where, how) in enumerate(links):
        base = os.path.join(root, where)
        os.makedirs(base, exist_ok=True)
        target = root if how == "up" else os.path.join(root, "b")
        if how == "side" and (not os.path.isdir(target) or where == "b"):
            continue
        os.symlink(target, os.path.join(base, f"link{i}"), target_is_directory=True)
        folder.loops += how == "up"
    return folder


def _found_by_link(root: str, records: dict[str, list[str]]) -> dict[str, list[str]]:
    """Files also reached through a sideways link (the loader finds them twice)."""
    extra = {}
    for folder, dirs, _ in os.walk(root):
        for d in dirs:
            path = os.path.join(folder, d)
            if (
                os.path.islink(path)
                and os.path.realpath(path) != os.path.realpath(root)
                and not os.path.realpath(root).startswith(os.path.realpath(path))
            ):
                real = os.path.realpath(path)
                for below, _, names in os.walk(real):
                    for n in names:
                        original = _shown(os.path.join(below, n))
                        linked = _shown(os.path.join(path, os.path.relpath(below, real), n))
                        extra[os.path.normpath(linked)] = records.get(original, [""])
    return extra


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_spec)
def test_every_record_of_every_file_is_loaded_skipped_or_a_duplicate(spec):
    with tempfile.TemporaryDirectory() as root:
        folder = _write(root, spec)
        expected = folder.records | _found_by_link(root, folder.records)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ArticleLoadWarning)
            frame = ak.load_articles(root)  # no exception may escape
        per_path = Counter(frame["path"])
        per_path.update(p for p, _ in frame.attrs["skipped"])
        per_path.update(p for p, _ in frame.attrs["duplicates"])
        loops = sum("symlink loop" in r for _, r in frame.attrs["skipped"])
        for path, texts in expected.items():
            assert per_path[os.path.normpath(path)] == len(texts), (path, frame.attrs)
        assert (loops > 0) == (folder.loops > 0)
        wanted = {t for texts in expected.values() for t in texts if t}
        assert set(frame["text"]) <= wanted
        for row in frame.itertuples():
            assert row.text in expected[os.path.normpath(row.path)]
        assert frame["article_id"].is_unique

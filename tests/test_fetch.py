"""fetch_corpus against a local HTTP server on 127.0.0.1 serving a project-written fixture:
downloaded once, checksum checked, nothing kept on a mismatch, a clear offline error.
Nothing here touches the internet."""

from __future__ import annotations

import hashlib
import socket

import pytest
from local_server import serving

import analystkit as ak
from analystkit import fetch

FIXTURE = b'[{"headline": "Written for this test", "story_text": "A calm day."}]\n' * 500


@pytest.fixture()
def served():
    """The base URL of a local server of FIXTURE, and the paths requested from it."""
    with serving(FIXTURE, {"Content-Length": str(len(FIXTURE))}) as server:
        yield server


def register(monkeypatch, url: str, sha256: str = hashlib.sha256(FIXTURE).hexdigest()) -> None:
    monkeypatch.setitem(
        fetch.CORPORA,
        "fixture",
        {"file": "fixture.json", "url": url, "sha256": sha256, "licence": "", "about": ""},
    )


def test_downloads_once_into_the_cache(served, monkeypatch, tmp_path):
    server, requests = served
    register(monkeypatch, f"{server}/fixture.json")
    path = ak.fetch_corpus("fixture", cache_dir=tmp_path, progress=False)
    assert path == tmp_path / "fixture" / "fixture.json" and path.read_bytes() == FIXTURE
    assert ak.fetch_corpus("fixture", cache_dir=tmp_path) == path
    assert requests == ["/fixture.json"]
    assert [p.name for p in path.parent.iterdir()] == ["fixture.json"]  # no temp file left


def test_the_cache_folder_comes_from_the_environment(served, monkeypatch, tmp_path):
    server, _ = served
    register(monkeypatch, f"{server}/fixture.json")
    monkeypatch.setenv("ANALYSTKIT_CACHE", str(tmp_path / "cache"))
    assert ak.fetch_corpus("fixture", progress=False).parent == tmp_path / "cache" / "fixture"


def test_a_checksum_mismatch_keeps_nothing(served, monkeypatch, tmp_path):
    server, _ = served
    register(monkeypatch, f"{server}/fixture.json", sha256="0" * 64)
    with pytest.raises(ak.CorpusFetchError, match="not the pinned 0{64}; it was not kept"):
        ak.fetch_corpus("fixture", cache_dir=tmp_path, progress=False)
    assert list((tmp_path / "fixture").iterdir()) == []


def test_a_damaged_cached_copy_is_named_not_deleted(served, monkeypatch, tmp_path):
    server, requests = served
    register(monkeypatch, f"{server}/fixture.json")
    cached = tmp_path / "fixture" / "fixture.json"
    cached.parent.mkdir()
    cached.write_bytes(FIXTURE[:-1])
    with pytest.raises(ak.CorpusFetchError, match="delete it to download it again"):
        ak.fetch_corpus("fixture", cache_dir=tmp_path)
    assert cached.exists() and requests == []


def test_offline_says_so_and_where_to_put_the_file(monkeypatch, tmp_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    register(monkeypatch, f"http://127.0.0.1:{port}/fixture.json")
    with pytest.raises(ak.CorpusFetchError, match="Are you offline") as err:
        ak.fetch_corpus("fixture", cache_dir=tmp_path, progress=False)
    assert str(tmp_path / "fixture" / "fixture.json") in str(err.value)


def test_an_unknown_name_lists_the_known_ones():
    with pytest.raises(ak.CorpusFetchError, match="known: kcna_2024"):
        ak.fetch_corpus("kcna_2025")


def test_the_kcna_archive_is_pinned_as_the_shipped_table_says():
    entry = fetch.CORPORA["kcna_2024"]
    assert entry["sha256"] == ak.kcna_rhetoric_stamp()["archive"]["sha256"]
    assert entry["url"] == (
        "https://raw.githubusercontent.com/stiles/north-korea-news/main/"
        "data/archive/headlines_2024-11-11.json"
    )

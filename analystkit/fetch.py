"""Public archives by name: downloaded once into a cache folder, checked against a pinned
SHA-256, with a progress bar and a clear error when offline."""

from __future__ import annotations

import hashlib
import os
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from tqdm import tqdm

CORPORA = {
    "kcna_2024": {
        "file": "headlines_2024-11-11.json",
        "url": "https://raw.githubusercontent.com/stiles/north-korea-news/main/"
        "data/archive/headlines_2024-11-11.json",
        "sha256": "0153140a39714f62507b148d9f28a9cce99833789e098e7dd74e0ab052d8bb86",
        "licence": "CC0",
        "about": "KCNA English site, 2,111 records, Dec 2023 - Nov 2024 (stiles/north-korea-news); "
        "load with ak.load_articles(path, tz='Asia/Seoul', columns={'story_text': "
        "'text', 'headline': 'title', 'link': 'url', 'date_str': None})",
    },
}
"""name -> file, url, sha256, licence, about: the archives fetch_corpus knows."""
CACHE_ENV = "ANALYSTKIT_CACHE"
TIMEOUT_SECONDS = 30
BLOCK = 1 << 16


class CorpusFetchError(RuntimeError):
    """A corpus could not be fetched: unknown name, offline, or a checksum mismatch."""


def default_cache_dir() -> Path:
    """$ANALYSTKIT_CACHE, else ~/.cache/analystkit."""
    return Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "analystkit")


def fetch_corpus(name: str, cache_dir: str | Path | None = None, progress: bool = True) -> Path:
    """The path of a registered archive, downloaded into the cache on first use.

    Parameters
    ----------
    name : str
        A key of ``CORPORA`` (e.g. "kcna_2024").
    cache_dir : str, pathlib.Path or None, default None
        Where archives are kept (default: ``default_cache_dir()``), one folder per name.
    progress : bool, default True
        Show a download progress bar.

    Returns
    -------
    pathlib.Path
        The checked archive file in the cache (``cache_dir/name/<file>``).

    Raises
    ------
    CorpusFetchError
        For an unknown name (listing the known ones), a failed download (saying where to
        put a copy fetched by hand), or a file whose SHA-256 differs from the pinned one
        (nothing is kept).

    Examples
    --------
    Downloading is not run here (it needs the network); an unknown name lists the known:

    >>> import analystkit as ak
    >>> ak.fetch_corpus("nonsense")
    Traceback (most recent call last):
    ...
    analystkit.fetch.CorpusFetchError: unknown corpus 'nonsense'; known: kcna_2024
    >>> path = ak.fetch_corpus("kcna_2024")  # doctest: +SKIP
    """
    if name not in CORPORA:
        raise CorpusFetchError(f"unknown corpus {name!r}; known: {', '.join(sorted(CORPORA))}")
    entry = CORPORA[name]
    target = Path(cache_dir or default_cache_dir()).expanduser() / name / entry["file"]
    if target.is_file():
        if file_sha256(target) != entry["sha256"]:
            raise CorpusFetchError(
                f"{target} is not the pinned {name} (SHA-256 "
                f"{entry['sha256']}): delete it to download it again"
            )
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".download-")
    try:
        with os.fdopen(handle, "wb") as out:
            _download(entry["url"], out, name, target, progress)
        checksum = file_sha256(temp)
        if checksum != entry["sha256"]:
            raise CorpusFetchError(
                f"{name}: the file from {entry['url']} has SHA-256 "
                f"{checksum}, not the pinned {entry['sha256']}; it was not kept"
            )
        os.replace(temp, target)
    finally:
        Path(temp).unlink(missing_ok=True)
    return target


def _download(url: str, out, name: str, target: Path, progress: bool) -> None:
    """Stream `url` into `out`, with a progress bar; offline and HTTP errors explained."""
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            size = int(response.headers.get("Content-Length") or 0) or None
            with tqdm(
                total=size, unit="B", unit_scale=True, desc=name, disable=not progress
            ) as bar:
                for block in iter(lambda: response.read(BLOCK), b""):
                    out.write(block)
                    bar.update(len(block))
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise CorpusFetchError(
            f"could not download {name} from {url} ({reason}). Are you offline? Fetch the "
            f"file by other means and put it at {target}; it is checked on first use."
        ) from err


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()

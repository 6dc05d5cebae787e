"""Rebuild data/reference/kcna_rhetoric_2024.csv and .json from the KCNA archive.

Usage: python scripts/build_kcna_rhetoric.py /path/to/headlines_2024-11-11.json
(or `make kcna-rhetoric ARCHIVE=...`). Run it after changing the lexicon, the sentence
splitter, speaker attribution or tagging; then `make notebooks`.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

from analystkit.kcna_rhetoric import (
    KCNA_ARCHIVE,
    KCNA_RHETORIC_META_PATH,
    KCNA_RHETORIC_PATH,
    build_kcna_rhetoric,
    write_kcna_rhetoric,
)


def main(argv: list[str]) -> int:
    """Build and write the table; exit 1 with the archive's URL when the file is missing."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    archive = Path(argv[0]).expanduser()
    if not archive.is_file():
        print(
            f"no KCNA archive at {archive}: ak.fetch_corpus('kcna_2024') downloads it "
            f"({KCNA_ARCHIVE['url']}, SHA-256 {KCNA_ARCHIVE['sha256']}) and returns its "
            "path; pass that as ARCHIVE=",
            file=sys.stderr,
        )
        return 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the load report is in the stamp
        try:
            table, meta = build_kcna_rhetoric(archive)
        except ValueError as err:
            print(err, file=sys.stderr)
            return 1
    write_kcna_rhetoric(table, meta)
    print(
        f"wrote {KCNA_RHETORIC_PATH} ({len(table)} rows, {meta['articles']} articles, "
        f"{meta['first_day']} to {meta['last_day']}) and {KCNA_RHETORIC_META_PATH}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

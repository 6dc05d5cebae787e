"""CSV records with the line an editor shows them on: what the reference files and the
gold files share, so that every problem can name its line."""

from __future__ import annotations

import csv
from collections.abc import Iterable


def csv_records(lines: Iterable[str]) -> tuple[list[str], list[tuple[int, list[str]]], list[str]]:
    """The stripped header, each non-blank record as (editor line, stripped cells) (a
    quoted cell may span lines: the line is where the record starts), and one problem
    per record whose number of fields differs from the header's."""
    reader = csv.reader(lines)
    header = [name.strip() for name in next(reader, [])]
    records, problems, last = [], [], reader.line_num
    for cells in reader:
        line, last = last + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            problems.append(
                f"line {line}: {len(cells)} fields, the header has "
                f"{len(header)} (a missing or extra comma, or quoting?)"
            )
            continue
        records.append((line, [cell.strip() for cell in cells]))
    return header, records, problems

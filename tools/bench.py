"""Build benchmark: prints figures, asserts nothing.

Usage: python tools/bench.py [PROJECT_DIR] [--runs N]

Builds the project (default: the sample in the repository root) N times into
a temporary directory and prints wall time per stage, pages, size and the
process's peak memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pressroom.build import build  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("project", nargs="?", type=Path,
                        default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(1, args.runs + 1):
            marks: list[tuple[int, float]] = []
            report = build(args.project, Path(tmp) / f"run{run}.pdf",
                           lambda step, text: marks.append((step, time.perf_counter())))
            stages = "  ".join(f"s{a}→s{b} {t2 - t1:5.2f}s"
                               for (a, t1), (b, t2) in zip(marks, marks[1:]))
            print(f"run {run}: {report.seconds:5.2f} s total, {report.pages} pages, "
                  f"{report.seconds / report.pages:.3f} s/page, {report.size / 1e6:.2f} MB | {stages}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()

"""Measure disclint's speed and memory; print a table and write JSON.

    python benchmarks/run.py [--docs 500] [--big-mb 10] [--json benchmarks/last-run.json]

What it measures, on this machine, through the installed ``disclint``
command (as users run it) unless said otherwise:

* start-up: ``disclint --version`` and ``disclint check`` of the smallest
  corpus document, median of repeated runs;
* throughput: ``check`` with every built-in rule over a generated corpus
  (benchmarks/generate.py; consistent by construction, so the run also
  reports how many issues it found — it should be none), serial and with
  ``--jobs 2``;
* scaling with size: a 100 KB and a large document (the corpus text
  repeated), the ratio of their times against the ratio of their sizes, and
  the peak memory of the large run;
* the split per pipeline stage (read, normalize, parse, facts, rules,
  report), in-process over the generated corpus, so the slowest stage shows.

Targets (issue 7): --version under 0.25 s, check of the smallest document
under 0.6 s, at least 1 MB/s per core, --jobs 2 close to twice as fast, the
large/small time ratio close to the size ratio, peak memory under 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


def disclint() -> str:
    found = Path(sys.executable).parent / "disclint"
    return str(found) if found.exists() else shutil.which("disclint") or "disclint"


def timed(command: list[str], repeat: int = 1) -> tuple[float, subprocess.CompletedProcess]:
    """Median wall time of ``command`` over ``repeat`` runs."""
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def peak_memory_mb(path: Path) -> tuple[float, float]:
    """Lint ``path`` in a fresh interpreter; its wall time and peak RSS."""
    code = (
        "import resource, sys, time\n"
        "from linter.engine import lint_path\n"
        "from linter.plugins import all_rules\n"
        "rules = all_rules()\n"
        "start = time.perf_counter()\n"
        f"lint_path({str(path)!r}, rules)\n"
        "elapsed = time.perf_counter() - start\n"
        "print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def stage_split(paths: list[Path]) -> dict[str, float]:
    """Seconds spent per stage, in-process, over ``paths``."""
    from linter import docinfo
    from linter.engine import FileResult, lint_document
    from linter.formatters import json_format
    from linter.normalize import normalize
    from linter.parsing import build_tree
    from linter.plugins import all_rules
    from linter.reading import read_text
    from linter.textlines import split_lines
    from linter.tree import Document

    rules = all_rules()
    stages = dict.fromkeys(("read", "normalize", "parse", "facts", "rules", "report"), 0.0)
    results = []
    for path in paths:
        t0 = time.perf_counter()
        decoded = read_text(str(path))
        t1 = time.perf_counter()
        normalized = normalize(split_lines(decoded.text))
        t2 = time.perf_counter()
        children = build_tree(normalized)
        info = docinfo.detect(children, normalized.text, normalized.raw)
        document = Document(str(path), decoded.encoding, normalized.text, normalized.raw, normalized.sourcemap, info, children, 0)
        t3 = time.perf_counter()
        # The store is lazy: make it run all three stages here, or their
        # time would be counted as the rules'.
        document.facts.prose
        document.facts.plugin_facts
        document.facts.tables()
        t4 = time.perf_counter()
        issues = lint_document(document, rules)
        t5 = time.perf_counter()
        results.append(FileResult(str(path), info, issues))
        for name, span in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            stages[name] += span
    t6 = time.perf_counter()
    json_format.render(results, version="bench")
    stages["report"] = time.perf_counter() - t6
    return stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=500, help="generated documents for throughput")
    parser.add_argument("--big-mb", type=float, default=10, help="size of the large document, in MB")
    parser.add_argument("--json", type=Path, default=HERE / "last-run.json")
    args = parser.parse_args()
    tool = disclint()
    corpus = sorted((REPO / "examples").glob("*.txt"))
    smallest = min(corpus, key=lambda p: p.stat().st_size)
    figures: dict = {"cpu_count": os.cpu_count()}

    figures["version_s"], _ = timed([tool, "--version"], repeat=11)
    figures["check_smallest_s"], _ = timed([tool, "check", str(smallest)], repeat=7)

    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "generated"
        generated.mkdir()
        for n in range(args.docs):
            (generated / f"g{n:04d}.txt").write_text(generate(n), encoding="utf-8")
        size = sum(p.stat().st_size for p in generated.iterdir())
        figures["generated_docs"] = args.docs
        figures["generated_mb"] = size / 1e6
        serial, result = timed([tool, "check", "--format", "json", str(generated)])
        report = json.loads(result.stdout)
        figures["generated_issues"] = sum(len(f["issues"]) for f in report["files"])
        figures["serial_s"] = serial
        figures["throughput_mb_s"] = size / 1e6 / serial
        parallel, _ = timed([tool, "check", "--format", "json", "--jobs", "2", str(generated)])
        figures["jobs2_s"] = parallel
        figures["jobs2_speedup"] = serial / parallel

        text = "".join(p.read_text(encoding="utf-8") for p in corpus)
        small = Path(tmp) / "small.txt"
        big = Path(tmp) / "big.txt"
        small.write_text(text[:100_000 // 3], encoding="utf-8")  # ~100 KB of UTF-8
        repeats = int(args.big_mb * 1e6 / len(text.encode("utf-8"))) + 1
        big.write_text(text * repeats, encoding="utf-8")
        figures["small_kb"] = small.stat().st_size / 1e3
        figures["big_mb"] = big.stat().st_size / 1e6
        figures["small_s"], figures["small_peak_mb"] = peak_memory_mb(small)
        figures["big_s"], figures["big_peak_mb"] = peak_memory_mb(big)
        figures["size_ratio"] = big.stat().st_size / small.stat().st_size
        figures["time_ratio"] = figures["big_s"] / figures["small_s"]

        figures["stages_s"] = stage_split(sorted(generated.iterdir()))

    rows = [
        ("disclint --version (median of 11)", f"{figures['version_s']:.3f} s", "< 0.25 s"),
        (f"check {smallest.name} (median of 7)", f"{figures['check_smallest_s']:.3f} s", "< 0.6 s"),
        (
            f"check {args.docs} generated docs ({figures['generated_mb']:.1f} MB), 1 process",
            f"{figures['serial_s']:.2f} s = {figures['throughput_mb_s']:.2f} MB/s",
            ">= 1 MB/s",
        ),
        ("  issues found in the generated corpus", str(figures["generated_issues"]), "0"),
        ("  the same with --jobs 2", f"{figures['jobs2_s']:.2f} s = x{figures['jobs2_speedup']:.2f}", "~ x2"),
        (
            f"{figures['big_mb']:.1f} MB / {figures['small_kb']:.0f} KB document (in-process)",
            f"{figures['big_s']:.2f} s / {figures['small_s']:.3f} s = x{figures['time_ratio']:.0f} "
            f"for x{figures['size_ratio']:.0f} the size",
            "linear",
        ),
        ("  peak memory of the large run", f"{figures['big_peak_mb']:.0f} MB", "< 300 MB"),
    ]
    rows += [(f"  stage: {name}", f"{seconds:.2f} s", "") for name, seconds in figures["stages_s"].items()]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'result':<40}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:<40}  {target}")
    args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten to {args.json}")


if __name__ == "__main__":
    main()

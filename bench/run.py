"""`make bench`: our build against stock mkdocs-material + mkdocs-static-i18n, and the cost
of each quality gate. Prints ratio tables and writes bench/results/<time>.json.

Timing never appears in tests; this is where speed is measured.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import material
import yaml
from klarinfo.base import project
from klarinfo.glossary import check as glossary_check
from klarinfo.glossary import termbase
from klarinfo.glossary.matching import Matcher
from klarinfo.readability import score as readability

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
import preview  # noqa: E402
import targets  # noqa: E402
import weight  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SIZES = tuple(int(n) for n in os.environ.get("BENCH_SIZES", "50,250,1000").split(","))
PROFILE = os.environ.get("BENCH_PROFILE", "") not in ("", "0")
# Synthetic builds are repeated (interleaved) and medians taken: three times up to
# N = 250, where a single pair varied by a tenth on this machine; once at N = 1000 (four
# minutes of stock per pair), three times in `make bench-long`.
CORPUS_RUNS_SET = os.environ.get("BENCH_CORPUS_RUNS", "")


def corpus_runs(n: int) -> int:
    if CORPUS_RUNS_SET:
        return int(CORPUS_RUNS_SET)
    return 3 if n <= 250 else 1


def machine() -> dict[str, object]:
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "processor": platform.processor() or platform.machine()}


def stock_config(workdir: Path, root: Path = ROOT) -> Path:
    """mkdocs.yml minus our plugin and theme; Material partials for editions it lacks.

    Stock Material has no language partial for Somali or for our easy-read
    edition id, so the stock build borrows English and Swedish ones: the least
    we must add for stock to build the same content at all.
    """
    proj = project.load(root / "mkdocs.yml")
    config = dict(proj.config)
    config["docs_dir"] = str(proj.docs_dir)
    config["plugins"] = [p for p in config["plugins"]
                         if not (isinstance(p, dict) and "klarinfo" in p)]
    overrides = workdir / "stock-overrides" / "partials" / "languages"
    overrides.mkdir(parents=True, exist_ok=True)
    languages = Path(material.__file__).parent / "templates" / "partials" / "languages"
    shutil.copy(languages / "sv.html", overrides / "sv-latt.html")
    shutil.copy(languages / "en.html", overrides / "so.html")
    config["theme"] = {"name": "material", "language": "sv",
                       "custom_dir": str(workdir / "stock-overrides")}
    config["extra_css"] = []
    # our heading slugs (a !!python/name tag, read as None here): stock keeps its default
    config["markdown_extensions"] = [
        {"toc": {k: v for k, v in (ext["toc"] or {}).items() if k != "slugify"}}
        if isinstance(ext, dict) and "toc" in ext else ext
        for ext in config.get("markdown_extensions") or []]
    path = workdir / "stock.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def timed_build(config: Path, site: Path, edition: str = "") -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KLARINFO_EDITION": edition}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
                    "-d", str(site)], check=True, env=env, cwd=config.parent,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def measured_build(config: Path, site: Path, edition: str = "") -> tuple[float, float]:
    """Wall time (s) and peak memory (MiB) of one `mkdocs build` in its own process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KLARINFO_EDITION": edition}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
                             "-d", str(site)], env=env, cwd=config.parent,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"build of {config} failed")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def bench_corpus(workdir: Path) -> list[dict[str, object]]:
    """Synthetic sites of N Swedish pages in five editions: stock and ours, N by N."""
    rows = []
    for n in SIZES:
        config = corpus.write(n, workdir / f"corpus-{n}")
        pages = 5 * (n + 1)
        stock = stock_config(workdir / f"corpus-{n}-stock", config.parent)
        runs: dict[str, list[tuple[float, float]]] = {"stock": [], "ours": []}
        runs_n = corpus_runs(n)
        for _ in range(runs_n):  # interleaved, so drift hits both alike
            runs["stock"].append(measured_build(stock, workdir / f"corpus-{n}-stock-site"))
            runs["ours"].append(measured_build(config, workdir / f"corpus-{n}-site"))
        stock_s = statistics.median(t for t, _ in runs["stock"])
        ours_s = statistics.median(t for t, _ in runs["ours"])
        stock_mb = max(m for _, m in runs["stock"])
        ours_mb = max(m for _, m in runs["ours"])
        rows.append({"n": n, "pages": pages, "runs": runs_n,
                     "stock_runs_s": [t for t, _ in runs["stock"]],
                     "ours_runs_s": [t for t, _ in runs["ours"]],
                     "stock_s": stock_s, "ours_s": ours_s,
                     "stock_peak_mib": stock_mb, "ours_peak_mib": ours_mb,
                     "stock_ms_per_page": 1000 * stock_s / pages,
                     "ours_ms_per_page": 1000 * ours_s / pages, "ratio": ours_s / stock_s,
                     "peak_ratio": ours_mb / stock_mb})
        print(f"  N={n:5}  {pages:5} pages  stock {stock_s:7.1f} s {stock_mb:5.0f} MiB  "
              f"ours {ours_s:7.1f} s {ours_mb:5.0f} MiB  ratio {ours_s / stock_s:.2f}",
              flush=True)
        if PROFILE and n == SIZES[len(SIZES) // 2]:
            profile(config, workdir / f"corpus-{n}-profile-site", n)
    return rows


def profile(config: Path, site: Path, n: int) -> None:
    """pyinstrument over one of our corpus builds: where the time goes."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"profile-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}-n{n}.html"
    subprocess.run([sys.executable, "-m", "pyinstrument", "-r", "html", "-o", str(out), "-m",
                    "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, cwd=config.parent,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    print(f"  profile written to {out.relative_to(ROOT)}")


def bench_builds(workdir: Path) -> dict[str, object]:
    stock = stock_config(workdir)
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(RUNS):  # interleaved, so drift on a shared machine hits both alike
        theirs.append(timed_build(stock, workdir / "stock-site"))
        ours.append(timed_build(ROOT / "mkdocs.yml", workdir / "our-site"))
    # pages as readers see them (our site also has an embed view of each)
    pages = len(list((workdir / "stock-site").rglob("index.html")))
    result = {"pages": pages, "runs": RUNS, "stock_s": statistics.median(theirs),
              "ours_s": statistics.median(ours)}
    result["ratio"] = result["ours_s"] / result["stock_s"]
    return result


def bench_edit_preview(workdir: Path) -> dict[str, object]:
    """What a communicator waits for after saving one page in `make site`: from the save to
    the served HTML showing it (bench/preview.py), ours and stock's `mkdocs serve` on a copy
    of the real site, and ours on the N = 1 000 corpus (stock's serve rebuilds everything
    there: its full build time in `corpus` is its wait)."""
    proj = workdir / "edit-project"
    for name in ("docs", "locales", "glossary", "data"):
        shutil.copytree(ROOT / name, proj / name)
    shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    ours = preview.measure(proj / "mkdocs.yml", proj / "docs", "sv/tolk.md", RUNS)
    stock = preview.measure(stock_config(workdir / "edit-stock", proj), proj / "docs",
                            "sv/tolk.md", RUNS)
    result: dict[str, object] = {
        "real_site_s": statistics.median(ours), "real_site_runs_s": ours,
        "stock_real_site_s": statistics.median(stock), "stock_real_site_runs_s": stock}
    big = workdir / "corpus-1000" / "mkdocs.yml"
    if big.exists():
        runs = preview.measure(big, big.parent / "docs", "sv/sida-0001.md", RUNS)
        result.update({"n1000_s": statistics.median(runs), "n1000_runs_s": runs})
    return result


def bench_editions(workdir: Path, n: int = 250 if 250 in SIZES else SIZES[0]
                   ) -> dict[str, float]:
    """Seconds to build the Swedish edition alone and each other edition with it (what
    one job of a CI matrix would build), on the N-page corpus: for the README's estimate."""
    config = workdir / f"corpus-{n}" / "mkdocs.yml"
    if not config.exists():
        config = corpus.write(n, workdir / f"corpus-{n}")
    out = {}
    for edition in ("sv", "sv-latt", "en", "ar", "so"):
        seconds, _ = measured_build(config, workdir / f"editions-{edition}", edition)
        out[edition] = seconds
    return out


def bench_calculator() -> dict[str, int]:
    """The calculator's JavaScript as a reader downloads it (issue #20: ≤ 10 KB gzip)."""
    assets = ROOT / "plugins" / "klarinfo" / "theme" / "assets"
    files = [assets / "calculator-model.js", assets / "calculator.js"]
    raw = b"".join(f.read_bytes() for f in files)
    return {"bytes": len(raw), "gzip_bytes": sum(len(gzip.compress(f.read_bytes(), 9))
                                                 for f in files)}


def bench_leaflets(workdir: Path) -> dict[str, object]:
    """What `make leaflets` costs on top of a build: the build that links the leaflets,
    then WeasyPrint making every topic page's PDF in every edition (kept out of
    `make build` because it takes longer than the build itself)."""
    site = workdir / "leaflet-site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KLARINFO_EDITION": "",
           "KLARINFO_LEAFLETS": "true"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                    str(ROOT / "mkdocs.yml"), "-d", str(site)], check=True, env=env,
                   cwd=ROOT, stdout=subprocess.DEVNULL)
    built = time.perf_counter()
    subprocess.run([sys.executable, "-m", "klarinfo.leaflets.build", str(site)], check=True,
                   cwd=ROOT, stdout=subprocess.DEVNULL)
    done = time.perf_counter()
    sizes = [pdf.stat().st_size for pdf in site.rglob("*.pdf")]
    return {"build_s": built - start, "leaflets_s": done - built,
            "count": len(sizes), "bytes_max": max(sizes, default=0),
            "bytes_total": sum(sizes)}


def bench_readability() -> dict[str, dict[str, float]]:
    """ms per 1,000 words of the readability gate, per edition, over our pages and fixtures."""
    proj = project.load(ROOT / "mkdocs.yml")
    profiles, _ = readability.build_profiles(proj.plugin("klarinfo").get("readability"))
    out = {}
    for edition in proj.editions():
        texts = _texts(proj, edition, "readability")
        readability.analyse(texts[0], "warm-up", profiles[edition])  # load dictionaries
        words = 0
        start = time.perf_counter()
        for _ in range(20):
            for text in texts:
                words += readability.analyse(text, "x", profiles[edition]).words
        elapsed = time.perf_counter() - start
        out[edition] = {"words": words, "ms_per_1000_words": 1000 * elapsed / words * 1000}
    return out


def _texts(proj: project.Project, edition: str, fixtures: str) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in (proj.docs_dir / edition).rglob("*.md")]
    texts += [p.read_text(encoding="utf-8") for p in
              (ROOT / "tests" / "fixtures" / fixtures / edition).glob("*.md")]
    return texts


def bench_glossary() -> dict[str, dict[str, float]]:
    """ms per 1,000 words of the terminology scan, per edition (matcher compiled once)."""
    proj = project.load(ROOT / "mkdocs.yml")
    settings = proj.plugin("klarinfo").get("editions", {})
    base, _ = termbase.load(ROOT / "glossary", proj.editions())
    out = {}
    for edition in proj.editions():
        texts = _texts(proj, edition, "readability")
        matcher = Matcher(base, edition, settings.get(edition, {}).get("lang", edition))
        words = sum(len(t.split()) for t in texts) * 20
        start = time.perf_counter()
        for _ in range(20):
            for text in texts:
                glossary_check.scan(text, matcher)
        elapsed = time.perf_counter() - start
        out[edition] = {"words": words, "terms": len(base.terms),
                        "ms_per_1000_words": 1000 * elapsed / words * 1000}
    return out


def main() -> int:
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="klarinfo-bench-") as tmp:
        real = bench_builds(Path(tmp))
        paths = ["foraldrapenning/", "ar/foraldrapenning/", "so/vald/"]
        weights = {"klarinfo": weight.measure(Path(tmp) / "our-site", paths),
                   "stock": weight.measure(Path(tmp) / "stock-site", paths)}
        print("\nSynthetic sites, N Swedish pages in five editions (median of "
              + ", ".join(f"{corpus_runs(n)} at N = {n}" for n in SIZES)
              + " interleaved builds)")
        rows = bench_corpus(Path(tmp))
        print("\nEdit → served page in mkdocs serve (make site)", flush=True)
        edit = bench_edit_preview(Path(tmp))
        editions = bench_editions(Path(tmp))
        leaflets = bench_leaflets(Path(tmp))
    gates = {"readability": bench_readability(), "glossary": bench_glossary()}
    sizes = {str(row["n"]): row for row in rows}
    growth = {}
    if len(rows) > 1:
        growth = {"from_n": rows[0]["n"], "to_n": rows[-1]["n"],
                  "ours_ratio": rows[-1]["ours_ms_per_page"] / rows[0]["ours_ms_per_page"],
                  "stock_ratio": rows[-1]["stock_ms_per_page"] / rows[0]["stock_ms_per_page"]}
    result = {"machine": machine(), "real_site": real, "edit_preview": edit, "corpus": sizes,
              "growth": growth, "editions_s": editions, "calculator": bench_calculator(),
              "page_weight": weights, "gates": gates, "leaflets": leaflets}
    report(result, paths)
    checked = targets.evaluate(result)
    print("\nTargets (issue #18; ratios from this run)")
    print(targets.table(checked))
    result["targets"] = targets.as_json(checked)
    result["bench_seconds"] = time.perf_counter() - began
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"{stamp}.json"
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(f"\nwritten {out.relative_to(ROOT)} ({time.perf_counter() - began:.0f} s in all)")
    return 0


def report(result: dict, paths: list[str]) -> None:
    real, edit = result["real_site"], result["edit_preview"]
    print(f"\nFull build of the real site ({real['pages']} pages, median of {RUNS} runs)")
    print(f"  stock mkdocs-material + i18n  {real['stock_s']:7.2f} s")
    print(f"  klarinfo                      {real['ours_s']:7.2f} s")
    print(f"  ratio ours/stock              {real['ratio']:7.2f}")
    print(f"\nEdit → served page (median of {RUNS} saves)")
    print(f"  real site, stock mkdocs serve {edit['stock_real_site_s']:7.2f} s")
    print(f"  real site, make site          {edit['real_site_s']:7.2f} s")
    if "n1000_s" in edit:
        print(f"  N = 1 000 × 5, make site      {edit['n1000_s']:7.2f} s")
    print("\nGrowth with N (ms per page; linear growth keeps it flat)")
    print("      N   stock ms/page   ours ms/page   time ratio   peak MiB stock/ours   ratio")
    for row in result["corpus"].values():
        print(f"  {row['n']:5}   {row['stock_ms_per_page']:13.1f}   "
              f"{row['ours_ms_per_page']:12.1f}   {row['ratio']:10.2f}   "
              f"{row['stock_peak_mib']:9.0f} / {row['ours_peak_mib']:4.0f}   "
              f"{row['peak_ratio']:8.2f}")
    print("\nSwedish alone, and each edition with Swedish (a CI matrix job), s: " + ", ".join(
        f"{k} {v:.1f}" for k, v in result["editions_s"].items()))
    print("\nPage weight in Chromium, bytes transferred (gzip, assets cached)")
    print("  page                     klarinfo first / repeat     stock first / repeat")
    weights = result["page_weight"]
    for path in paths:
        ours, stock = weights["klarinfo"][path], weights["stock"][path]
        foreign = f"  (+{len(stock['foreign_attempts'])} blocked requests to other hosts)" \
            if stock["foreign_attempts"] else ""
        print(f"  {path:24} {ours['first']['bytes'] / 1024:8.1f} KB / "
              f"{ours['repeat']['bytes'] / 1024:5.1f} KB   "
              f"{stock['first']['bytes'] / 1024:8.1f} KB / "
              f"{stock['repeat']['bytes'] / 1024:5.1f} KB{foreign}")
    calc = result["calculator"]
    print(f"\nCalculator JavaScript: {calc['bytes']} bytes, {calc['gzip_bytes']} gzip")
    leaflets = result["leaflets"]
    print(f"\nmake leaflets: build {leaflets['build_s']:.2f} s + {leaflets['count']} PDFs "
          f"{leaflets['leaflets_s']:.2f} s (largest {leaflets['bytes_max'] / 1000:.0f} kB, "
          f"all {leaflets['bytes_total'] / 1000:.0f} kB)")
    gates = result["gates"]
    print("\nGate cost, ms per 1,000 words   readability   glossary")
    for edition, row in gates["readability"].items():
        print(f"  {edition:30} {row['ms_per_1000_words']:11.2f} "
              f"{gates['glossary'][edition]['ms_per_1000_words']:10.2f}")


if __name__ == "__main__":
    sys.exit(main())

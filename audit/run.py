"""`make audit`: independent checks of the built site, as issue #16 measured it.

Lighthouse (npm ``lighthouse``, mobile profile with its simulated slow 4G) on a topic
page of every edition: accessibility, SEO, performance and cumulative layout shift.
pa11y (npm ``pa11y``, HTML_CodeSniffer, WCAG2AA) on the topic pages of every edition and
their embed views. Both drive Debian's /usr/bin/chromium (never a downloaded browser).

Prints two tables, writes ``reports/audit.json`` (beside the site, not published) and
exits 1 when a target is missed: accessibility and SEO 100, CLS < 0.1, no pa11y error
except the ones in KNOWN (each with the reason it stays). Slow (a few minutes on two
busy cores) and never part of `make test`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from sitebuild import EDITIONS, build  # noqa: E402

BIN = ROOT / "node_modules" / ".bin"
LIGHTHOUSE_TOPIC = "foraldrapenning"
PA11Y_TOPICS = ("foraldrapenning", "bostadsbidrag", "tolk", "vald")
CATEGORIES = ("accessibility", "seo", "performance")

# pa11y codes we do not count as failures, and why (README "Audit" says the same).
KNOWN = {
    "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2":
        "Material's search form has no submit button: search runs as you type and "
        "results are links, so nothing is submitted (no change of context on input)",
}


def _path(edition: str, topic: str, embed: bool = False) -> str:
    prefix = "" if edition == "sv" else edition + "/"
    return ("embed/" if embed else "") + prefix + topic + "/"


def lighthouse(url: str) -> dict:
    """Scores (0–100), CLS and the elements that shifted, for one mobile page view."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    proc = subprocess.run(
        [str(BIN / "lighthouse"), url, "--quiet", "--output=json", "--output-path=stdout",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300)
    if proc.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{proc.stderr[-2000:]}")
    report = json.loads(proc.stdout)
    audits = report["audits"]
    shifts = audits.get("layout-shifts", {}).get("details", {}).get("items", [])
    return {
        **{name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES},
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "shifted": [item["node"].get("selector", "?") for item in shifts],
        "failed": sorted(key for key, a in audits.items()
                         if a.get("scoreDisplayMode") == "binary" and a.get("score") == 0),
    }


def pa11y(url: str, config: Path) -> list[dict]:
    """HTML_CodeSniffer WCAG2AA errors on one page (warnings and notices left out)."""
    proc = subprocess.run([str(BIN / "pa11y"), "--config", str(config), "--reporter", "json", url],
                          capture_output=True, text=True, timeout=300)
    if proc.returncode not in (0, 2):  # 2: issues found
        raise SystemExit(f"pa11y failed on {url}:\n{proc.stderr[-2000:]}")
    return [{"code": i["code"], "selector": i["selector"], "message": i["message"]}
            for i in json.loads(proc.stdout or "[]") if i["type"] == "error"]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="klarinfo-audit-") as tmp:
        site = Path(tmp) / "site"
        result = build(ROOT, site)
        if result.returncode:
            print(result.output)
            return 1
        config = Path(tmp) / "pa11y.json"
        config.write_text(json.dumps({
            "standard": "WCAG2AA", "runners": ["htmlcs"], "timeout": 120000,
            "chromeLaunchConfig": {"executablePath": CHROMIUM, "args": CHROMIUM_ARGS}}))
        with serve(site) as base:
            lh = {}
            for edition in EDITIONS:
                path = _path(edition, LIGHTHOUSE_TOPIC)
                print(f"lighthouse {path}", file=sys.stderr)
                lh[path] = lighthouse(base + path)
            checked = {}
            for edition in EDITIONS:
                for topic in PA11Y_TOPICS:
                    for embed in (False, True):
                        path = _path(edition, topic, embed)
                        print(f"pa11y {path}", file=sys.stderr)
                        checked[path] = pa11y(base + path, config)
    return report(lh, checked)


def report(lh: dict[str, dict], checked: dict[str, list[dict]]) -> int:
    """Print the tables, write reports/audit.json; 1 if a target is missed."""
    missed = []
    print("\nLighthouse (mobile): page | accessibility | SEO | performance | CLS")
    for path, r in lh.items():
        print(f"/{path} | {r['accessibility']} | {r['seo']} | {r['performance']} | {r['cls']:.3f}")
        if r["accessibility"] < 100 or r["seo"] < 100 or r["cls"] >= 0.1:
            missed.append(f"/{path}: lighthouse {r}")
    print("\npa11y (HTML_CodeSniffer WCAG2AA): page | errors | known | codes")
    for path, errors in checked.items():
        new = [e for e in errors if e["code"] not in KNOWN]
        codes = sorted({e["code"].rsplit(".", 2)[-2] + "." + e["code"].rsplit(".", 1)[-1]
                        for e in new})
        print(f"/{path} | {len(new)} | {len(errors) - len(new)} | {', '.join(codes)}")
        for code in sorted({e["code"] for e in new}):
            first = next(e for e in new if e["code"] == code)
            count = sum(e["code"] == code for e in new)
            missed.append(f"/{path}: {code} ×{count}, first at {first['selector']}: "
                          f"{first['message']}")
    for code, why in KNOWN.items():
        print(f"\nknown, not counted: {code}: {why}")
    out = ROOT / "reports" / "audit.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"lighthouse": lh, "pa11y": checked, "known": KNOWN},
                              ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\n{len(missed)} target(s) missed; details in {out.relative_to(ROOT)}")
    for line in missed:
        print("  " + line)
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())

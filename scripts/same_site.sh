#!/usr/bin/env bash
# Build two commits and compare what they publish: for refactors that must not change
# the site (issue #15 used it). Usage: scripts/same_site.sh OLD_REV [NEW_REV]
# (NEW_REV defaults to the working tree). Exit 0 when site/, reports/ and server/ are
# byte-identical, sitemap.xml.gz compared uncompressed (its gzip header has a timestamp).
set -euo pipefail
old=$1 new=${2:-}
root=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/old" >/dev/null 2>&1 || true;
      [ -n "$new" ] && git -C "$root" worktree remove --force "$work/new" >/dev/null 2>&1;
      rm -rf "$work"' EXIT
build() {  # build SOURCE_DIR OUT_DIR
  (cd "$1" && NO_MKDOCS_2_WARNING=1 PYTHONPATH="$1/plugins" \
     "$root/.venv/bin/mkdocs" build --strict -q -d "$2/site")
}
git -C "$root" worktree add -q --detach "$work/old" "$old"
build "$work/old" "$work/out-old"
if [ -n "$new" ]; then
  git -C "$root" worktree add -q --detach "$work/new" "$new"
  build "$work/new" "$work/out-new"
else
  build "$root" "$work/out-new"
fi
diff -r -x sitemap.xml.gz "$work/out-old" "$work/out-new"
cmp <(zcat "$work/out-old/site/sitemap.xml.gz") <(zcat "$work/out-new/site/sitemap.xml.gz")
echo "same site: $(find "$work/out-new" -type f | wc -l) files identical"

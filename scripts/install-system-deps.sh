#!/usr/bin/env bash
# What the site needs at run time besides Python packages: WeasyPrint's system libraries
# (Pango, its FreeType backend, HarfBuzz's subsetter so that a PDF embeds only the glyphs it
# uses) and the fonts the Article 7 report PDFs name: Noto Sans and Noto Naskh Arabic
# (fonts-noto-core), Noto Sans CJK SC (fonts-noto-cjk), DejaVu Sans. On Debian installs only
# what is missing; elsewhere says what is needed. `make install` runs it: one check each.
set -euo pipefail

# ldconfig is in /sbin, which a user's PATH may lack.
libraries="$("$(command -v ldconfig || echo /sbin/ldconfig)" -p 2>/dev/null || true)"
fonts="$(fc-list 2>/dev/null || true)"

missing=()
grep -q "libpango-1.0.so.0" <<<"$libraries" || missing+=(libpango-1.0-0)
grep -q "libpangoft2-1.0.so.0" <<<"$libraries" || missing+=(libpangoft2-1.0-0)
grep -q "libharfbuzz-subset.so.0" <<<"$libraries" || missing+=(libharfbuzz-subset0)
command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
grep -qi "Noto Naskh Arabic" <<<"$fonts" || missing+=(fonts-noto-core)
grep -qi "Noto Sans CJK" <<<"$fonts" || missing+=(fonts-noto-cjk)
grep -qi "DejaVu Sans" <<<"$fonts" || missing+=(fonts-dejavu-core)

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "The PDFs of the reports need: ${missing[*]} (Debian's names; install them," \
      "or your system's equivalents, with its package manager)." >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

#!/usr/bin/env bash
# Rebuilds testdata/eval/manuals.jsonl: clean science-like prose for `unspin eval` (domain "manuals"), cut
# from the HTML documentation of four BSD-style-licensed scientific Python projects as Debian ships it
# (see testdata/eval/README.md for the licences). Needs apt-get (Debian bookworm indexes), dpkg-deb and
# python3. The .deb files are checked against the SHA-256 recorded here, so the output is the same bytes
# on every machine; a mirror that no longer has a version stops the script with apt's error.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=testdata/eval/manuals.jsonl
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

packages=(
  "python-sklearn-doc=1.2.1+dfsg-1 4e244556326064e87e7563e3e544c2288d44b5719db2d7b3a85c9a84ae93488d"
  "python-biopython-doc=1.80+dfsg-4 350b871fa68e73e7dee78d6affec8a27bcbb31cd690843a82aefe187dab1712f"
  "python-scipy-doc=1.10.1-2 a237fdcef1675622f1a5d8a291c64feba140615130ee625554f94772d4ea3ad7"
  "python-astropy-doc=5.2.1-2+deb12u1 d7cfa77ec5239a4ebcdf27c7cdc3d9e604228e99257f91d4260abbb970469b91"
)
for entry in "${packages[@]}"; do
  read -r package sha <<<"$entry"
  (cd "$work" && apt-get download -q "$package" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
  deb=$(ls "$work"/"${package%%=*}"_*.deb)
  echo "$sha  $deb" | sha256sum --check --quiet
  dpkg-deb -x "$deb" "$work/x"
done

doc="$work/x/usr/share/doc"
specs=()
# FIELD:NAME:FILE, NAME = project and page path (the document ids are NAME#1, NAME#2, ...)
page() { local rel=${2#"$doc/$3/"}; echo "$1:$4/${rel%.html}:$2"; }
for f in "$doc"/python-sklearn-doc/html/modules/*.html; do specs+=("$(page computing "$f" python-sklearn-doc/html scikit-learn)"); done
specs+=("biology:biopython/Tutorial:$doc/python-biopython-doc/Doc/Tutorial.html")
while IFS= read -r f; do
  case $f in */tutorial/stats*) field=statistics ;; *) field=engineering ;; esac
  specs+=("$(page $field "$f" python-scipy-doc/html scipy)")
done < <(find "$doc/python-scipy-doc/html/tutorial" -name '*.html' | LC_ALL=C sort)
# astropy's narrative pages; API references, change logs and project pages are not prose
while IFS= read -r f; do specs+=("$(page physics "$f" python-astropy-doc/html astropy)"); done < <(find "$doc/python-astropy-doc/html" -mindepth 2 \
  -name '*.html' | grep -v '/api/\|/whatsnew/\|/_\|/changelog\|/development/\|/install\|/known_issues\|/license\|/credits\|/testhelpers\|/glossary' \
  | LC_ALL=C sort)

python3 scripts/manuals/extract.py "${specs[@]}" > "$work/manuals.jsonl"
mv "$work/manuals.jsonl" "$out"
echo "$out: $(wc -l < "$out") documents"

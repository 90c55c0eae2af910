#!/usr/bin/env bash
# Builds the clean filler of `unspin eval --setting corpus` into target/corpora/filler/ (outside git):
#   scripture.jsonl  the World English Bible (public domain; Debian sword-text-web), field "scripture";
#   python.jsonl     the Python 3.11 documentation (PSF licence; Debian python3.11-doc), field "python";
#   postgresql.jsonl the PostgreSQL 15 manual (PostgreSQL licence; Debian postgresql-doc-15), "postgresql";
#   django.jsonl     the Django 3.2 documentation (BSD; Debian python-django-doc), field "django";
#   perl.jsonl       the Perl 5.36 manual pages (GPL/Artistic; Debian perl-doc), field "perl";
#   handbook.jsonl   The Debian Administrator's Handbook, English (GPL-2+/CC-BY-SA; Debian debian-handbook);
#   git.jsonl        the Git manual pages and guides (GPL-2; Debian git-doc);
#   pandas.jsonl     the pandas 1.5 user guide and API reference (BSD-3; Debian python-pandas-doc): the
#                    README-style data-science / machine-learning prose of the corpus.
# The manuals are technical prose and only corpus filler (never evaluated); scripture.jsonl is also the
# "general" evaluation domain (its documents of the evaluated split only).
# Rows are {"id", "field", "split", "text"} documents of 300+ words, as in testdata/eval/*.jsonl. The
# packages are installed when missing (apt-get, --no-install-recommends, as scripts/install-test-packages.sh).
# Idempotent: a file already built is kept (delete it to rebuild). Never reads the Brown corpus.
set -euo pipefail
cd "$(dirname "$0")/../.."
dest=target/corpora/filler
mkdir -p "$dest"

need=()
for package in sword-text-web python3.11-doc postgresql-doc-15 python-django-doc perl-doc debian-handbook git-doc python-pandas-doc; do
  dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done
if [ ${#need[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "please install: ${need[*]} (Debian/Ubuntu package names)" >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

if [ ! -s "$dest/scripture.jsonl" ]; then
  python3 scripts/filler/sword.py /usr/share/sword/modules/texts/ztext/engWEB2015eb web > "$dest/scripture.jsonl.tmp"
  mv "$dest/scripture.jsonl.tmp" "$dest/scripture.jsonl"
fi

if [ ! -s "$dest/python.jsonl" ]; then
  html=/usr/share/doc/python3.11/html
  specs=()
  # narrative chapters only: no C API, no indexes, no change logs
  while IFS= read -r f; do
    rel=${f#"$html/"}
    specs+=("python:python/${rel%.html}:$f")
  done < <(find "$html/tutorial" "$html/library" "$html/reference" "$html/howto" "$html/faq" "$html/using" \
    "$html/extending" "$html/installing" "$html/distributing" -name '*.html' | LC_ALL=C sort)
  python3 scripts/filler/htmldocs.py "${specs[@]}" > "$dest/python.jsonl.tmp"
  mv "$dest/python.jsonl.tmp" "$dest/python.jsonl"
fi

# FIELD NAME-PREFIX HTML-ROOT [FIND ARGUMENTS]: every page of a manual, sorted
manual() {
  local field=$1 name=$2 root=$3 out=$dest/$1.jsonl
  shift 3
  [ -s "$out" ] && return 0
  local specs=()
  while IFS= read -r f; do
    rel=${f#"$root/"}
    specs+=("$field:$name/${rel%.html}:$f")
  done < <(find "$root" "$@" -name '*.html' | grep -v '/_\|genindex\|/search\|/py-modindex\|/releases/' | LC_ALL=C sort)
  python3 scripts/filler/htmldocs.py "${specs[@]}" > "$out.tmp"
  mv "$out.tmp" "$out"
}
manual postgresql postgresql /usr/share/doc/postgresql-doc-15/html -maxdepth 1
manual django django /usr/share/doc/python-django-doc/html
manual handbook debian-handbook /usr/share/doc/debian-handbook/html/en-US -maxdepth 1
manual git git /usr/share/doc/git-doc
manual pandas pandas /usr/share/doc/python-pandas-doc/html

if [ ! -s "$dest/perl.jsonl" ]; then
  specs=()
  # the manuals, not the per-release change logs
  while IFS= read -r f; do
    base=$(basename "$f" .pod)
    specs+=("perl:perl/$base:$f")
  done < <(find /usr/share/perl/5.*/pod -name '*.pod' ! -name 'perl5*delta.pod' ! -name 'perl*delta.pod' | LC_ALL=C sort)
  python3 scripts/filler/pod.py "${specs[@]}" > "$dest/perl.jsonl.tmp"
  mv "$dest/perl.jsonl.tmp" "$dest/perl.jsonl"
fi

for f in "$dest"/*.jsonl; do
  echo "$f: $(wc -l < "$f") documents, $(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].split()) for l in open(sys.argv[1])))' "$f") words"
done

#!/usr/bin/env bash
# Reproducible-build check: builds a snapshot of the working tree twice, in two separate scratch directories
# (different absolute paths, fresh target/), with `mvn package -DskipTests`, and compares the sha256 of the
# thin library jar (target/unspin-VERSION.jar), the shaded CLI jar (target/unspin.jar) and the tools jar
# (target/unspin-VERSION-tools.jar). Exits 1 when
# they differ and prints the entries that differ. The pom's project.build.outputTimestamp fixes the entry timestamps; the
# same JDK and Maven must build both (they are in the jar manifest).
# Usage: scripts/check-reproducible.sh [KEEP_DIR]   (the two trees stay in KEEP_DIR if given, else removed)
# Takes about two plain builds (3 minutes on 2 cores). Not run by CI by default.
set -euo pipefail
cd "$(dirname "$0")/.."
keep=${1:-}
work=${keep:-$(mktemp -d)}
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT

# One snapshot of the files git would commit (tracked and untracked, not ignored; no target/ or caches), so
# an edit during the run cannot make the two builds differ; each build gets its own copy.
rm -rf "$work/tree" && mkdir -p "$work/tree"
git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do if [ -e "$f" ]; then printf '%s\0' "$f"; fi; done \
    | tar --null -T - -cf - | tar -xf - -C "$work/tree"
for n in 1 2; do
    rm -rf "$work/build$n"
    cp -a "$work/tree" "$work/build$n"
    echo "build $n in $work/build$n" >&2
    (cd "$work/build$n" && mvn -q -B -ntp package -DskipTests)
done

status=0
for jar in $(cd "$work/build1/target" && ls unspin-*.jar unspin.jar); do
    a=$(sha256sum "$work/build1/target/$jar" | cut -d' ' -f1)
    b=$(sha256sum "$work/build2/target/$jar" | cut -d' ' -f1)
    size=$(stat -c %s "$work/build1/target/$jar")
    if [ "$a" = "$b" ]; then
        echo "same      $a  $jar ($size bytes)"
    else
        echo "DIFFERENT $a $b  $jar" >&2
        # Which entries differ: name, size, date and CRC-32 of every entry in the two jars.
        diff <(unzip -v "$work/build1/target/$jar") <(unzip -v "$work/build2/target/$jar") | head -40 >&2 || true
        status=1
    fi
done
[ "$status" = 0 ] && echo "reproducible: every jar (library, CLI, tools) is byte-identical across the two builds"
exit "$status"

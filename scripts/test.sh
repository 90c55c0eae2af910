#!/usr/bin/env bash
# The project's test command (README quick start, and exactly what .ci/run runs): installs the missing
# Debian packages, fetches the test corpora and the sources the artifact-build tests read, then runs every
# test, then checks the thin library jar from a scratch Maven project; a fresh clone on a fresh machine needs
# nothing else. Resource-backed tests fail instead of skipping
# here (UNSPIN_REQUIRE_CORPORA=1), so a missing install or fetch step cannot hide behind a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-packages.sh
scripts/fetch-corpora.sh
scripts/fetch-build-sources.sh  # the artifact-build tests rebuild from these caches
scripts/filler/build.sh         # the clean filler of the evaluation's corpus setting (Debian doc packages)
UNSPIN_REQUIRE_CORPORA=1 mvn -B -ntp verify "$@"
scripts/check-library-jar.sh   # the thin jar as a library user gets it: README snippet, class path and module path

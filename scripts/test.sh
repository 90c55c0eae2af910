#!/usr/bin/env bash
# The project's test command (README quick start, and what CI runs): fetches the test corpora, then runs
# every test. Corpus-backed tests fail instead of skipping here (UNSPIN_REQUIRE_CORPORA=1), so the Debian
# packages they read are installed first when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-packages.sh
scripts/fetch-corpora.sh
UNSPIN_REQUIRE_CORPORA=1 mvn -B -ntp verify "$@"

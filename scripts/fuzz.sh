#!/usr/bin/env bash
# Fuzzes every Jazzer fuzz test (@FuzzTest, tag "fuzz") for its maxDuration (30 s), one after the other, each in its
# own Maven run (Jazzer fuzzes one test per JVM). The normal build only replays the committed corpus.
#   scripts/fuzz.sh [Class#method ...]      all when none given; MVN_FLAGS=-o for offline
# New corpus entries land in <module>/.cifuzz-corpus/<class>/<method>/ (not committed; copy the interesting ones into
# src/test/resources/<package>/<Class>Inputs/<method>/), findings in that Inputs folder (commit them with the fix).
# Each run's libFuzzer summary ("Done N runs in S second(s)") is printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ALL=(
  liveness-core:FrameDecoderFuzzTest#inspectAcceptsOrRefuses
  liveness-core:FrameDecoderFuzzTest#decodeYieldsTheDeclaredSizeOrRefuses
  liveness-core:RecordingReaderFuzzTest#readsOrRefusesWithTheRecordingsName
  portal-web:ClientMessageFuzzTest#anyTextIsAMessageOrNothing
  portal-web:SessionSpecParserFuzzTest#anyBodyIsASpecificationOrA400
  portal-web:ApiSignatureFuzzTest#anyDigestOverAnyRequestIsRefusedWithoutAnException
  portal-web:ApiSignatureFuzzTest#anyStoredKeyIsAnRsaKeyOrRefused
  portal-web:ProfileFormFuzzTest#postedFieldsAreErrorsOrAValidProfile
  portal-web:SessionFormFuzzTest#postedFieldsAreErrorsOrAUsableForm
)
if [ "$#" -gt 0 ]; then
  SELECTED=()
  for wanted in "$@"; do
    for entry in "${ALL[@]}"; do [ "${entry#*:}" = "$wanted" ] && SELECTED+=("$entry"); done
  done
else
  SELECTED=("${ALL[@]}")
fi
LOGS=$(mktemp -d)
status=0
for entry in "${SELECTED[@]}"; do
  module=${entry%%:*}; test=${entry#*:}
  echo "== fuzzing $test ($module)"
  if ! JAZZER_FUZZ=1 ./mvnw -q ${MVN_FLAGS:-} -Ddemo.skip -pl "$module" -am test -Dtest="$test" \
      -Dsurefire.failIfNoSpecifiedTests=false > "$LOGS/${test//#/_}.log" 2>&1; then
    echo "   FINDING or failure: see $LOGS/${test//#/_}.log"; status=1
  fi
  grep -ah "Done [0-9]* runs" "$LOGS/${test//#/_}.log" | tail -1 | sed 's/^/   /' || echo "   (no libFuzzer summary)"
done
exit $status

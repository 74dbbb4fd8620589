#!/usr/bin/env bash
# Live users against a running portal on this machine (docs/performance.md, "Live users against the packaged
# portal"). Arguments go to LiveCaptureLoad (portal-web test sources), e.g.
#   LIVECHECK_LOAD_PASSWORD=... scripts/live-load.sh http://localhost:8080 --create 5 --admin owner@acme.test \
#     --users 5 --ramp 2
#   scripts/live-load.sh http://localhost:8080 --links links.txt --users 10 --ramp 5 --fps 15
# Compiles the engine's test kit and portal-web's tests in the reactor (nothing is installed) and runs the main
# from the test classpath. Extra Maven flags: MVN_FLAGS (e.g. MVN_FLAGS=-o for offline).
set -euo pipefail
cd "$(dirname "$0")/.."
# -Dexec.skip=true and -Dexec.mainClass satisfy exec:java in the reactor's other modules (parent, liveness-core,
# persistence), which have no live-load execution; portal-web's live-load execution sets skip=false.
exec ./mvnw -q ${MVN_FLAGS:-} -Ddemo.skip -pl portal-web -am test-compile exec:java@live-load \
  -Dexec.skip=true -Dexec.mainClass=dev.livecheck.portal.loadtest.LiveCaptureLoad -Dlive.load.args="$*"

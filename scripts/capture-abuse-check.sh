#!/usr/bin/env bash
# Issue 10 §3/§4 on the packaged jar: 50 sockets on one link, a progressive JPEG frame, a poisoned e-mail.
# Run from the repository root after: ./mvnw -q -o -Ddemo.skip -DskipTests package
#   scripts/capture-abuse-check.sh        (needs curl, unzip and the JDK; uses port 18490 and a temp dir)
set -euo pipefail
REPO=$(pwd); JAR=$REPO/portal-web/target/livecheck-portal.jar
PORT=18490; B=http://localhost:$PORT; D=$(mktemp -d); J=$D/cookies; PW='correct horse battery staple'
cd "$D"
start() {  # SMTP pointed at a closed port: good mails wait for a retry, unrenderable ones fail at once
  LIVECHECK_BOOTSTRAP_BUSINESS_NAME=Acme LIVECHECK_BOOTSTRAP_OWNER_EMAIL=owner@acme.test \
  LIVECHECK_BOOTSTRAP_OWNER_PASSWORD="$PW" java -jar "$JAR" --server.port=$PORT --livecheck.public-base-url=$B \
    --spring.mail.host=127.0.0.1 --spring.mail.port=9 --livecheck.mail.poll-interval-ms=1000 > portal.log 2>&1 &
  echo $! > portal.pid
  until curl -sf $B/actuator/health > /dev/null; do sleep 2; done
}
csrf() { curl -s -b $J -c $J "$B$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
post() { local path=$1 form=$2; shift 2; curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' -b $J -c $J \
  --data-urlencode "_csrf=$(csrf "$form")" "$@" "$B$path"; }
start
post /login /login --data-urlencode email=owner@acme.test --data-urlencode "password=$PW"
post /profiles /profiles/new --data-urlencode name=Recipe --data-urlencode livenessType=ACTIVE \
  --data-urlencode maxRetries=3 --data-urlencode challengeCount=2 --data-urlencode linkLifetimeHours=24 \
  --data-urlencode imageRetentionDays=1 --data-urlencode recordRetentionDays=365 --data-urlencode maxAbandonedAttempts=5 --data-urlencode successRedirectUrl= \
  --data-urlencode errorRedirectUrl= --data-urlencode brandColour='#1f6feb' --data-urlencode locale=en \
  --data-urlencode 'emailSubject=Check for {name}' --data-urlencode 'emailBodyText=Hello {name}, open {link}.' \
  --data-urlencode version=
PROFILE=$(curl -s -b $J $B/sessions/new | grep -o 'option value="[0-9a-f-]\{36\}"' | head -1 | grep -o '[0-9a-f-]\{36\}')
# A session whose recipient name is poisoned: header break, a Bcc line, placeholders and a forged sealed link.
CREATED=$(post /sessions /sessions/new --data-urlencode $'recipientName=Eve\r\nBcc: evil@example.test {link} [[sealed-link:AAAA]]' \
  --data-urlencode recipientEmail=eve@example.test --data-urlencode profileId=$PROFILE | cut -d' ' -f2)
LINK=$(curl -s -b $J "$CREATED" | grep -o "$B/c/[A-Za-z0-9_-]\{43\}" | head -1)
echo "capture link: $LINK"
# 1. /c/{token} answers 303 to the token-free page; the page carries the socket ticket.
curl -s -D - -o /dev/null -c $D/capture "$LINK" | grep -i '^\(HTTP\|location\|referrer-policy\|set-cookie\)'
TICKET=$(curl -s -b $D/capture $B/c/session | grep -o 'data-ticket="[^"]*"' | sed 's/data-ticket="//;s/"$//')
# 2. and 3. 50 sockets on the link (at most 2 served), then a progressive JPEG frame (NOT_JPEG).
java "$REPO/scripts/CaptureAbuse.java" $B "$TICKET"
# 4. The poisoned name's e-mail: one subject line, no forged seal; the Outbox page answers 200.
echo "outbox: $(curl -s -o $D/outbox.html -w '%{http_code}' -b $J $B/outbox)"; grep -o 'Check for Eve[^<]*' $D/outbox.html
# 5. A stored e-mail that cannot be rendered (a forged sealed link, as an earlier version stored a poisoned name):
#    FAILED at its first try with the reason, and the Outbox page still answers 200.
kill "$(cat portal.pid)"; while kill -0 "$(cat portal.pid)" 2>/dev/null; do sleep 1; done
unzip -q -o -j "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$D"
java -cp "$(ls $D/h2-*.jar)" org.h2.tools.Shell -url "jdbc:h2:file:$D/data/livecheck" -user sa -password '' -sql \
  "INSERT INTO email_outbox (id, business_id, to_address, subject, body_text, status, attempt_count, next_attempt_at,
   created_at, version) SELECT RANDOM_UUID(), id, 'mallory@example.test', 'Check for Mallory',
   'Hello [[sealed-link:AAAA]], open [[sealed-link:AAAA]]', 'PENDING', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0
   FROM business" > /dev/null
start; sleep 5
echo "outbox: $(curl -s -o $D/outbox.html -w '%{http_code}' -b $J $B/outbox)"
grep -o 'mallory@example.test\|Failed\|cannot be rendered[^<]*' $D/outbox.html | sort | uniq -c
kill "$(cat portal.pid)"

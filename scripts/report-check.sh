#!/usr/bin/env bash
# Run from the repository root after ./mvnw -q -o -Ddemo.skip -DskipTests package (needs openssl, curl, unzip,
# python3, poppler-utils; port 18412, a temporary folder). Issue 12 "What I will check" on the packaged jar: an API session with a rejected and an approved attempt, both PDFs
# through the portal, one through the signed API, the evidence ZIP's manifest, the dashboard's reasons.
set -uo pipefail
REPO=$(pwd); JAR=$REPO/portal-web/target/livecheck-portal.jar
D=$(mktemp -d); cd $D
PORT=18412; B=http://localhost:$PORT; J=$D/cookies; PW='correct horse battery staple'
LIVECHECK_BOOTSTRAP_BUSINESS_NAME='Bäckerei Müller' LIVECHECK_BOOTSTRAP_OWNER_EMAIL=owner@acme.test \
LIVECHECK_BOOTSTRAP_OWNER_PASSWORD="$PW" java -jar $JAR --server.port=$PORT --livecheck.public-base-url=$B \
  --livecheck.capture.connections.max-per-address=500 > portal.log 2>&1 & echo $! > portal.pid
until curl -sf $B/actuator/health > /dev/null; do sleep 2; done
csrf() { curl -s -b $J -c $J "$B$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
post() { local path=$1 form=$2; shift 2; curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' -b $J -c $J \
  --data-urlencode "_csrf=$(csrf "$form")" "$@" "$B$path"; }
post /login /login --data-urlencode email=owner@acme.test --data-urlencode "password=$PW"
post /profiles /profiles/new --data-urlencode name=Jarcheck --data-urlencode livenessType=ACTIVE \
  --data-urlencode maxRetries=3 --data-urlencode challengeCount=2 --data-urlencode linkLifetimeHours=24 \
  --data-urlencode imageRetentionDays=30 --data-urlencode recordRetentionDays=365 --data-urlencode maxAbandonedAttempts=5 \
  --data-urlencode successRedirectUrl= --data-urlencode errorRedirectUrl= --data-urlencode brandColour='#1f6feb' \
  --data-urlencode locale=en --data-urlencode 'emailSubject=Check for {name}' --data-urlencode 'emailBodyText=Hello {name}, open {link}.' \
  --data-urlencode version=
PROFILE=$(curl -s -b $J $B/applications/new | grep -o 'option value="[0-9a-f-]\{36\}"' | head -1 | grep -o '[0-9a-f-]\{36\}')
openssl genrsa -out key.pem 2048 2>/dev/null; openssl rsa -in key.pem -pubout -out pub.pem 2>/dev/null
APP=$(post /applications /applications/new --data-urlencode name=Jarcheck --data-urlencode profileId=$PROFILE \
  --data-urlencode allowedOrigins= --data-urlencode keyChoice=UPLOAD --data-urlencode "publicKeyPem@pub.pem" | cut -d' ' -f2)
SDK=$(echo "$APP" | grep -o "[0-9a-f-]\{36\}" | head -1)
echo "application $APP sdk $SDK"
sign() { printf '%s' "$1" | openssl dgst -sha256 -sign key.pem | base64 -w0; }
q() { echo "sdkId=$SDK&nonce=$(cat /proc/sys/kernel/random/uuid)&timestamp=$(date +%s%3N)"; }
BODY='{"requested_checks":[{"type":"LIVENESS","config":{"liveness_type":"ZOOM","max_retries":3}}],"requested_tasks":[],"required_documents":[],"user_tracking_id":"Akte-ÄÖÜ-42"}'
Q=$(q); CREATED=$(curl -s -X POST -H "X-Yoti-Auth-Digest: $(sign "POST&/sessions?$Q&$(printf '%s' "$BODY" | base64 -w0)")" \
  -H 'Content-Type: application/json' --data-binary "$BODY" "$B/idverify/v1/sessions?$Q"); echo "$CREATED"
S=$(echo "$CREATED" | python3 -c 'import json,sys;print(json.load(sys.stdin)["session_id"])')
T=$(echo "$CREATED" | python3 -c 'import json,sys;print(json.load(sys.stdin)["client_session_token"])')
ENTRY="$B/idverify/v1/web/index.html?sessionID=$S&sessionToken=$T"
TICKET=$(curl -s "$ENTRY" | grep -o 'data-ticket="[^"]*"' | sed 's/data-ticket="//;s/"$//')
echo "== attempt 1: a still photo (print attack)"
java $REPO/scripts/StillPhotoAttack.java $B "$TICKET" $REPO/liveness-core/src/test/resources/faces/grace_hopper.jpg
echo "$ENTRY" > links.txt
echo "== attempt 2: a live client (test kit performer answering the challenges)"
(cd $REPO && MVN_FLAGS=-o scripts/live-load.sh $B --links $D/links.txt --users 1 --fps 10) 2>&1 | tail -8
echo "== final decision"
post /sessions/$S/decision /sessions/$S/report --data-urlencode decision=APPROVED --data-urlencode 'note=Geprüft: echte Person'
curl -s -b $J -o with.pdf "$B/sessions/$S/report.pdf"; curl -s -b $J -o without.pdf "$B/sessions/$S/report.pdf?images=false"
curl -s -b $J -o evidence.zip "$B/sessions/$S/evidence.zip"
Q="images=true&$(q)"; curl -s -H "X-Yoti-Auth-Digest: $(sign "GET&/sessions/$S/report.pdf?$Q")" -o api.pdf "$B/idverify/v1/sessions/$S/report.pdf?$Q"
for f in with.pdf without.pdf api.pdf; do echo "== $f ($(stat -c %s $f) bytes)"
  pdftotext $f - | tr '\n' ' ' | grep -oE "$S|Akte-ÄÖÜ-42|\(REJECT\)|\(APPROVE\)|Reject|Approve|Geprüft: echte Person|Recorded by" | sort | uniq -c
  echo "images: $(pdfimages -list $f | tail -n +3 | wc -l)"; done
mkdir -p ev && cd ev && unzip -oq ../evidence.zip && python3 -c 'import json,hashlib;m=json.load(open("manifest.json"));print(len(m["files"]),"files in manifest; hash mismatches:",[f["path"] for f in m["files"] if hashlib.sha256(open(f["path"],"rb").read()).hexdigest()!=f["sha256"]])' && cd ..
curl -s -b $J "$B/dashboard/insights.json" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("dashboard reasons:", d.get("reasons"))'
kill $(cat $D/portal.pid)

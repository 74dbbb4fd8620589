#!/usr/bin/env bash
# Re-derives the list of the 10,000 most common passwords that the portal refuses
# (portal-web/src/main/resources/security/common-passwords.txt) from the npm package zxcvbn
# (MIT, Dropbox): the first 10,000 entries, in rank order, of its "passwords" frequency list
# (lib/frequency_lists.js), one per line. Verifies the package tarball's SHA-256, the
# licence text and the list against security/SHA256SUMS.
#   scripts/fetch-common-passwords.sh          verify only (exit 1 on any mismatch)
#   scripts/fetch-common-passwords.sh --write  overwrite the resources with the re-derived files
# Needs: npm, node, sha256sum. Network: the npm registry only.
set -euo pipefail
PKG=zxcvbn@4.4.2
TARBALL_SHA256=0b3ebb60ec2df2340e1b8b70e4cb2657a3ceb192781d299310e7aceaa606cd22
COUNT=10000
here=$(cd "$(dirname "$0")/.." && pwd)
dest=$here/portal-web/src/main/resources/security
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "$PKG" >/dev/null
echo "$TARBALL_SHA256  zxcvbn-4.4.2.tgz" | sha256sum -c --quiet \
  || { echo "the $PKG tarball is not the one this list was derived from" >&2; exit 1; }
tar xzf zxcvbn-4.4.2.tgz
mkdir out
node -e '
  const lists = require(process.argv[1]);
  const top = lists.passwords.slice(0, Number(process.argv[2]));
  if (top.length !== Number(process.argv[2]) || new Set(top).size !== top.length) throw new Error("unexpected list");
  process.stdout.write(top.join("\n") + "\n");
' "$work/package/lib/frequency_lists.js" "$COUNT" > out/common-passwords.txt
cp package/LICENSE.txt out/LICENSE-MIT-zxcvbn.txt
( cd out && sha256sum common-passwords.txt LICENSE-MIT-zxcvbn.txt ) > out/SHA256SUMS
if [[ "${1:-}" == "--write" ]]; then
  cp out/common-passwords.txt out/LICENSE-MIT-zxcvbn.txt out/SHA256SUMS "$dest/"
  echo "list written to $dest"
fi
if diff -u "$dest/SHA256SUMS" out/SHA256SUMS; then
  ( cd "$dest" && sha256sum -c SHA256SUMS )
  echo "common passwords verified: the first $COUNT of $PKG's passwords list"
else
  echo "MISMATCH between the shipped list and $PKG" >&2; exit 1
fi

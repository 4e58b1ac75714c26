#!/usr/bin/env bash
# Remakes tests/fixtures/previous-release/ (issue 14 §2, ADR 0024): a local data folder written by the
# previous release's own code, which tests/integration/migrations-previous-release.test.ts migrates.
#
# The previous release is the last commit before issue 12 (ff8d364, the bench after issue 11): its
# leads, accounts and contacts store phones as typed, and its portal users have no accountId in the
# directory. The script checks that commit out in a separate worktree (never touching this checkout),
# borrows this checkout's node_modules (a superset of that release's), runs its local stack on a
# fresh data folder through scripts/previous-release-fixture/seed.ts, and copies the DynamoDB Local
# database and the Cognito emulator's state (where the portal user's custom:accountId lives).
#
# Usage: scripts/make-previous-release-fixture.sh [commit] [folder]     (Java 17+, as npm start)
#   folder: where to write the data folder instead of tests/fixtures/previous-release/data (to compare)
set -euo pipefail

commit="${1:-ff8d364}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/crm-previous-release-XXXXXX)"
tree="$work/tree"
data="$work/data"
fixture="${2:-$root/tests/fixtures/previous-release/data}"

cleanup() {
  git -C "$root" worktree remove --force "$tree" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

git -C "$root" worktree add --detach "$tree" "$commit"
ln -s "$root/node_modules" "$tree/node_modules"
cp "$root/scripts/previous-release-fixture/seed.ts" "$tree/seed.ts"
(cd "$tree" && npx tsx seed.ts "$data")

rm -rf "$fixture"
mkdir -p "$fixture/dynamodb"
# DynamoDB Local keeps one file per access key and region: the stack's is local_<region>.db.
cp "$data/dynamodb/local_eu-central-1.db" "$fixture/dynamodb/"
cp -r "$data/cognito" "$fixture/cognito"
cp "$data/cognito.json" "$fixture/cognito.json"
# No password is committed, not even an emulator's: the migrations read attributes, nobody signs in.
node -e '
  const fs = require("fs");
  for (const file of process.argv.slice(1)) {
    const text = fs.readFileSync(file, "utf8").replace(/("[Pp]assword"\s*:\s*)"[^"]*"/g, "$1\"<removed from the fixture>\"");
    fs.writeFileSync(file, text);
  }' "$fixture/cognito.json" "$fixture"/cognito/.cognito/db/*.json
[ -n "${2:-}" ] || echo "$commit" > "$root/tests/fixtures/previous-release/COMMIT"
du -sh "$fixture"

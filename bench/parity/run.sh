#!/usr/bin/env bash
# Whole-API parity of lathe with Stainless's Cloudflare TypeScript SDK (issue 18): the whole
# measurement, in a scratch folder outside the repository (Stainless's code and tests never enter it).
# See README.md here. Needs: this repository built (npm run build), its node_modules, a clone of
# cloudflare/cloudflare-typescript, and the 2024-08 spec.
#
#   bench/parity/run.sh <scratch dir> <sdk clone> <sdk commit> <spec.json>
set -euo pipefail
W=$(realpath -m "$1"); SDK=$(realpath "$2"); COMMIT=$3; SPEC=$(realpath "$4")
REPO=$(cd "$(dirname "$0")/../.." && pwd); NM=$REPO/node_modules; HERE=$REPO/bench/parity
TOKEN=Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY   # the spec's example token value
mkdir -p "$W/cfg"
git -C "$SDK" checkout -q "$COMMIT"
cp "$SPEC" "$W/cfg/spec.json"

# 1. config from api.md, generate, build the generated package
node "$HERE/derive-config.mjs" --api-md "$SDK/api.md" --spec "$W/cfg/spec.json" --out "$W/cfg/lathe.config.yaml" --output "$W/out"
node "$REPO/bin/lathe.js" generate --config "$W/cfg/lathe.config.yaml" > "$W/cfg/generate.log" 2>&1
ln -sfn "$NM" "$W/out/node_modules"
(cd "$W/out" && node node_modules/typescript/bin/tsc -p tsconfig.json)

# 2. two consumer folders: the same tests, imports rewritten for lathe; Stainless's SDK by alias
for d in lathe-tests sdk-tests; do
  rm -rf "$W/$d" && mkdir -p "$W/$d/node_modules" "$W/$d/tests"
  for x in "$NM"/* "$NM/.bin"; do ln -sfn "$x" "$W/$d/node_modules/"; done
  cp -r "$SDK/tests/api-resources" "$W/$d/tests/"
  cp "$HERE/vitest.config.mjs" "$W/$d/"
done
ln -sfn "$W/out" "$W/lathe-tests/node_modules/lathe-cloudflare"
grep -rl "from 'cloudflare'" "$W/lathe-tests/tests" | xargs sed -i "s#from 'cloudflare'#from 'lathe-cloudflare'#"
cp "$HERE/tsconfig.lathe.json" "$W/lathe-tests/tsconfig.json"
sed "s#@SDK@#$SDK#g" "$HERE/tsconfig.sdk.json" > "$W/sdk-tests/tsconfig.json"

# 3. method paths; type checks
node "$HERE/count-methods.mjs" --methods "$W/cfg/methods.json" --dir "$W/lathe-tests" | tee "$W/methods.txt"
node "$HERE/count-types.mjs" --api-md "$SDK/api.md" --dir "$W/lathe-tests" | tee -a "$W/methods.txt"
for d in lathe-tests sdk-tests; do
  (cd "$W/$d" && node node_modules/typescript/bin/tsc -p tsconfig.json --pretty false > tsc.log || true)
done
node "$HERE/classify-errors.mjs" --tsc "$W/lathe-tests/tsc.log" --tests "$W/lathe-tests" --methods "$W/cfg/methods.json" \
  --spec "$W/cfg/spec.json" --json "$W/lathe-tests/classes.json" | tee "$W/type-errors.txt"

# 4. Prism (restarted if it dies) behind the Accept guard; Prism gets a copy of the spec whose 7
#    response media types that are not media types ("undefined", "string") are renamed
node -e '
const fs=require("fs"); const s=JSON.parse(fs.readFileSync(process.argv[1],"utf8"));
for (const it of Object.values(s.paths)) for (const op of Object.values(it)) for (const r of Object.values(op?.responses ?? {}))
  for (const mt of Object.keys(r.content ?? {})) { const to = mt==="undefined" ? "application/octet-stream" : mt==="string" ? "text/plain" : null; if (to) { r.content[to]=r.content[mt]; delete r.content[mt]; } }
fs.writeFileSync(process.argv[2], JSON.stringify(s));' "$W/cfg/spec.json" "$W/cfg/prism-spec.json"
setsid bash -c "while true; do echo \"start \$(date -u +%T)\" >> '$W/prism.starts'; '$NM/.bin/prism' mock '$W/cfg/prism-spec.json' -p 4610 -h 127.0.0.1 >> '$W/prism.log' 2>&1; sleep 1; done" &
PRISM=$!
setsid node "$HERE/prism-guard.mjs" 4611 4610 "$W/guard.log" &
GUARD=$!
trap 'kill -- -$PRISM -$GUARD 2>/dev/null || true' EXIT
until grep -q listening "$W/prism.log" 2>/dev/null; do sleep 2; done

# 5. the tests, without and with an API token in env, for both SDKs
run() { # dir label sdk token
  (cd "$W/$1" && env -u CLOUDFLARE_API_TOKEN ${4:+CLOUDFLARE_API_TOKEN=$4} PARITY_SDK=$3 PARITY_SDK_SRC=$SDK/src/ TEST_API_BASE_URL=http://127.0.0.1:4611 \
    node node_modules/vitest/vitest.mjs run --outputFile="res-$2.json" > "run-$2.log" 2>&1 || true)
}
run lathe-tests notoken lathe ""; run lathe-tests token lathe "$TOKEN"
run sdk-tests notoken stainless ""; run sdk-tests token stainless "$TOKEN"
node "$HERE/summarize.mjs" --tests "$W/lathe-tests" --lathe-tsc "$W/lathe-tests/tsc.log" --sdk-tsc "$W/sdk-tests/tsc.log" \
  --run lathe-notoken="$W/lathe-tests/res-notoken.json" --run lathe-token="$W/lathe-tests/res-token.json" \
  --run stainless-notoken="$W/sdk-tests/res-notoken.json" --run stainless-token="$W/sdk-tests/res-token.json" \
  --classes "$W/lathe-tests/classes.json" | tee "$W/summary.txt"
echo "Prism starts: $(wc -l < "$W/prism.starts"); Accept headers the guard dropped: $(wc -l < "$W/guard.log" 2>/dev/null || echo 0)"

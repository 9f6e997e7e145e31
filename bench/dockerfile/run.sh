#!/usr/bin/env bash
# Parses and lints the same 1,000 Dockerfiles with Snello and with dockerfilelint (npm), in one
# run each, and prints both wall times and their ratio (goal: Snello at most 0.2 of dockerfilelint).
#
# The corpus is BuildKit's parser test files from ../shared/conformance/dockerfile, copied round
# robin into bench/.cache (never committed), minus the one case dockerfilelint 1.8.0 crashes on
# ('health'). Each tool gets the same 1,000 paths on its command line.
#
# Snello is timed as it ships, a Native AOT program, and as a ReadyToRun .NET program. Snello lints
# the files on every core (they are independent); dockerfilelint runs on one.
#
# Usage: bench/dockerfile/run.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cache="$root/bench/.cache"
corpus="$cache/dockerfile-corpus"
conformance="$root/../shared/conformance/dockerfile/testfiles"
count=1000

if [ ! -d "$conformance" ]; then
    echo "missing $conformance (the shared conformance data next to the repository)" >&2
    exit 3
fi

mkdir -p "$cache"
if [ ! -x "$cache/node_modules/.bin/dockerfilelint" ]; then
    (cd "$cache" && npm install --no-audit --no-fund --silent dockerfilelint@1.8.0 >/dev/null)
fi

rm -rf "$corpus" && mkdir -p "$corpus"
mapfile -t sources < <(find "$conformance" -name Dockerfile -not -path '*/health/*' | sort)
: > "$cache/dockerfile-list.txt"
for ((i = 0; i < count; i++)); do
    dir="$corpus/$(printf '%04d' "$i")"
    mkdir -p "$dir"
    cp "${sources[$((i % ${#sources[@]}))]}" "$dir/Dockerfile"
    echo "$dir/Dockerfile" >> "$cache/dockerfile-list.txt"
done
mapfile -t files < "$cache/dockerfile-list.txt"

project="$here/Snello.Bench.Dockerfile/Snello.Bench.Dockerfile.csproj"
dotnet publish "$project" -c Release -r linux-x64 -p:PublishReadyToRun=true --self-contained false \
    -o "$cache/snello-bench" -v quiet -nologo >/dev/null
dotnet publish "$project" -c Release -r linux-x64 -p:PublishAot=true -o "$cache/snello-bench-aot" \
    -v quiet -nologo >/dev/null
snello=("$cache/snello-bench-aot/Snello.Bench.Dockerfile")
lint=("$cache/node_modules/.bin/dockerfilelint" -o json)

echo "corpus: ${#files[@]} Dockerfiles from ${#sources[@]} BuildKit test files; $(nproc) cores"
"${snello[@]}" "@$cache/dockerfile-list.txt"

measure() {
    # Prints the mean wall time in seconds of the command over several runs.
    local json="$cache/hyperfine.json"
    hyperfine --style none --warmup 1 --runs 5 -i --export-json "$json" -- "$1" >/dev/null
    python3 -c "import json,sys; print('%.3f' % json.load(open(sys.argv[1]))['results'][0]['mean'])" "$json"
}

quoted_files="$(printf '%q ' "${files[@]}")"
t_lint="$(measure "${lint[*]} $quoted_files")"
t_aot="$(measure "${snello[*]} @$cache/dockerfile-list.txt")"
t_r2r="$(measure "$cache/snello-bench/Snello.Bench.Dockerfile @$cache/dockerfile-list.txt")"
echo "dockerfilelint 1.8.0:       ${t_lint} s"
echo "snello (Native AOT):        ${t_aot} s"
echo "snello (ReadyToRun, JIT):   ${t_r2r} s"
python3 -c "print('ratio snello AOT/dockerfilelint: %.3f (goal <= 0.2)' % ($t_aot / $t_lint))"
python3 -c "print('ratio snello R2R/dockerfilelint: %.3f' % ($t_r2r / $t_lint))"

#!/usr/bin/env bash
# snello build of specs/base.snello.yaml, cold and warm, against its floor, in one run:
#   cold   empty cache: indexes and .debs downloaded (reported apart), packages resolved, layers written;
#   warm   the same spec and lock with everything cached;
#   floor  only xz-decoding the data of the same .debs and gzip-compressing the result, one core;
#   mmdebstrap --variant=minbase of the same suite, for reference.
# Goals: cold at most 1.5 x floor + download time; warm at most 1 s.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../common/snello.sh"
need mmdebstrap time bc xz-utils gzip binutils python3
runs=${RUNS:-3}
spec_src="$repo_root/specs/base.snello.yaml"
work="$cache/build"
rm -rf "$work" && mkdir -p "$work/spec"
cp "$spec_src" "$work/spec/snello.yaml"
spec="$work/spec/snello.yaml"

# Cold: a fresh cache each run; the JSON result reports the download time and bytes apart.
cold_times=() downloads=() bytes=()
for i in $(seq "$runs"); do
  rm -rf "$work/cold-cache" "$work/out" "$work/spec/snello.lock"
  /usr/bin/time -f '%e' -o "$work/time.out" "$SNELLO" --cache-dir "$work/cold-cache" --format json \
    build "$spec" --output "oci:$work/out:base" >"$work/cold.json" 2>"$work/cold.err" || {
      cat "$work/cold.err" >&2; exit 1; }
  cold_times+=("$(tail -1 "$work/time.out")")
  downloads+=("$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["timings"]["downloadSeconds"])' \
    "$work/cold.json")")
  bytes+=("$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["timings"]["downloadBytes"])' \
    "$work/cold.json")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cold=$(median "${cold_times[@]}")
download=$(median "${downloads[@]}")

# Warm: lock and cache in place.
read -r warm _ < <(measure "$runs" "$SNELLO" --cache-dir "$work/cold-cache" build "$spec" \
  --output "oci:$work/out:base")

# Floor: decode each cached .deb's data.tar.xz and gzip it, one process after another (one core).
debs=$(find "$work/cold-cache/debian" -name '*.deb' | sort)
floor_script="$work/floor.sh"
{
  echo 'set -e'
  for d in $debs; do
    member=$(ar t "$d" | grep '^data.tar')
    case "$member" in
      *.xz) echo "ar p '$d' $member | xz -dc | gzip -1 >/dev/null" ;;
      *.zst) echo "ar p '$d' $member | zstd -dc | gzip -1 >/dev/null" ;;
      *) echo "ar p '$d' $member | gzip -dc | gzip -1 >/dev/null" ;;
    esac
  done
} >"$floor_script"
read -r floor _ < <(measure "$runs" taskset -c 0 bash "$floor_script")

suite=$(python3 -c 'import re,sys; print(re.search(r"suite:\s*(\w+)", open(sys.argv[1]).read()).group(1))' "$spec")
if /usr/bin/time -f '%e' -o "$work/time.out" mmdebstrap --variant=minbase --quiet "$suite" "$work/mm.tar" \
  >/dev/null 2>"$work/mm.err"; then mm=$(tail -1 "$work/time.out"); else mm="failed"; fi
rm -f "$work/mm.tar"

packages=$(echo "$debs" | wc -l)
echo "build benchmark: specs/base.snello.yaml ($packages packages), median of $runs runs, $(nproc) cores"
printf 'cold   %6.2f s, of which download %.2f s (%s bytes)\n' "$cold" "$download" "$(median "${bytes[@]}")"
printf 'floor  %6.2f s (xz -dc | gzip -1 of the same .debs, one core)\n' "$floor"
printf 'cold without download / floor: %.2f (goal <= 1.5)\n' "$(echo "($cold - $download) / $floor" | bc -l)"
printf 'warm   %6.2f s (goal <= 1 s)\n' "$warm"
printf 'mmdebstrap --variant=minbase %s: %s s (reference)\n' "$suite" "$mm"

# Sourced by the benchmarks: publishes the native snello once into bench/.cache/bin and sets $SNELLO.
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repo_root=$(cd "$bench_root/.." && pwd)
cache="$bench_root/.cache"
mkdir -p "$cache"
SNELLO="$cache/bin/snello"
if [ ! -x "$SNELLO" ] || [ -n "$(find "$repo_root/src" -newer "$SNELLO" -name '*.cs' -print -quit)" ]; then
  echo "[bench] publishing the native snello" >&2
  dotnet publish "$repo_root/src/Snello.Cli" -c Release -o "$cache/bin" --nologo -v quiet >&2
fi
export XDG_CACHE_HOME="$cache/snello-cache"

need() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "[bench] installing ${missing[*]}" >&2
    apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
  fi
}

# Runs a command RUNS times and prints "MEDIAN_SECONDS MAX_RSS_KIB" of the runs.
measure() {
  local runs=$1; shift
  local times=() rss=0
  for _ in $(seq "$runs"); do
    [ -n "${BEFORE_EACH:-}" ] && eval "$BEFORE_EACH"
    local out
    /usr/bin/time -f '%e %M' -o "$cache/time.out" "$@" >/dev/null 2>"$cache/last-stderr" || {
      echo "[bench] failed: $* (see $cache/last-stderr)" >&2; cat "$cache/last-stderr" >&2; return 1; }
    out=$(tail -1 "$cache/time.out")
    times+=("${out% *}")
    [ "${out#* }" -gt "$rss" ] && rss=${out#* }
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$median $rss"
}

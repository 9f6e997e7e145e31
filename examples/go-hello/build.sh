#!/usr/bin/env bash
# Builds main.go with Debian's golang-go into out/hello: CGO_ENABLED=0 makes a static program.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if ! command -v go >/dev/null; then
  echo "examples/go-hello/build.sh: go is missing; install Debian's golang-go" >&2
  exit 5
fi
mkdir -p "$here/out"
# No module downloads: the program uses the standard library only.
cd "$here"
CGO_ENABLED=0 GOPROXY=off go build -trimpath -ldflags=-s -o "$here/out/hello" .
echo "$here/out/hello"

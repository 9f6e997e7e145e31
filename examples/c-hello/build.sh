#!/usr/bin/env bash
# Compiles hello.c with the host's gcc into out/hello, linked dynamically against glibc.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
command -v gcc >/dev/null || { echo "examples/c-hello/build.sh: gcc is missing; install Debian's gcc" >&2; exit 5; }
mkdir -p "$here/out"
gcc -O2 -Wall -Wextra -Werror -o "$here/out/hello" "$here/hello.c"
echo "$here/out/hello"

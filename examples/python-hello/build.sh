#!/usr/bin/env bash
# Puts the script where the spec reads it, out/hello.py, after checking that it compiles with the host's python3.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
python=/usr/bin/python3
if [ ! -x "$python" ]; then
  echo "examples/python-hello/build.sh: $python is missing; install Debian's python3" >&2
  exit 5
fi
mkdir -p "$here/out"
"$python" -c 'import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])' "$here/hello.py"
install -m 0644 "$here/hello.py" "$here/out/hello.py"
echo "$here/out/hello.py"

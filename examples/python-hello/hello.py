"""A Python script run by Debian's python3 in an image that has no shell."""
import sys

# The interpreter's major version and implementation are the same for every bookworm python3.
print(f"hello from Python {sys.version_info.major} ({sys.implementation.name})")

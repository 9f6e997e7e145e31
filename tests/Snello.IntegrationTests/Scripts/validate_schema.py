"""Validates JSON documents against a schema in a folder of schemas that refer to each other.

Usage: validate_schema.py SCHEMA_DIR SCHEMA_FILE DOCUMENT...
Prints one line per invalid document and exits 1 if any is invalid. Documents named *.yaml or *.yml are read
as YAML (with python3-yaml) and validated as the JSON they map to.
"""
import json
import os
import sys

import jsonschema


def main() -> int:
    schema_dir, schema_file, documents = sys.argv[1], sys.argv[2], sys.argv[3:]
    store = {}
    for name in os.listdir(schema_dir):
        if name.endswith(".json"):
            with open(os.path.join(schema_dir, name), encoding="utf-8") as f:
                schema = json.load(f)
            store[schema.get("id") or schema.get("$id") or name] = schema
            store[name] = schema
    with open(os.path.join(schema_dir, schema_file), encoding="utf-8") as f:
        root = json.load(f)
    base = "file://" + os.path.abspath(schema_dir) + "/"
    # Relative $refs resolve against each schema's id; make every file reachable from every id's folder.
    by_name = {n: s for n, s in store.items() if n.endswith(".json") and "/" not in n}
    folders = {base.rstrip("/")}

    def collect(node):
        if isinstance(node, dict):
            for key in ("id", "$id"):
                if isinstance(node.get(key), str) and "://" in node[key]:
                    folders.add(node[key].rsplit("/", 1)[0])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    for schema in list(store.values()):
        collect(schema)
    for folder in folders:
        for name, schema in by_name.items():
            store[folder + "/" + name] = schema
    resolver = jsonschema.RefResolver(base_uri=base, referrer=root, store=store)
    validator_class = jsonschema.validators.validator_for(root)
    validator = validator_class(root, resolver=resolver, format_checker=jsonschema.FormatChecker())
    failed = 0
    for path in documents:
        with open(path, encoding="utf-8") as f:
            if path.endswith((".yaml", ".yml")):
                import yaml

                document = yaml.safe_load(f)
            else:
                document = json.load(f)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        for error in errors:
            failed += 1
            print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

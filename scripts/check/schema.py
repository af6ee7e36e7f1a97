#!/usr/bin/env python3
"""Validates document JSON files against docs/plan.schema.json (JSON Schema 2020-12).

    python3 scripts/check/schema.py docs/plan.schema.json out/*.json

A file may hold one document, an array of documents, or one document per line (NDJSON).
Prints one line per problem and exits 1 when there is any.
"""
import json
import sys

import jsonschema


def documents(path):
    text = open(path, encoding="utf-8").read()
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return value if isinstance(value, list) else [value]


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    problems = 0
    count = 0
    for path in sys.argv[2:]:
        for k, doc in enumerate(documents(path)):
            count += 1
            for error in validator.iter_errors(doc):
                problems += 1
                print(f"{path}[{k}] {error.json_path}: {error.message[:300]}")
    print(f"{count} documents, {problems} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Validates scard's --json output against the command's JSON Schema (draft 2020-12).

    scard list-readers --json | schemas/validate.py list-readers
    schemas/validate.py --check          checks every schema in this folder against the metaschema

Reads JSON lines on standard input; each must be one JSON object valid against
schemas/COMMAND.schema.json (which refers to schemas/common.schema.json). Prints one line per
problem, `line N: message`, and exits 1 when there is any (an empty input is a problem too), else 0.
Needs Debian's python3-jsonschema (4.10 or later); run it with /usr/bin/python3.
"""
import json
import os
import sys

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))


def load_schemas():
    """Every schema in this folder, by file stem, and a store of them by $id."""
    schemas = {}
    for name in sorted(os.listdir(HERE)):
        if name.endswith(".schema.json"):
            with open(os.path.join(HERE, name), encoding="utf-8") as f:
                schemas[name[: -len(".schema.json")]] = json.load(f)
    return schemas, {schema["$id"]: schema for schema in schemas.values()}


def check_all(schemas):
    """Checks each schema against draft 2020-12 and that it closes its objects."""
    problems = 0
    for name, schema in schemas.items():
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as error:
            print(f"{name}: {error.message}")
            problems += 1
        if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            print(f"{name}: $schema is not draft 2020-12")
            problems += 1
        for path, node in walk(schema):
            if isinstance(node, dict) and "properties" in node:
                closed = node.get("additionalProperties") is False or node.get("unevaluatedProperties") is False
                if not closed and not path.endswith("exchangeFields"):
                    print(f"{name}: {path} lists properties but allows others")
                    problems += 1
    return problems


def walk(node, path="#"):
    """Every object and array in a schema, with its JSON pointer."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}/{index}")


def main():
    schemas, store = load_schemas()
    if len(sys.argv) == 2 and sys.argv[1] == "--check":
        return 1 if check_all(schemas) else 0
    if len(sys.argv) != 2 or sys.argv[1] not in schemas:
        print(f"usage: {sys.argv[0]} COMMAND < lines   (COMMAND: {', '.join(sorted(schemas))}) | --check", file=sys.stderr)
        return 2
    schema = schemas[sys.argv[1]]
    resolver = jsonschema.RefResolver.from_schema(schema, store=store)
    validator = jsonschema.Draft202012Validator(schema, resolver=resolver)
    problems = 0
    count = 0
    for number, text in enumerate(sys.stdin, start=1):
        count += 1
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            print(f"line {number}: not JSON ({error.msg}): {text.rstrip()[:120]}")
            problems += 1
            continue
        if not isinstance(value, dict):
            print(f"line {number}: not a JSON object")
            problems += 1
            continue
        errors = list(validator.iter_errors(value))
        if errors:
            best = jsonschema.exceptions.best_match(errors)
            where = "/".join(str(part) for part in best.absolute_path) or "(the line)"
            print(f"line {number}: {where}: {best.message}: {text.rstrip()[:200]}")
            problems += 1
    if count == 0:
        print("no lines on standard input")
        problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Reads a JUnit XML report on standard input and checks it as a CI system would.

1. Parses it with Python's xml.etree (a real XML parser).
2. Validates it against junit.xsd (beside this file) with libxml2's XML Schema validator,
   called through ctypes (libxml2 is on every machine that has Swift's Foundation).
3. Checks that every count attribute matches the elements under it.

Prints one JSON object: {"valid", "schemaErrors", "countErrors", "suites": [...]} where each
suite lists its cases with their verdict, message and text. Exits 0 when all three checks pass.
"""
import ctypes
import json
import os
import sys
import xml.etree.ElementTree as ET


def schema_errors(document: bytes, schema_path: str) -> list:
    lib = ctypes.CDLL("libxml2.so.2")
    lib.xmlSchemaNewMemParserCtxt.restype = ctypes.c_void_p
    lib.xmlSchemaNewMemParserCtxt.argtypes = [ctypes.c_char_p, ctypes.c_int]
    lib.xmlSchemaParse.restype = ctypes.c_void_p
    lib.xmlSchemaParse.argtypes = [ctypes.c_void_p]
    lib.xmlSchemaNewValidCtxt.restype = ctypes.c_void_p
    lib.xmlSchemaNewValidCtxt.argtypes = [ctypes.c_void_p]
    lib.xmlReadMemory.restype = ctypes.c_void_p
    lib.xmlReadMemory.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int]
    lib.xmlSchemaValidateDoc.restype = ctypes.c_int
    lib.xmlSchemaValidateDoc.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    with open(schema_path, "rb") as handle:
        schema_text = handle.read()
    parser = lib.xmlSchemaNewMemParserCtxt(schema_text, len(schema_text))
    schema = lib.xmlSchemaParse(parser)
    if not schema:
        return ["the schema itself does not parse"]
    validator = lib.xmlSchemaNewValidCtxt(schema)
    doc = lib.xmlReadMemory(document, len(document), b"report.xml", None, 0)
    if not doc:
        return ["libxml2 cannot read the document"]
    result = lib.xmlSchemaValidateDoc(validator, doc)
    return [] if result == 0 else [f"xmlSchemaValidateDoc returned {result} (details on standard error)"]


def main() -> int:
    document = sys.stdin.buffer.read()
    root = ET.fromstring(document)
    here = os.path.dirname(os.path.abspath(__file__))
    errors = schema_errors(document, os.path.join(here, "junit.xsd"))
    count_errors = []
    suites = []
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for suite in root.iter("testsuite"):
        cases = []
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for case in suite.findall("testcase"):
            verdict, message, text = "passed", None, None
            for kind, name in (("failure", "failures"), ("error", "errors"), ("skipped", "skipped")):
                element = case.find(kind)
                if element is not None:
                    verdict, message, text = kind, element.get("message"), element.text
                    counts[name] += 1
                    break
            counts["tests"] += 1
            cases.append({"name": case.get("name"), "classname": case.get("classname"), "time": case.get("time"),
                          "verdict": verdict, "message": message, "text": text})
        for key, value in counts.items():
            if suite.get(key) is not None and int(suite.get(key)) != value:
                count_errors.append(f"suite {suite.get('name')}: {key}={suite.get(key)}, counted {value}")
        for key in totals:
            totals[key] += counts[key]
        properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
        suites.append({"name": suite.get("name"), "properties": properties, "cases": cases,
                       "timestamp": suite.get("timestamp")})
    for key, value in totals.items():
        if root.get(key) is not None and int(root.get(key)) != value:
            count_errors.append(f"testsuites: {key}={root.get(key)}, counted {value}")
    valid = root.tag == "testsuites" and not errors and not count_errors
    print(json.dumps({"valid": valid, "schemaErrors": errors, "countErrors": count_errors, "suites": suites}))
    return 0 if valid else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""A plain validator of an svwizard bundle, as a buyer might write one in a few lines: open the
zip, check every file's SHA-256 against manifest.json, read submission.json and recompute the
total as the sum of its valuation lines. The benchmark times `svwizard validate` against it.

    python3 Benchmarks/validate_bundle.py BUNDLE.svbundle.zip
"""
import hashlib
import json
import sys
import zipfile
from decimal import Decimal


def validate(path):
    problems = []
    with zipfile.ZipFile(path) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}  # CRC-32 checked on read
    manifest = json.loads(files.pop("manifest.json"))
    listed = {entry["name"]: entry["sha256"] for entry in manifest["files"]}
    if set(listed) != set(files):
        problems.append("the files differ from the manifest")
    for name, data in files.items():
        if hashlib.sha256(data).hexdigest() != listed.get(name):
            problems.append(f"{name} differs from its fingerprint")
    submission = json.loads(files["submission.json"])
    valuation = submission["valuation"]
    lines = [Decimal(line["total"]) for line in valuation["lines"] if line.get("total") is not None]
    if lines and sum(lines) != Decimal(valuation["total"]):
        problems.append("the total is not the sum of its lines")
    return {"status": "valid" if not problems else "invalid", "problems": problems, "total": str(sum(lines))}


if __name__ == "__main__":
    report = validate(sys.argv[1])
    print(json.dumps(report))
    sys.exit(0 if report["status"] == "valid" else 1)

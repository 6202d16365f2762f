#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
"""The JSON report against its published schema (docs/report.schema.json).

Runs the real doctor, so what is validated is what users script against:
  - the demo's SQLite environments (pass, warn, skipped; migrations results with a subject);
  - a connection refused (connectivity fails with fixes for a deployment, the rest not_run).
Each report must validate against the schema, and against a strict copy of it that takes no
key the schema does not describe (the schema stays complete; the published one stays open,
since keys may be added within a version). Then it must catch what a broken report would do:
every required key removed, wrong types and values; any of those validating fails the test.

usage: reportschema.py DOCTOR_BINARY SCHEMA_FILE
Prints "SKIPPED: ..." and exits 0 when python3-jsonschema is not installed.
"""
import copy
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print("SKIPPED: python3-jsonschema is not installed (tools/packages-trixie.txt lists it)")
    sys.exit(0)

Validator = jsonschema.Draft202012Validator


def strict(schema):
    """A copy in which every object schema with properties takes no other key."""
    if isinstance(schema, dict):
        out = {k: strict(v) for k, v in schema.items()}
        if "properties" in out and "additionalProperties" not in out:
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [strict(v) for v in schema]
    return schema


def run_doctor(binary, args):
    env = dict(os.environ, LC_ALL="C.UTF-8", NO_COLOR="1")
    p = subprocess.run([binary, "run", "--format", "json", *args], capture_output=True,
                       text=True, timeout=120, env=env)
    # 0-3 are verdicts (pass, warn, fail, could not run); anything else is no report.
    if p.returncode not in (0, 1, 2, 3):
        raise SystemExit(f"doctor run {' '.join(args)} exited {p.returncode}:\n{p.stderr}")
    return json.loads(p.stdout)


def errors(validator, instance):
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
            for e in validator.iter_errors(instance)]


def broken_variants(report):
    """(what was broken, report) pairs, each of which the schema must refuse."""
    def variant(what, change):
        r = copy.deepcopy(report)
        change(r)
        return what, r

    out = []
    for key in ("schemaVersion", "runAt", "doctorVersion", "results"):
        out.append(variant(f"no {key}", lambda r, k=key: r.pop(k)))
    first = report["results"][0]
    for key in first:
        if key != "subject":  # the one optional key
            out.append(variant(f"result without {key}",
                               lambda r, k=key: r["results"][0].pop(k)))
    for key in ("article", "runbooks", "fixes"):
        out.append(variant(f"remediation without {key}",
                           lambda r, k=key: r["results"][0]["remediation"].pop(k)))
    for key in ("host", "port", "database", "user"):
        out.append(variant(f"server without {key}",
                           lambda r, k=key: r["results"][0]["server"].pop(k)))
    with_fix = next((i for i, r in enumerate(report["results"]) if r["remediation"]["fixes"]),
                    None)
    if with_fix is not None:
        for key in ("deployment", "title", "command"):
            out.append(variant(f"fix without {key}", lambda r, k=key: r["results"][with_fix]
                               ["remediation"]["fixes"][0].pop(k)))
        out.append(variant("fix for docker", lambda r: r["results"][with_fix]["remediation"]
                           ["fixes"][0].update(deployment="docker")))

    def result(**changes):
        return lambda r: r["results"][0].update(changes)

    out += [
        variant("schemaVersion 2", lambda r: r.update(schemaVersion=2)),
        variant("runAt without milliseconds", lambda r: r.update(runAt="2026-03-01T14:02:07Z")),
        variant("results not a list", lambda r: r.update(results={})),
        variant("status ok", result(status="ok")),
        variant("subject a number", result(subject=5)),
        variant("subject empty", result(subject="")),
        variant("durationMs negative", result(durationMs=-1)),
        variant("durationMs a fraction", result(durationMs=1.5)),
        variant("evidence a list", result(evidence=[])),
        variant("server port a number", lambda r: r["results"][0]["server"].update(port=5432)),
        variant("environment empty", result(environment="")),
    ]
    return out


def main():
    binary, schema_path = sys.argv[1:3]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    Validator.check_schema(schema)  # a valid 2020-12 schema in the first place
    published, complete = Validator(schema), Validator(strict(schema))

    reports = {
        "demo": run_doctor(binary, ["--demo"]),
        # Port 1 refuses at once: connectivity fails with its fixes, the others are not_run.
        "refused": run_doctor(binary, [
            "--connection", "host=127.0.0.1 port=1 dbname=platform user=doctor",
            "--connect-timeout", "2", "--deployment", "kubernetes"]),
    }
    failed = 0
    passed = 0

    def verdict(ok, what, detail=""):
        nonlocal failed, passed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL: {what}{': ' + detail if detail else ''}")

    statuses = set()
    for name, report in reports.items():
        found = errors(published, report)
        verdict(not found, f"{name} report against the schema", "; ".join(found))
        extra = errors(complete, report)
        verdict(not extra, f"{name} report has only keys the schema describes", "; ".join(extra))
        found += extra
        if found:
            continue  # the broken variants below are made from a valid report
        statuses |= {r["status"] for r in report["results"]}
        for what, broken in broken_variants(report):
            verdict(not published.is_valid(broken), f"{name}: schema accepts a report with {what}")
    # What the reports exercised, so a schema test that sees nothing does not pass.
    results = [r for report in reports.values() for r in report["results"]]
    verdict(any("subject" in r for r in results), "a result with a subject was validated")
    verdict(any(r["remediation"]["fixes"] for r in results), "a result with fixes was validated")
    verdict({"pass", "warn", "fail", "not_run"} <= statuses,
            "pass, warn, fail and not_run results were validated", str(sorted(statuses)))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

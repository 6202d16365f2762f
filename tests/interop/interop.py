# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
"""What every interoperability driver (tests/interop/<tool>/run) shares.

A driver runs a real migration tool against a database of its own on the fixture server
(DOCTOR_PG_STATE/server.env, tools/pg-fixture), prints the history the tool wrote (the
table's DDL as pg_dump gives it and its rows), runs `doctor run --format json --check
check.postgres.migrations` on that database and asserts on the result for the tool's
history (the issue 15 contract: one result per history, evidence Tool, Status,
AppliedCount, PendingCount, FailedMigrations). Every failed expectation is collected and
printed; the driver exits 1 when there was one, so CTest reports it.

The fixture's password never appears in the output: everything printed passes redact().
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import psycopg2
except ImportError:
    print("interop: the Python module psycopg2 is missing: install the Debian package "
          "python3-psycopg2 (tools/packages-trixie.txt; tools/buildroot ensure)")
    sys.exit(1)

CHECK = "check.postgres.migrations"
SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def show(value):
    """A column value as a row listing prints it: text as is, times in ISO 8601."""
    if isinstance(value, str) and "\n" not in value:
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return repr(value)


class Database:
    """One database on the fixture server: its name and the ways tools want to be told."""

    def __init__(self, server, name):
        self.server = server
        self.name = name
        s = server
        self.url = f"postgresql://{s['user']}:{s['password']}@{s['host']}:{s['port']}/{name}"
        self.libpq = (f"host={s['host']} port={s['port']} dbname={name} user={s['user']} "
                      f"password={s['password']}")

    def env(self):
        """libpq's variables for this database (psql, DBD::Pg, psycopg2 read them)."""
        s = self.server
        return {"PGHOST": s["host"], "PGPORT": s["port"], "PGUSER": s["user"],
                "PGPASSWORD": s["password"], "PGDATABASE": self.name, "DATABASE_URL": self.url}

    def query(self, sql, params=None):
        with psycopg2.connect(self.libpq) as conn, conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall() if cur.description else []


class Interop:
    def __init__(self, tool):
        self.tool = tool
        self.failures = []
        args = sys.argv[1:]
        self.doctor_bin = os.path.join(SOURCE, "build/trixie-dev/app/doctor")
        if len(args) >= 2 and args[0] == "--doctor":
            self.doctor_bin = args[1]
        state = os.environ.get("DOCTOR_PG_STATE")
        if not state or not os.path.isfile(os.path.join(state, "server.env")):
            self.abort("DOCTOR_PG_STATE names no fixture server (start one: "
                       "tools/pg-fixture start DIR, or run through ctest)")
        env = {}
        with open(os.path.join(state, "server.env"), encoding="utf-8") as f:
            for line in f:
                key, _, value = line.strip().partition("=")
                env[key] = value
        self.server = {"host": env["DOCTOR_PG_HOST"], "port": env["DOCTOR_PG_PORT"],
                       "user": env["DOCTOR_PG_USER"], "password": env["DOCTOR_PG_PASSWORD"],
                       "bin": env["DOCTOR_PG_BIN"]}
        self.work = tempfile.mkdtemp(prefix=f"doctor-interop-{tool}.")
        self.here = os.path.join(SOURCE, "tests/interop", tool)

    # --- output ---

    def redact(self, text):
        return text.replace(self.server["password"], "***")

    def say(self, text=""):
        print(self.redact(str(text)), flush=True)

    def abort(self, text):
        print(f"interop {self.tool}: {text}", flush=True)
        sys.exit(1)

    def expect(self, ok, what):
        if not ok:
            self.failures.append(what)
            self.say(f"FAIL: {what}")
        return ok

    def finish(self):
        shutil.rmtree(self.work, ignore_errors=True)
        if self.failures:
            self.say(f"\ninterop {self.tool}: {len(self.failures)} expectation(s) failed:")
            for f in self.failures:
                self.say(f"  - {f}")
            sys.exit(1)
        self.say(f"\ninterop {self.tool}: passed")
        sys.exit(0)

    # --- the tool ---

    def require(self, command, how):
        """The tool's command, or the test fails saying how to install it (never skipped)."""
        path = command if os.path.isabs(command) else shutil.which(command)
        if not path or not os.access(path, os.X_OK):
            self.abort(f"'{command}' is missing: {how}")
        return path

    def node_modules(self):
        """The node_modules folder of the npm packages tools/interop-node installs."""
        folder = subprocess.run([os.path.join(SOURCE, "tools/interop-node"), "path"],
                                capture_output=True, text=True, check=True).stdout.strip()
        return os.path.join(folder, "node_modules")

    def node_bin(self, command):
        """A command of those packages, or the test fails saying how to install them."""
        self.require("node", "install the Debian packages nodejs and npm "
                     "(tools/packages-trixie.txt; tools/buildroot ensure)")
        return self.require(os.path.join(self.node_modules(), ".bin", command),
                            "install the pinned npm packages: tools/buildroot ensure (in the "
                            "build root) or tools/interop-node ensure (natively)")

    def node_env(self):
        """The environment a project outside that folder needs to require() its packages."""
        return {"NODE_PATH": self.node_modules()}

    def copy_project(self, name="project"):
        """A copy of the tool's project in the work folder, for runs that add files."""
        dst = os.path.join(self.work, name)
        shutil.copytree(os.path.join(self.here, name), dst)
        return dst

    def broken_project(self, name="project"):
        """A copy of the project with the files of the tool's broken/ folder added: the
        migration that fails with a SQL error. A file NAME.tail is appended to NAME (a
        plan that gains a line)."""
        dst = self.copy_project(name)
        broken = os.path.join(self.here, "broken")
        for folder, _, files in os.walk(broken):
            for f in files:
                rel = os.path.relpath(os.path.join(folder, f), broken)
                target = os.path.join(dst, rel)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(os.path.join(folder, f), encoding="utf-8") as src:
                    text = src.read()
                if target.endswith(".tail"):
                    with open(target[:-5], "a", encoding="utf-8") as out:
                        out.write(text)
                else:
                    with open(target, "w", encoding="utf-8") as out:
                        out.write(text)
        return dst

    def run(self, argv, cwd, db, expect_ok=True, env=None, timeout=180):
        """Runs the tool; a run that should succeed and fails (or the reverse) aborts the
        test with the tool's output. Returns (exit code, output)."""
        full = dict(os.environ, PYTHONDONTWRITEBYTECODE="1") # no __pycache__ in the tree
        full.update(db.env())
        full.update(env or {})
        where = os.path.relpath(cwd, SOURCE) if cwd.startswith(SOURCE + "/") else cwd
        self.say(f"$ {' '.join(argv)}   (in {where})")
        p = subprocess.run(argv, cwd=cwd, env=full, capture_output=True, text=True,
                           timeout=timeout)
        out = (p.stdout + p.stderr).strip()
        lines = out.splitlines()
        if len(lines) > 24: # the error is at the top of a stack trace, the outcome at the end
            lines = lines[:8] + [f"[... {len(lines) - 20} lines ...]"] + lines[-12:]
        tail = "\n".join(lines)
        self.say("  " + tail.replace("\n", "\n  ") if tail else "  (no output)")
        self.say(f"  -> exit {p.returncode}")
        if expect_ok and p.returncode != 0:
            self.abort(f"{argv[0]} failed where it should have succeeded (exit {p.returncode})")
        if not expect_ok and p.returncode == 0:
            self.abort(f"{argv[0]} succeeded where the failing migration should have "
                       "stopped it")
        return p.returncode, out

    # --- the database ---

    def database(self, suffix):
        name = f"interop_{self.tool.replace('-', '_')}_{suffix}"
        admin = Database(self.server, "postgres")
        conn = psycopg2.connect(admin.libpq)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cur.execute(f'CREATE DATABASE "{name}"')
        conn.close()
        return Database(self.server, name)

    def show_history(self, db, tables):
        """Prints each table's DDL (pg_dump --schema-only) and rows: what the tool wrote."""
        for table in tables:
            schema, _, name = table.rpartition(".")
            schema = schema or "public"
            exists = db.query("SELECT to_regclass(%s) IS NOT NULL",
                              (f'"{schema}"."{name}"',))[0][0]
            self.say(f"\n--- {schema}.{name} in {db.name} ---")
            if not exists:
                self.say("(no such table)")
                continue
            dump = subprocess.run(
                [os.path.join(self.server["bin"], "pg_dump"), "--schema-only", "--no-owner",
                 "-t", f'"{schema}"."{name}"', db.name],
                env=dict(os.environ, **db.env()), capture_output=True, text=True)
            ddl = [line for line in dump.stdout.splitlines() if line and not line.startswith(
                ("--", "SET ", "SELECT pg_catalog", "COMMENT ON", "\\restrict", "\\unrestrict"))]
            self.say("\n".join(ddl) if dump.returncode == 0 else dump.stderr)
            rows = db.query(f'SELECT * FROM "{schema}"."{name}"')
            cols = [r[0] for r in db.query(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = %s "
                "AND table_name = %s ORDER BY ordinal_position", (schema, name))]
            self.say(f"rows ({len(rows)}): {' | '.join(cols)}")
            for r in rows:
                self.say("  " + " | ".join(show(v) for v in r)[:600])

    # --- the product ---

    def doctor(self, db, *extra):
        """`doctor run --format json --check check.postgres.migrations` on DB; the report."""
        return self.run_doctor(["--connection", db.libpq], f"--connection <{db.name}>", extra)

    def doctor_config(self, path, *extra):
        """The same over an environments file (its password from the environment)."""
        return self.run_doctor(["--config", path], f"--config {path}", extra)

    def run_doctor(self, target, shown, extra):
        self.require(self.doctor_bin, "build it: tools/dev build dev --target doctor")
        argv = [self.doctor_bin, "run", "--format", "json", "--check", CHECK, *target, *extra]
        self.say(f"$ doctor run --format json --check {CHECK} {shown} " + " ".join(extra))
        p = subprocess.run(argv, capture_output=True, text=True, timeout=120,
                           env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        if p.returncode not in (0, 1, 2):
            self.abort(f"doctor exited {p.returncode}: {p.stderr.strip()}")
        try:
            report = json.loads(p.stdout)
        except ValueError:
            self.abort(f"doctor printed no JSON report: {p.stdout[:300]} {p.stderr[:300]}")
        for r in report.get("results", []):
            ev = r.get("evidence", {})
            self.say(f"  {r.get('subject', '-')}: {r.get('status')} "
                     + json.dumps({k: ev[k] for k in sorted(ev)}, sort_keys=True)[:900])
        self.say(f"  -> exit {p.returncode}")
        report["exitCode"] = p.returncode
        return report

    def history(self, report, schema, table):
        """The one result for this tool's history SCHEMA.TABLE (asserts there is one)."""
        subject = f"{self.tool} {schema}.{table}"
        hits = [r for r in report.get("results", []) if r.get("checkId") == CHECK
                and r.get("subject") == subject]
        others = [r.get("subject") for r in report.get("results", []) if r not in hits]
        self.expect(len(hits) == 1, f"one result with subject '{subject}', got {len(hits)}")
        # The database holds this one history: any other result is a misdetection (a lock
        # table, another tool's name) or a duplicate.
        self.expect(not others, f"no result but '{subject}', got also {others}")
        return hits[0].get("evidence", {}) if hits else {}

    def expect_evidence(self, ev, key, want, context):
        """Evidence KEY equals WANT (numbers compared as text: "1" == 1; lists as sets
        when WANT is a set)."""
        got = ev.get(key)
        if isinstance(want, set):
            ok = isinstance(got, list) and set(got) == want
        elif isinstance(want, list):
            ok = got == want
        else:
            ok = got is not None and str(got) == str(want)
        return self.expect(ok, f"{context}: evidence {key} is {got!r}, expected {want!r}")

    def expect_state(self, report, schema, table, context, status, applied, pending=None,
                     failed=None, latest=None):
        """The history's result: Tool, Status, AppliedCount, PendingCount (when given),
        FailedMigrations (empty unless FAILED names them), LatestApplied (when given)."""
        ev = self.history(report, schema, table)
        if not ev:
            return ev
        self.expect_evidence(ev, "Tool", self.tool, context)
        self.expect_evidence(ev, "HistorySchema", schema, context)
        self.expect_evidence(ev, "HistoryTable", table, context)
        self.expect_evidence(ev, "Status", status, context)
        self.expect_evidence(ev, "AppliedCount", applied, context)
        if pending is not None:
            self.expect_evidence(ev, "PendingCount", len(pending), context)
            self.expect_evidence(ev, "PendingMigrations", set(pending), context)
        got_failed = ev.get("FailedMigrations") or []
        self.expect(set(got_failed) == set(failed or []),
                    f"{context}: FailedMigrations is {got_failed!r}, expected {failed or []!r}")
        if latest is not None:
            self.expect_evidence(ev, "LatestApplied", latest, context)
        want_exit = {"failed": 2, "dirty": 2, "modified": 2, "pending": 1}.get(status, 0)
        self.expect(report["exitCode"] == want_exit,
                    f"{context}: doctor exited {report['exitCode']}, expected {want_exit}")
        return ev

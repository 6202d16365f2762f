// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
//
// bench_floor: the floor of the latency benchmark (tests/bench/fleet --rtt). It does what
// doctor's checks do on the wire and nothing else, in as few round trips as libpq allows:
// per connection string, connect, send every statement of the SQL file in one pipeline
// with one sync, read every result, disconnect. Benchmark tooling, never the product.
//
//   bench_floor --conninfo FILE [--sql FILE] [--parallel P] [--connect-only]
//
// FILE of --conninfo: one libpq connection string per line (blank lines and lines that
// begin with '#' skipped); the password comes from PGPASSWORD or a password file, as for
// doctor. Give the options doctor gives (connect_timeout, application_name).
// FILE of --sql (tests/bench/fleet-baseline.sql, which psql runs too): a statement ends
// with the line whose last non-blank character is ';'; lines that begin with "--" are
// skipped; a line that begins with '\' (a psql meta-command) is refused. A ';' inside a
// line stays in the statement, so string literals with ';' need no quoting rules here.
// --connect-only: connect and disconnect, no statements (the benchmark counts the round
// trips of connection set-up with it).
//
// Prints one line, "floor: connections N failed F statements S parallel P wall_s W", and
// the first failures on stderr. Exit status 0 if every connection and every statement
// succeeded, 1 if one failed, 2 on wrong usage or an unreadable file.
#define _POSIX_C_SOURCE 200809L

#include <libpq-fe.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    char **items;
    size_t count;
} List;

static List conninfos, statements;
static int connectOnly;
static size_t next; // the next connection string to take, under lock
static size_t failed;
static int reported; // failures printed so far (the first few only)
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void append(List *list, char *item)
{
    char **grown = realloc(list->items, (list->count + 1) * sizeof *grown);
    if (!grown) {
        fputs("floor: out of memory\n", stderr);
        exit(2);
    }
    list->items = grown;
    grown[list->count++] = item;
}

static char *stripped(char *line)
{
    size_t n = strlen(line);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '
               || line[n - 1] == '\t'))
        line[--n] = '\0';
    while (*line == ' ' || *line == '\t')
        ++line;
    return line;
}

// Reads FILE line by line; `statementsMode` joins lines into ';'-terminated statements.
static void readList(const char *path, List *list, int statementsMode)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "floor: cannot read %s: ", path);
        perror(NULL);
        exit(2);
    }
    char *line = NULL, *pending = NULL;
    size_t cap = 0, pendingLen = 0, lineNo = 0;
    while (getline(&line, &cap, f) != -1) {
        ++lineNo;
        char *text = stripped(line);
        if (!statementsMode) {
            if (*text && *text != '#')
                append(list, strdup(text));
            continue;
        }
        if (!*text || strncmp(text, "--", 2) == 0)
            continue;
        if (*text == '\\') {
            fprintf(stderr, "floor: %s:%zu: psql meta-commands are not statements; remove it\n",
                path, lineNo);
            exit(2);
        }
        size_t n = strlen(text);
        char *grown = realloc(pending, pendingLen + n + 2);
        if (!grown) {
            fputs("floor: out of memory\n", stderr);
            exit(2);
        }
        pending = grown;
        if (pendingLen)
            pending[pendingLen++] = '\n';
        memcpy(pending + pendingLen, text, n + 1);
        pendingLen += n;
        if (text[n - 1] == ';') {
            append(list, pending);
            pending = NULL;
            pendingLen = 0;
        }
    }
    if (pending) {
        fprintf(stderr, "floor: %s: the last statement does not end with ';'\n", path);
        exit(2);
    }
    free(line);
    fclose(f);
}

// Counts a failed connection; prints what failed for the first few.
static void fail(size_t index, const char *what, const char *message)
{
    pthread_mutex_lock(&lock);
    ++failed;
    if (reported++ < 5)
        fprintf(stderr, "floor: connection %zu: %.60s: %s", index + 1, what, message);
    pthread_mutex_unlock(&lock);
}

// Reads every result up to the sync. Returns NULL if all succeeded, else the statement
// that failed first (or "sync"), with its error in `message` (pointing into `buf`).
static const char *drainPipeline(PGconn *conn, const char **message, char *buf, size_t size)
{
    const char *what = NULL;
    for (size_t i = 0; i < statements.count; ++i) {
        PGresult *res;
        int any = 0;
        while ((res = PQgetResult(conn)) != NULL) {
            ExecStatusType st = PQresultStatus(res);
            any = 1;
            if (!what && st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
                snprintf(buf, size, "%s", st == PGRES_PIPELINE_ABORTED
                        ? "skipped after an earlier error\n" : PQresultErrorMessage(res));
                what = statements.items[i];
            }
            PQclear(res);
        }
        if (!any && !what) { // no result at all: the connection broke
            snprintf(buf, size, "no result: %s", PQerrorMessage(conn));
            what = statements.items[i];
        }
    }
    PGresult *res = PQgetResult(conn);
    if (!what && PQresultStatus(res) != PGRES_PIPELINE_SYNC) {
        snprintf(buf, size, "no PGRES_PIPELINE_SYNC after the last result\n");
        what = "sync";
    }
    PQclear(res);
    *message = buf;
    return what;
}

// One connection's work. Returns NULL if it all succeeded, else the step that failed;
// `message` is set if the error is not PQerrorMessage's.
static const char *session(PGconn *conn, const char **message, char *buf, size_t size)
{
    *message = NULL;
    if (PQstatus(conn) != CONNECTION_OK)
        return "connect";
    if (connectOnly)
        return NULL;
    // Blocking mode is enough: the statements and their results are a few kilobytes, far
    // below the socket buffers, so neither side can stall on a full one.
    if (!PQenterPipelineMode(conn))
        return "pipeline";
    for (size_t i = 0; i < statements.count; ++i) {
        if (!PQsendQueryParams(conn, statements.items[i], 0, NULL, NULL, NULL, NULL, 0))
            return "send";
    }
    if (!PQpipelineSync(conn))
        return "sync";
    return drainPipeline(conn, message, buf, size);
}

static void checkOne(size_t index)
{
    PGconn *conn = PQconnectdb(conninfos.items[index]);
    char buf[1024];
    const char *message;
    const char *what = session(conn, &message, buf, sizeof buf);
    if (what)
        fail(index, what, message ? message : PQerrorMessage(conn));
    PQfinish(conn);
}

static void *worker(void *unused)
{
    (void)unused;
    for (;;) {
        pthread_mutex_lock(&lock);
        size_t index = next++;
        pthread_mutex_unlock(&lock);
        if (index >= conninfos.count)
            return NULL;
        checkOne(index);
    }
}

static int usage(void)
{
    fputs("usage: bench_floor --conninfo FILE [--sql FILE] [--parallel P] [--connect-only]\n",
        stderr);
    return 2;
}

int main(int argc, char **argv)
{
    const char *conninfoPath = NULL, *sqlPath = NULL;
    long parallel = 16;
    for (int i = 1; i < argc; ++i) {
        if (strcmp(argv[i], "--conninfo") == 0 && i + 1 < argc) {
            conninfoPath = argv[++i];
        } else if (strcmp(argv[i], "--sql") == 0 && i + 1 < argc) {
            sqlPath = argv[++i];
        } else if (strcmp(argv[i], "--parallel") == 0 && i + 1 < argc) {
            char *end;
            parallel = strtol(argv[++i], &end, 10);
            if (*end || parallel < 1 || parallel > 1024)
                return usage();
        } else if (strcmp(argv[i], "--connect-only") == 0) {
            connectOnly = 1;
        } else {
            return usage();
        }
    }
    if (!conninfoPath || (!sqlPath && !connectOnly))
        return usage();
    readList(conninfoPath, &conninfos, 0);
    if (!connectOnly)
        readList(sqlPath, &statements, 1);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pthread_t *threads = calloc((size_t)parallel, sizeof *threads);
    if (!threads)
        return 2;
    for (long t = 0; t < parallel; ++t) {
        if (pthread_create(&threads[t], NULL, worker, NULL) != 0) {
            fputs("floor: cannot start a thread\n", stderr);
            return 2;
        }
    }
    for (long t = 0; t < parallel; ++t)
        pthread_join(threads[t], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("floor: connections %zu failed %zu statements %zu parallel %ld wall_s %.3f\n",
        conninfos.count, failed, statements.count, parallel, wall);
    free(threads);
    return failed ? 1 : 0;
}

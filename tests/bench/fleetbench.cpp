// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The fleet view's load (issue 19 §5): a results store of N environments x C checks, two
// runs each (so the latest of two results per check is chosen), read into a FleetModel by
// FleetLoader as the dashboard does (a pool thread, its own connection, the rows swapped in
// on the UI thread), against two baselines in the same process and store: the same SQL alone
// through QtSql (exec and step through the rows, no values made), the `latest` view of
// schema 2 the same way, and `psql -c` of that SQL to /dev/null (PostgreSQL only) (a separate
// process: libpq and psql's startup included). Prints the median of --runs of each, in
// milliseconds, as key=value; exit 1 when the model ends with another number of rows than
// environments.
//   bench_fleet --store URL|FILE [--populate] [--environments 5000] [--checks 9] [--runs 7]
//   (the password from PGPASSWORD or the pgpass file; psql reads the same URL)
#include "fleetloader.h"
#include "fleetmodel.h"
#include "history/fleetreader.h"
#include "history/historystore.h"
#include "history/historystore_p.h" // HistoryLocation: the baseline's connection

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTextStream>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0
        : v.size() % 2 ? v[v.size() / 2]
                       : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// Two runs of every environment, an hour apart; a status mix so that worst varies.
bool populate(const QString &url, int environments, int checks, QTextStream &out)
{
    HistoryStore store;
    if (!store.open(url)) {
        out << store.errorString() << Qt::endl;
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-7200);
    for (int r = 0; r < 2; ++r) {
        // Shards of 500 environments, as `doctor run --shard I/10` would record them.
        for (int first = 0; first < environments; first += 500) {
            HistoryRun run;
            run.startedAt = t0.addSecs(3600 * r);
            run.finishedAt = run.startedAt.addSecs(30);
            run.origin = u"cli"_s;
            run.shard = QString::number(first / 500);
            QList<CheckResult> results;
            for (int e = first; e < std::min(environments, first + 500); ++e) {
                const QString env = u"db-%1"_s.arg(e, 5, 10, QChar(u'0'));
                run.environments << env;
                for (int c = 0; c < checks; ++c) {
                    CheckResult res;
                    res.environment = env;
                    res.checkId = u"check.bench.c%1"_s.arg(c);
                    const int k = (e * 7 + c * 3 + r) % 50;
                    res.status = k == 0 ? CheckStatus::Fail
                        : k < 4         ? CheckStatus::Warn
                                        : CheckStatus::Pass;
                    res.message = u"result %1 of run %2"_s.arg(c).arg(r);
                    res.checkedAt = run.startedAt.addMSecs(e % 500);
                    res.durationMs = 3;
                    results << res;
                }
            }
            if (!store.record(run, results)) {
                out << store.errorString() << Qt::endl;
                return false;
            }
        }
    }
    out << "populate_ms=" << timer.elapsed() << Qt::endl;
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ u"store"_s, u"The store's postgresql:// URL"_s, u"url"_s });
    parser.addOption({ u"populate"_s, u"Write the runs first"_s });
    parser.addOption({ u"environments"_s, u"Environments"_s, u"n"_s, u"5000"_s });
    parser.addOption({ u"checks"_s, u"Checks per environment"_s, u"n"_s, u"9"_s });
    parser.addOption({ u"runs"_s, u"Measured loads of each kind"_s, u"n"_s, u"7"_s });
    parser.process(app);
    QTextStream out(stdout);
    const QString url = parser.value(u"store"_s);
    const int environments = parser.value(u"environments"_s).toInt();
    const int runs = parser.value(u"runs"_s).toInt();
    if (parser.isSet(u"populate"_s)
        && !populate(url, environments, parser.value(u"checks"_s).toInt(), out))
        return 1;

    QList<double> loadMs, queryMs;
    FleetModel model;
    FleetLoader loader(&model);
    QSignalSpy loaded(&loader, &FleetLoader::loaded);
    QSignalSpy failed(&loader, &FleetLoader::failed);
    for (int i = 0; i <= runs; ++i) { // the first of each is a warm-up, not counted
        loaded.clear();
        loader.load(url);
        if (!loaded.wait(60000)) {
            out << "load failed: " << (failed.isEmpty() ? u"timeout"_s : failed[0][0].toString())
                << Qt::endl;
            return 1;
        }
        if (i > 0) {
            loadMs << loaded[0][2].toDouble();
            queryMs << loaded[0][1].toDouble();
        }
    }
    if (model.rowCount() != environments) {
        out << "rows=" << model.rowCount() << " expected " << environments << Qt::endl;
        return 1;
    }
    const bool postgres = HistoryLocation::isPostgresUrl(url);
    const int expectedRows = environments * parser.value(u"checks"_s).toInt();
    // The history store's own URL handling (libpq reads the URL), on a connection of ours.
    QSqlDatabase db = QSqlDatabase::addDatabase(postgres ? u"QPSQL"_s : u"QSQLITE"_s, u"raw"_s);
    QString error;
    if (postgres ? !HistoryLocation::configurePostgres(db, url, &error) : false)
        return 1;
    if (!postgres)
        db.setDatabaseName(url);
    if (!db.open()) {
        out << "raw connection failed " << error << Qt::endl;
        return 1;
    }
    // The SQL alone, stepping through the rows: the reader's, and schema 2's `latest` view
    // (row_number() over the same rows, both dialects) for comparison.
    auto rawMedian = [&](const QString &sql) {
        QList<double> ms;
        for (int i = 0; i <= runs; ++i) {
            QElapsedTimer t;
            t.start();
            QSqlQuery q(db);
            q.setForwardOnly(true);
            q.exec(sql);
            int rows = 0;
            while (q.next())
                ++rows;
            if (i > 0)
                ms << double(t.nsecsElapsed()) / 1e6;
            if (rows != expectedRows) {
                out << "raw rows=" << rows << " of " << sql << Qt::endl;
                return -1.0;
            }
        }
        return median(ms);
    };
    const QString sql = FleetReader::latestQuery(postgres, true);
    const double raw = rawMedian(sql);
    const double view = rawMedian(u"SELECT * FROM latest"_s);
    QList<double> psqlMs;
    for (int i = 0; postgres && i <= runs; ++i) {
        QElapsedTimer t;
        t.start();
        QProcess psql;
        psql.setStandardOutputFile(QProcess::nullDevice());
        psql.start(u"psql"_s, { u"-X"_s, u"-q"_s, u"-d"_s, url, u"-c"_s, sql });
        if (!psql.waitForFinished(60000) || psql.exitCode() != 0) {
            out << "psql failed: " << QString::fromLocal8Bit(psql.readAllStandardError())
                << Qt::endl;
            return 1;
        }
        if (i > 0)
            psqlMs << double(t.nsecsElapsed()) / 1e6;
    }
    out << "environments=" << environments << " results=" << model.snapshot().environments.size()
        << " model_load_ms=" << median(loadMs) << " reader_query_ms=" << median(queryMs)
        << " raw_query_ms=" << raw << " latest_view_ms=" << view << " psql_ms=" << median(psqlMs)
        << " runs=" << runs << Qt::endl;
    if (raw < 0 || view < 0)
        return 1;
    return median(loadMs) < 1000 ? 0 : 2;
}

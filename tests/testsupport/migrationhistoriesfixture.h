// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// What the parts of tst_pg_migrationhistories share (_tools, _expected, _hardcases): the
// histories of tests/data/histories/ (README there) loaded scenario by scenario into databases
// of the fixture server, and runs of the migrations check that keep every result it gives
// (one per history). A test class derives from it after QObject. Header-only: each part is its
// own executable.

#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "migrations/migrationentry.h"
#include "pgserver.h"
#include "report/resultjson.h"
#include "runandwait.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class MigrationHistoriesFixture
{
protected:
    static inline const QString Migrations = u"check.postgres.migrations"_s;

    static QString historiesDir() { return TestPaths::testData() + u"/histories/"_s; }

    // A file of tests/data/histories/: what precedes the first "-- @scenario NAME" line, and
    // each scenario's section by name. error names the file when it cannot be read.
    struct HistoryFile
    {
        QString preamble;
        QMap<QString, QString> scenarios;
        QString error;
    };

    static HistoryFile readHistoryFile(const QString &name)
    {
        HistoryFile out;
        QFile f(historiesDir() + name);
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
            out.error = f.fileName() + u": "_s + f.errorString();
            return out;
        }
        static const QRegularExpression marker(u"^-- @scenario (\\S+)\\s*$"_s);
        QString *section = &out.preamble;
        const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
        for (const QString &line : lines) {
            const QRegularExpressionMatch m = marker.match(line);
            if (m.hasMatch()) {
                section = &out.scenarios[m.captured(1)];
                continue;
            }
            section->append(line + u'\n');
        }
        return out;
    }

    // A new database holding the preamble and scenario of file (one simple-query batch, as
    // psql -f would send it); its superuser environment. A QTest failure if it does not load.
    Environment loadScenario(const QString &file, const QString &scenario)
    {
        const HistoryFile h = readHistoryFile(file);
        Environment env;
        [&] {
            QVERIFY2(h.error.isEmpty(), qPrintable(h.error));
            QVERIFY2(h.scenarios.contains(scenario), qPrintable(file + u": no "_s + scenario));
            const QString db = m_pg.createDatabase(u"hist"_s);
            QVERIFY(!db.isEmpty());
            const QString error = m_pg.exec(db, { h.preamble + h.scenarios.value(scenario) });
            QVERIFY2(error.isEmpty(), qPrintable(file + u" "_s + scenario + u": "_s + error));
            env = m_pg.environment(file + u'/' + scenario, db);
        }();
        return env;
    }

    // Pins the one history of env to an expected set from tests/data/histories/<src>.
    static void pinExpected(Environment &env, const QString &tool, const QString &schema,
        const QString &table, const QString &src)
    {
        env.migrationHistories
            = { MigrationHistoryPin { tool, schema, table, historiesDir() + src } };
    }

    // Every result the migrations check gives for env, in the runner's order.
    QList<CheckResult> runHistories(const Environment &env)
    {
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, { Migrations });
        [&] { QVERIFY(out.finished); }();
        QList<CheckResult> mine;
        for (const CheckResult &r : out.results)
            if (r.environment == env.name && r.checkId == Migrations)
                mine << r;
        return mine;
    }

    static QStringList subjects(const QList<CheckResult> &results)
    {
        QStringList s;
        for (const CheckResult &r : results)
            s << r.subject;
        s.sort();
        return s;
    }

    static CheckResult bySubject(const QList<CheckResult> &results, const QString &subject)
    {
        for (const CheckResult &r : results)
            if (r.subject == subject)
                return r;
        [&] {
            QFAIL(qPrintable(
                u"no result for "_s + subject + u" among "_s + subjects(results).join(u", "_s)));
        }();
        return CheckResult();
    }

    static QString ev(const CheckResult &r, const QString &key)
    {
        return r.evidenceValue(key).toString();
    }
    static QStringList evList(const CheckResult &r, const QString &key)
    {
        return r.evidenceValue(key).toStringList();
    }

    static QList<MigrationEntry> rows(const CheckResult &r)
    {
        return r.details.value<QList<MigrationEntry>>();
    }

    // The ids of r's rows in state s, in the check's order.
    static QStringList idsIn(const CheckResult &r, MigrationEntry::State s)
    {
        QStringList ids;
        for (const MigrationEntry &e : rows(r))
            if (e.state == s)
                ids << e.id;
        return ids;
    }

    // Everything a result shows anywhere: its JSON (message, evidence, remediation) and the
    // rows' ids, descriptions and failure texts.
    static QString everything(const CheckResult &r)
    {
        QString all = QString::fromUtf8(QJsonDocument(ResultJson::toJson(r)).toJson());
        for (const MigrationEntry &e : rows(r))
            all += e.id + u'\n' + e.productVersion + u'\n' + e.failure + u'\n';
        return all;
    }

    PgServer m_pg;

    void initFixture()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
    }
};

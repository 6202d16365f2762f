// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// The dashboard tests' setting on the fixture server (tst_pg_mainwindow,
// tst_pg_mainwindow_refresh): a database with an EF Core history table and one applied
// migration, reached as "up", through a closed port as "down" and through a server that
// never answers as "slow" (MainWindowFixture); and what those tests ask of the results
// table (Board). Header-only: each test is its own executable and takes what it needs.

#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "pgserver.h"
#include "resultsmodel.h"
#include "silentserver.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class MainWindowFixture
{
public:
    // In initTestCase(): a home of the test's own (QSettings for auto-refresh, no keychain),
    // the knowledge base and the database. False with a message on failure.
    bool setUp()
    {
        using namespace Qt::StringLiterals;
        if (!m_home.isValid())
            return fail(u"no temporary home"_s);
        isolateHome(m_home.path());
        m_kb.load();
        if (!m_kb.errors().isEmpty())
            return fail(m_kb.errors().join(u'\n'));
        m_pg = PgServer::fromFixture();
        if (!m_pg.isValid())
            return fail(m_pg.error());
        m_db = m_pg.createDatabase(u"gui"_s);
        const QString error = m_pg.exec(m_db,
            { u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) "
              "PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)"_s,
                u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('20240101000000_Initial', "
                "'9.0.6')"_s });
        return error.isEmpty() || fail(error);
    }
    QString error() const { return m_error; }

    const KbLibrary &kb() const { return m_kb; }
    const PgServer &pg() const { return m_pg; }
    QString database() const { return m_db; }
    QString homeFile(const QString &name) const { return m_home.filePath(name); }

    Environment up() const
    {
        using namespace Qt::StringLiterals;
        return m_pg.environment(u"up"_s, m_db);
    }
    Environment down() const
    {
        using namespace Qt::StringLiterals;
        Environment e = m_pg.environment(u"down"_s, m_db);
        e.connection.port = QString::number(closedLoopbackPort());
        return e;
    }
    Environment silent(const SilentServer &server) const
    {
        using namespace Qt::StringLiterals;
        Environment e = m_pg.environment(u"slow"_s, m_db);
        e.connection.port = QString::number(server.port());
        e.timeouts.connectSec = 2;
        return e;
    }

    // Loads environments and runs them to the end as File > Open does; false when the run
    // did not end, or was cancelled, within 20 s.
    static bool runToEnd(MainWindow &w, const QList<Environment> &envs)
    {
        using namespace Qt::StringLiterals;
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.setEnvironments(envs, u"fixture"_s);
        w.runAll();
        return QTest::qWaitFor([&] { return finished.size() == 1; }, 20000)
            && !finished.first().first().toBool();
    }

private:
    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }

    QTemporaryDir m_home;
    KbLibrary m_kb;
    PgServer m_pg;
    QString m_db;
    QString m_error;
};

// What the dashboard tests ask of the results table.
namespace Board {

inline int rowOf(const MainWindow &w, const QString &env, const QString &check)
{
    return w.resultsModel()->rowOf(env, check);
}

inline QModelIndex cell(const MainWindow &w, const QString &env, const QString &check, int column)
{
    return w.resultsModel()->index(rowOf(w, env, check), column);
}

// The result of the selected row.
inline CheckResult shown(const MainWindow &w)
{
    return w.resultsView()->currentIndex().data(ResultsModel::ResultRole).value<CheckResult>();
}

// "environment/check" of every row from an earlier run.
inline QStringList staleRows(const MainWindow &w)
{
    QStringList stale;
    for (int r = 0; r < w.resultsModel()->rowCount(); ++r) {
        if (w.resultsModel()->isStale(r))
            stale << w.resultsModel()->resultAt(r)->environment + u'/'
                    + w.resultsModel()->resultAt(r)->checkId;
    }
    return stale;
}

} // namespace Board

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// The dashboard views' setting on the fixture server (tst_pg_resultsview,
// tst_pg_resultsview_keyboard): a database with all three expected migrations applied
// ("current"), one with the first only ("behind"), the manifest that expects the three,
// and an environment on a port nothing listens on ("down"). Header-only: each test is its
// own executable and takes what it needs.

#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "pgserver.h"
#include "silentserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class ResultsViewFixture
{
public:
    // In initTestCase(): a home of the test's own, the knowledge base, the two databases and
    // the manifest. False with a message on failure.
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
        const QString create
            = u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) "
              "PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)"_s;
        m_currentDb = m_pg.createDatabase(u"views_current"_s);
        QString error = m_pg.exec(m_currentDb,
            { create,
                u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('20240101000000_Initial', "
                "'9.0.6'), ('20240201000000_AddOrders', '9.0.6'), "
                "('20240301000000_AddIndex', '9.0.6')"_s });
        if (!error.isEmpty())
            return fail(error);
        m_behindDb = m_pg.createDatabase(u"views_behind"_s);
        error = m_pg.exec(m_behindDb,
            { create,
                u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('20240101000000_Initial', "
                "'9.0.6')"_s });
        if (!error.isEmpty())
            return fail(error);
        m_manifest = m_home.filePath(u"expected.txt"_s);
        QFile f(m_manifest);
        if (!f.open(QIODevice::WriteOnly))
            return fail(f.errorString());
        f.write("20240101000000_Initial\n20240201000000_AddOrders\n20240301000000_AddIndex\n");
        return true;
    }
    QString error() const { return m_error; }

    const KbLibrary &kb() const { return m_kb; }
    const PgServer &pg() const { return m_pg; }
    QString currentDatabase() const { return m_currentDb; }
    QString behindDatabase() const { return m_behindDb; }

    Environment current() const
    {
        using namespace Qt::StringLiterals;
        Environment e = m_pg.environment(u"current"_s, m_currentDb);
        e.expectedSource = m_manifest;
        return e;
    }
    Environment behind() const
    {
        using namespace Qt::StringLiterals;
        Environment e = m_pg.environment(u"behind"_s, m_behindDb);
        e.expectedSource = m_manifest;
        return e;
    }
    Environment down() const
    {
        using namespace Qt::StringLiterals;
        Environment e = m_pg.environment(u"down"_s, m_currentDb);
        e.connection.port = QString::number(closedLoopbackPort());
        return e;
    }

    // Shows envs on w and runs them to the end; false when the run did not end, or was
    // cancelled, within 20 s.
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
    QString m_currentDb; // all three migrations applied
    QString m_behindDb; // one applied, two pending
    QString m_manifest;
    QString m_error;
};

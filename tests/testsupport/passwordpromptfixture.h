// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// The password prompt tests' setting (tst_pg_passwordprompt, tst_pg_passwordprompt_dialog):
// two databases on the fixture server, which wants a password (scram-sha-256), reached
// without one by the same role, and a SQLite environment that needs none
// (PasswordPromptFixture); and what those tests ask a dashboard (PromptBoard). Header-only:
// each test is its own executable and takes what it needs.

#include "engine/checkregistry.h"
#include "environmentsmodel.h"
#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "pgserver.h"
#include "resultsmodel.h"

#include <QApplication>
#include <QDirIterator>
#include <QListView>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class PasswordPromptFixture
{
public:
    // In initTestCase(): a home of the test's own (no keychain, no PGPASSWORD, no .pgpass),
    // the knowledge base, two databases and the SQLite file. False with a message on failure.
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
        m_db1 = m_pg.createDatabase(u"prompt"_s);
        m_db2 = m_pg.createDatabase(u"prompt"_s);
        if (m_db1.isEmpty() || m_db2.isEmpty())
            return fail(u"cannot create the databases"_s);
        m_sqlite = m_home.filePath(u"local.db"_s);
        bool made = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"make"_s);
            db.setDatabaseName(m_sqlite);
            made = db.open()
                && QSqlQuery(db).exec(u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" "
                                      "TEXT PRIMARY KEY, \"ProductVersion\" TEXT NOT NULL)"_s);
        }
        QSqlDatabase::removeDatabase(u"make"_s);
        return made || fail(u"cannot create the SQLite database"_s);
    }
    QString error() const { return m_error; }

    const KbLibrary &kb() const { return m_kb; }
    const PgServer &pg() const { return m_pg; }
    QString home() const { return m_home.path(); }
    QString firstDatabase() const { return m_db1; }

    // On the fixture server as its superuser, without the password: the server asks.
    Environment onServer(const QString &name, const QString &database) const
    {
        Environment e = m_pg.environment(name, database);
        e.connection.password.clear();
        return e;
    }
    // alpha and beta share host, port and user (other databases); local is SQLite.
    QList<Environment> three() const
    {
        using namespace Qt::StringLiterals;
        Environment local;
        local.name = u"local"_s;
        local.connection.driver = ConnectionSpec::Driver::Sqlite;
        local.connection.database = m_sqlite;
        return { onServer(u"alpha"_s, m_db1), onServer(u"beta"_s, m_db2), local };
    }
    // The key of alpha's and beta's password (PasswordNeed::keyOf).
    QString key() const
    {
        using namespace Qt::StringLiterals;
        return u"%1@%2:%3"_s.arg(m_pg.user(), m_pg.host().toLower()).arg(m_pg.port());
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
    QString m_db1;
    QString m_db2;
    QString m_sqlite;
    QString m_error;
};

// What the prompt tests ask a dashboard.
namespace PromptBoard {

// The environment list's note under env ("waiting for password").
inline QString note(const MainWindow &w, const QString &env)
{
    using namespace Qt::StringLiterals;
    const EnvironmentsModel *m = w.environmentsModel();
    for (int r = 1; r < m->rowCount(); ++r) {
        const QModelIndex i = m->index(r);
        if (i.data(EnvironmentsModel::EnvironmentNameRole).toString() == env)
            return i.data(EnvironmentsModel::NoteRole).toString();
    }
    return u"(no such environment)"_s;
}
inline void selectEnvironment(MainWindow &w, const QString &env)
{
    const EnvironmentsModel *m = w.environmentsModel();
    for (int r = 1; r < m->rowCount(); ++r) {
        if (m->index(r).data(EnvironmentsModel::EnvironmentNameRole).toString() == env)
            w.environmentsView()->setCurrentIndex(m->index(r));
    }
}
inline const CheckResult *result(const MainWindow &w, const QString &env, const QString &check)
{
    const int row = w.resultsModel()->rowOf(env, check);
    return row < 0 ? nullptr : w.resultsModel()->resultAt(row);
}
// The environment has a result for every check, none of them greyed as the last run's.
inline bool hasFreshResults(const MainWindow &w, const QString &env)
{
    int fresh = 0;
    for (int r = 0; r < w.resultsModel()->rowCount(); ++r) {
        if (w.resultsModel()->resultAt(r)->environment == env && !w.resultsModel()->isStale(r))
            ++fresh;
    }
    return fresh == CheckRegistry::builtin().checks().size();
}
inline QStringList windowTitles()
{
    QStringList titles;
    for (QWidget *w : QApplication::topLevelWidgets())
        titles << w->windowTitle();
    return titles;
}
// Every file under dir whose bytes contain needle.
inline QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << f.fileName();
    }
    return hits;
}

} // namespace PromptBoard

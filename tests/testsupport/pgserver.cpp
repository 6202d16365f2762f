// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "pgserver.h"

#include "engine/dbsession.h"
#include "testpaths.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

using namespace Qt::StringLiterals;

PgServer PgServer::fromFixture()
{
    return fromState(qEnvironmentVariable("DOCTOR_PG_STATE"));
}

PgServer PgServer::fromState(const QString &stateDir)
{
    PgServer s;
    s.m_state = stateDir;
    QFile f(s.m_state + u"/server.env"_s);
    if (s.m_state.isEmpty() || !f.open(QIODevice::ReadOnly)) {
        s.m_error = u"no fixture server: run through ctest (fixture 'postgres'), state '%1'"_s.arg(
            s.m_state);
        return s;
    }
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray key = line.left(eq);
        const QString value = QString::fromUtf8(line.mid(eq + 1));
        if (key == "DOCTOR_PG_HOST")
            s.m_host = value;
        else if (key == "DOCTOR_PG_PORT")
            s.m_port = value.toInt();
        else if (key == "DOCTOR_PG_USER")
            s.m_user = value;
        else if (key == "DOCTOR_PG_PASSWORD")
            s.m_password = value;
        else if (key == "DOCTOR_PG_LOG")
            s.m_log = value;
        else if (key == "DOCTOR_PG_CA")
            s.m_ca = value;
        else if (key == "DOCTOR_PG_DATA")
            s.m_data = value;
        else if (key == "DOCTOR_PG_BIN")
            s.m_bin = value;
    }
    if (s.m_port == 0)
        s.m_error = u"server.env has no port"_s;
    return s;
}

Environment PgServer::environment(const QString &name, const QString &database) const
{
    Environment env;
    env.name = name;
    env.connection.host = m_host;
    env.connection.port = QString::number(m_port);
    env.connection.database = database;
    env.connection.user = m_user;
    env.connection.password = m_password;
    env.connectionSource = u"test fixture"_s;
    return env;
}

QString PgServer::npgsqlString(const QString &database) const
{
    return u"Host=%1;Port=%2;Database=%3;Username=%4;Password=%5"_s.arg(m_host).arg(m_port).arg(
        database, m_user, m_password);
}

QSqlDatabase PgServer::addConnection(const QString &connectionName, const QString &database) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    db.setHostName(m_host);
    db.setPort(m_port);
    db.setDatabaseName(database);
    db.setUserName(m_user);
    db.setPassword(m_password);
    return db;
}

// Opens a superuser connection to database on the calling thread, hands it to use, and
// removes it again; returns the connect error, if any.
template <typename Use>
static QString withConnection(const PgServer &pg, const QString &database, Use use)
{
    const QString name = DbSession::nextConnectionName();
    QString error;
    {
        QSqlDatabase db = pg.addConnection(name, database);
        if (db.open())
            use(db);
        else
            error = db.lastError().text();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

QString PgServer::exec(const QString &database, const QStringList &statements) const
{
    QString error;
    const QString connectError = withConnection(*this, database, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        for (const QString &sql : statements) {
            if (!q.exec(sql)) {
                error = sql + u": "_s + q.lastError().text();
                break;
            }
        }
    });
    return connectError.isEmpty() ? error : connectError;
}

QVariant PgServer::scalar(const QString &database, const QString &sql) const
{
    QVariant value;
    withConnection(*this, database, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (q.exec(sql) && q.next())
            value = q.value(0);
    });
    return value;
}

QString PgServer::createDatabase(const QString &prefix) const
{
    const QString name = prefix + u'_' + QUuid::createUuid().toString(QUuid::Id128).left(12);
    // Test executables run in parallel, and CREATE DATABASE fails while another session
    // is copying the same template ("source database is being accessed by other users").
    QString error;
    for (int attempt = 0; attempt < 50; ++attempt) {
        error = exec(u"postgres"_s, { u"CREATE DATABASE \"%1\""_s.arg(name) });
        if (error.isEmpty())
            return name;
        if (!error.contains(u"being accessed by other users"))
            break;
        QThread::msleep(100);
    }
    qWarning("createDatabase(%s): %s", qPrintable(prefix), qPrintable(error));
    return QString();
}

bool PgServer::restart(QString *message) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(TestPaths::sourceDir() + u"/tools/pg-fixture"_s, { u"restart"_s, m_state });
    const bool ok = p.waitForFinished(60000) && p.exitCode() == 0;
    *message = QString::fromUtf8(p.readAll());
    return ok;
}

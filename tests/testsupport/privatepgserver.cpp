// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "privatepgserver.h"

#include "testpaths.h"

#include <QFile>
#include <QProcess>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QString run(const QString &program, const QStringList &args, const QProcessEnvironment &env,
    int timeoutMs = 60000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return u"%1 did not finish: %2"_s.arg(program, QString::fromUtf8(p.readAll()));
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return u"%1 %2 failed: %3"_s.arg(program, args.join(u' '), QString::fromUtf8(p.readAll()));
    return {};
}

} // namespace

PrivatePgServer::PrivatePgServer(const QProcessEnvironment &environment)
    : m_environment(environment)
{
    if (!m_state.isValid()) {
        m_error = u"no temporary folder: "_s + m_state.errorString();
        return;
    }
    m_state.setAutoRemove(false); // tools/pg-fixture stop removes it
    m_error = fixture(u"start"_s);
    if (!m_error.isEmpty())
        return;
    m_server = PgServer::fromState(m_state.path());
    if (!m_server.isValid())
        m_error = m_server.error();
}

PrivatePgServer::~PrivatePgServer()
{
    fixture(u"stop"_s);
}

QString PrivatePgServer::fixture(const QString &command)
{
    return run(TestPaths::sourceDir() + u"/tools/pg-fixture"_s, { command, m_state.path() },
        m_environment);
}

QString PrivatePgServer::configure(const QStringList &settings)
{
    QStringList statements;
    for (const QString &s : settings)
        statements << u"ALTER SYSTEM SET "_s + s;
    if (const QString e = m_server.exec(u"postgres"_s, statements); !e.isEmpty())
        return e;
    return fixture(u"restart"_s);
}

QString PrivatePgServer::writeHba(const QStringList &lines)
{
    QFile f(m_server.dataDirectory() + u"/pg_hba.conf"_s);
    // Rewritten in place, so the file keeps its owner (the server's, when tests run as root).
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return f.fileName() + u": "_s + f.errorString();
    f.write(lines.join(u'\n').toUtf8() + '\n');
    f.close();
    const QVariant reloaded = m_server.scalar(u"postgres"_s, u"SELECT pg_reload_conf()"_s);
    if (!reloaded.toBool())
        return u"pg_reload_conf() failed"_s;
    const QVariant errors = m_server.scalar(u"postgres"_s,
        u"SELECT string_agg(error, '; ') FROM pg_hba_file_rules WHERE error IS NOT NULL"_s);
    return errors.toString();
}

QString PrivatePgServer::pgCtl(const QStringList &args)
{
    const QString pgCtl = m_server.binDirectory() + u"/pg_ctl"_s;
    QStringList all = args;
    all << u"-D"_s << m_server.dataDirectory();
    // PostgreSQL refuses to run as root; tools/pg-fixture runs it as 'postgres' then.
    if (::geteuid() == 0) {
        const passwd *owner = ::getpwnam("postgres");
        if (!owner)
            return u"no 'postgres' user to run pg_ctl as"_s;
        return run(u"setpriv"_s,
            QStringList { u"--reuid=postgres"_s, u"--regid=%1"_s.arg(owner->pw_gid),
                u"--init-groups"_s, pgCtl }
                + all,
            m_environment);
    }
    return run(pgCtl, all, m_environment);
}

QString PrivatePgServer::start()
{
    return pgCtl({ u"start"_s, u"-w"_s, u"-t"_s, u"30"_s, u"-o"_s, u"-p %1"_s.arg(m_server.port()),
        u"-l"_s, m_server.logPath() });
}

QString PrivatePgServer::startAsStandbyWithoutHotStandby()
{
    const QString data = m_server.dataDirectory();
    QFile conf(data + u"/postgresql.conf"_s);
    if (!conf.open(QIODevice::Append))
        return conf.fileName() + u": "_s + conf.errorString();
    conf.write("hot_standby = off\n");
    conf.close();
    QFile signal(data + u"/standby.signal"_s);
    if (!signal.open(QIODevice::WriteOnly))
        return signal.fileName() + u": "_s + signal.errorString();
    signal.close();
    if (::geteuid() == 0) {
        if (const passwd *owner = ::getpwnam("postgres"))
            if (::chown(
                    QFile::encodeName(signal.fileName()).constData(), owner->pw_uid, owner->pw_gid)
                != 0)
                return u"chown standby.signal failed"_s;
    }
    return start();
}

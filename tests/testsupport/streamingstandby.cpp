// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "streamingstandby.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// A loopback port nobody listens on now (a server may still take it before the standby
// does; start() then fails and the caller tries another).
int freePort()
{
    for (int i = 0; i < 50; ++i) {
        const int port = 20000 + int(QRandomGenerator::global()->bounded(20000));
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(quint16(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const bool free = fd >= 0
            && ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
        if (fd >= 0)
            ::close(fd);
        if (free)
            return port;
    }
    return 0;
}

} // namespace

StreamingStandby::StreamingStandby(const PgServer &primary, const QString &slot)
    : m_primary(primary)
    , m_state(u"/tmp/doctor-standby-state.XXXXXX"_s)
{
    QTemporaryDir folder(u"/tmp/doctor-standby.XXXXXX"_s);
    if (!m_state.isValid() || !folder.isValid()) {
        m_error = u"no temporary folder"_s;
        return;
    }
    folder.setAutoRemove(false); // the destructor stops the server, then removes it
    m_dir = folder.path();
    // PostgreSQL runs as 'postgres' when the tests run as root (tools/pg-fixture).
    if (::geteuid() == 0) {
        const passwd *owner = ::getpwnam("postgres");
        if (!owner
            || ::chown(QFile::encodeName(m_dir).constData(), owner->pw_uid, owner->pw_gid) != 0) {
            m_error = u"cannot hand %1 to the postgres user"_s.arg(m_dir);
            return;
        }
    }
    const QString data = m_dir + u"/data"_s;
    QStringList backup { u"-h"_s, primary.host(), u"-p"_s, QString::number(primary.port()), u"-U"_s,
        primary.user(), u"-D"_s, data, u"-R"_s, u"-X"_s, u"stream"_s, u"-c"_s, u"fast"_s };
    if (!slot.isEmpty())
        backup << u"-C"_s << u"-S"_s << slot;
    m_error = asOwner(primary.binDirectory() + u"/pg_basebackup"_s, backup);
    if (!m_error.isEmpty())
        return;
    // The standby reports its positions every second (10 s by default), so the primary's
    // pg_stat_replication follows a test within one.
    QFile conf(data + u"/postgresql.conf"_s);
    if (!conf.open(QIODevice::Append)) {
        m_error = conf.fileName() + u": "_s + conf.errorString();
        return;
    }
    conf.write("hot_standby = on\nwal_receiver_status_interval = 1\n");
    conf.close();

    const QString log = m_dir + u"/server.log"_s;
    int port = 0;
    for (int attempt = 0; attempt < 5; ++attempt) {
        port = freePort();
        m_error = asOwner(primary.binDirectory() + u"/pg_ctl"_s,
            { u"start"_s, u"-w"_s, u"-t"_s, u"30"_s, u"-D"_s, data, u"-l"_s, log, u"-o"_s,
                u"-p %1 -k %2"_s.arg(port).arg(m_dir) });
        if (m_error.isEmpty())
            break;
    }
    if (!m_error.isEmpty())
        return;
    QFile env(m_state.filePath(u"server.env"_s));
    if (!env.open(QIODevice::WriteOnly)) {
        m_error = env.fileName() + u": "_s + env.errorString();
        return;
    }
    env.write(u"DOCTOR_PG_DIR=%1\nDOCTOR_PG_DATA=%2\nDOCTOR_PG_BIN=%3\nDOCTOR_PG_HOST=%4\n"
              "DOCTOR_PG_PORT=%5\nDOCTOR_PG_USER=%6\nDOCTOR_PG_PASSWORD=%7\nDOCTOR_PG_LOG=%8\n"
              "DOCTOR_PG_CA=%9\n"_s.arg(m_dir, data, primary.binDirectory(), primary.host())
                  .arg(port)
                  .arg(primary.user(), primary.password(), log, primary.caCertificate())
                  .toUtf8());
    env.close();
    m_server = PgServer::fromState(m_state.path());
    if (!m_server.isValid())
        m_error = m_server.error();
}

StreamingStandby::~StreamingStandby()
{
    if (m_dir.isEmpty())
        return;
    if (QFile::exists(m_dir + u"/data/postmaster.pid"_s)) {
        asOwner(m_primary.binDirectory() + u"/pg_ctl"_s,
            { u"stop"_s, u"-m"_s, u"immediate"_s, u"-w"_s, u"-D"_s, m_dir + u"/data"_s });
    }
    QDir(m_dir).removeRecursively();
}

QString StreamingStandby::asOwner(const QString &program, const QStringList &args) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PGPASSWORD"_s, m_primary.password());
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (::geteuid() == 0) {
        const passwd *owner = ::getpwnam("postgres");
        if (!owner)
            return u"no 'postgres' user to run %1 as"_s.arg(program);
        p.start(u"setpriv"_s,
            QStringList { u"--reuid=postgres"_s, u"--regid=%1"_s.arg(owner->pw_gid),
                u"--init-groups"_s, program }
                + args);
    } else {
        p.start(program, args);
    }
    if (!p.waitForFinished(90000)) {
        p.kill();
        p.waitForFinished();
        return u"%1 did not finish"_s.arg(program);
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return u"%1 failed: %2"_s.arg(program, QString::fromUtf8(p.readAll()).trimmed());
    return {};
}

bool StreamingStandby::waitFor(const QString &standbyFunction, int timeoutMs) const
{
    // With synchronous_commit off (tools/pg-fixture) WAL may sit unwritten on the primary,
    // where no standby can receive it: a synchronous commit flushes everything inserted
    // before it, and the flush position is then what the standby can reach.
    m_primary.exec(u"postgres"_s, { u"SET synchronous_commit = on"_s, u"SELECT txid_current()"_s });
    // The insert position, not the flush position: whatever was written before this call
    // is below it, flushed by that commit or, should it not have flushed (a full suite on two
    // busy cores once saw the standby "caught up" short of the last INSERT), by the WAL
    // writer within wal_writer_delay.
    const QString target
        = m_primary.scalar(u"postgres"_s, u"SELECT pg_current_wal_insert_lsn()::text"_s).toString();
    const QString sql = u"SELECT %1() >= '%2'::pg_lsn"_s.arg(standbyFunction, target);
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (m_server.scalar(u"postgres"_s, sql).toBool())
            return true;
        QThread::msleep(50);
    }
    return false;
}

bool StreamingStandby::waitForReceive(int timeoutMs) const
{
    return waitFor(u"pg_last_wal_receive_lsn"_s, timeoutMs);
}

bool StreamingStandby::waitForReplay(int timeoutMs) const
{
    return waitFor(u"pg_last_wal_replay_lsn"_s, timeoutMs);
}

bool StreamingStandby::waitUntilPrimarySeesReplay(int timeoutMs) const
{
    const QString sql = u"SELECT count(*) = 0 FROM pg_stat_replication "
                        "WHERE replay_lsn IS NULL OR replay_lsn < pg_current_wal_flush_lsn()"_s;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (m_primary.scalar(u"postgres"_s, sql).toBool())
            return true;
        QThread::msleep(50);
    }
    return false;
}

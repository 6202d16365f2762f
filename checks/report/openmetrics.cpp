// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "report/openmetrics.h"

#include "postgres/lockscheck.h"
#include "postgres/migrationscheck.h"

#include <QHash>
#include <QStringList>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// One family's text: its metadata and samples, written in order.
class Family
{
public:
    Family(const QString &name, const QString &help, const QString &unit = {})
        : m_name(name)
    {
        m_text = u"# TYPE %1 gauge\n"_s.arg(name);
        if (!unit.isEmpty())
            m_text += u"# UNIT %1 %2\n"_s.arg(name, unit);
        m_text += u"# HELP %1 %2\n"_s.arg(name, escapeHelp(help));
    }

    void add(const QList<QPair<QString, QString>> &labels, const QString &value)
    {
        QStringList pairs;
        for (const auto &[label, v] : labels)
            pairs << u"%1=\"%2\""_s.arg(label, OpenMetrics::escapeLabelValue(v));
        m_text += m_name + u'{' + pairs.join(u',') + u"} "_s + value + u'\n';
    }

    const QString &text() const { return m_text; }

private:
    // HELP escapes backslash and line feed only (OpenMetrics, "Escaping").
    static QString escapeHelp(QString s)
    {
        return s.replace(u"\\"_s, u"\\\\"_s).replace(u"\n"_s, u"\\n"_s);
    }

    QString m_name;
    QString m_text;
};

std::optional<int> statusValue(CheckStatus s)
{
    switch (s) {
    case CheckStatus::Pass:
        return 0;
    case CheckStatus::Warn:
        return 1;
    case CheckStatus::Fail:
        return 2;
    case CheckStatus::Error:
    case CheckStatus::NotRun:
        return 3;
    case CheckStatus::Skipped:
        break;
    }
    return {};
}

// Seconds with millisecond precision, as the results measure them.
QString seconds(double s)
{
    return QString::number(s, 'f', 3);
}

// Keys in first-seen order, so samples follow the results' (environment, check) order.
template <typename V> struct Ordered
{
    QStringList keys;
    QHash<QString, V> values;
    V &operator[](const QString &key)
    {
        if (!values.contains(key))
            keys << key;
        return values[key];
    }
};

struct CheckSample
{
    QString environment, check;
    CheckStatus worst = CheckStatus::Skipped;
    qint64 durationMs = 0;
};

struct MigrationSample
{
    QString environment, tool;
    int pending = 0, failed = 0;
    bool pendingKnown = false;
};

// The tool of a migrations result: the first word of its subject "<tool> <schema>.<table>".
QString toolOf(const CheckResult &r)
{
    const QString fromEvidence = r.evidenceValue(u"Tool"_s).toString();
    return fromEvidence.isEmpty() ? r.subject.section(u' ', 0, 0) : fromEvidence;
}

} // namespace

QString OpenMetrics::escapeLabelValue(const QString &value)
{
    QString s = value;
    return s.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s).replace(u"\n"_s, u"\\n"_s);
}

QByteArray OpenMetrics::exposition(const QList<CheckResult> &results, const Run &run)
{
    Ordered<CheckSample> checks;
    Ordered<MigrationSample> migrations;
    QList<QPair<QString, double>> lockWaits;
    for (const CheckResult &r : results) {
        if (r.status != CheckStatus::Skipped) {
            CheckSample &c = checks[r.environment + u'\n' + r.checkId];
            c.environment = r.environment;
            c.check = r.checkId;
            if (c.worst == CheckStatus::Skipped || Status::rank(r.status) > Status::rank(c.worst))
                c.worst = r.status;
            c.durationMs = qMax(c.durationMs, r.durationMs);
        }
        const QVariant pending = r.evidenceValue(u"PendingCount"_s);
        if (r.checkId == MigrationsCheck::Id && pending.isValid() && !toolOf(r).isEmpty()) {
            MigrationSample &m = migrations[r.environment + u'\n' + toolOf(r)];
            m.environment = r.environment;
            m.tool = toolOf(r);
            bool known = false;
            const int n = pending.toString() == u"unknown" ? 0 : pending.toInt(&known);
            m.pending += known ? n : 0;
            m.pendingKnown = m.pendingKnown || known;
            m.failed += int(r.evidenceValue(u"FailedMigrations"_s).toStringList().size());
        }
        const QVariant wait = r.evidenceValue(u"LongestWaitSeconds"_s);
        if (r.checkId == LocksCheck::Id && wait.isValid())
            lockWaits << qMakePair(r.environment, wait.toDouble());
    }

    const QString env = u"environment"_s;
    Family status(u"doctor_check_status"_s,
        u"Worst result of the check on the environment in the last run: 0 pass, 1 warn, "
        "2 fail, 3 error or not run (a skipped check has no series)."_s);
    Family duration(u"doctor_check_duration_seconds"_s,
        u"How long the check took on the environment in the last run."_s, u"seconds"_s);
    for (const QString &key : std::as_const(checks.keys)) {
        const CheckSample &c = checks.values[key];
        const QList<QPair<QString, QString>> labels { { env, c.environment },
            { u"check"_s, c.check } };
        status.add(labels, QString::number(*statusValue(c.worst)));
        duration.add(labels, seconds(double(c.durationMs) / 1000));
    }
    Family pending(u"doctor_migrations_pending"_s,
        u"Migrations of the tool expected but not applied on the environment, over its "
        "histories with a known expected set."_s);
    Family failed(u"doctor_migrations_failed"_s,
        u"Migrations of the tool that failed or are dirty on the environment."_s);
    for (const QString &key : std::as_const(migrations.keys)) {
        const MigrationSample &m = migrations.values[key];
        const QList<QPair<QString, QString>> labels { { env, m.environment },
            { u"tool"_s, m.tool } };
        if (m.pendingKnown)
            pending.add(labels, QString::number(m.pending));
        failed.add(labels, QString::number(m.failed));
    }
    Family locks(u"doctor_lock_wait_seconds"_s,
        u"Longest wait of a session for a lock on the environment (check.postgres.locks)."_s,
        u"seconds"_s);
    for (const auto &[environment, s] : std::as_const(lockWaits))
        locks.add({ { env, environment } }, seconds(s));
    Family lastRun(u"doctor_last_run_timestamp_seconds"_s,
        u"When the shard's last doctor run finished (Unix time)."_s, u"seconds"_s);
    lastRun.add(
        { { u"shard"_s, run.shard } }, seconds(double(run.finishedAt.toMSecsSinceEpoch()) / 1000));

    const QString text = status.text() + duration.text() + pending.text() + failed.text()
        + locks.text() + lastRun.text() + u"# EOF\n"_s;
    return text.toUtf8();
}

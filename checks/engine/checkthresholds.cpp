// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/checkthresholds.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

constexpr double Day = 86400;
constexpr double Year = 31536000;
constexpr double GiB = 1073741824.0;
// Transaction ids wrap at 2^31 (PostgreSQL refuses new ones about 3 million before it;
// "Preventing Transaction ID Wraparound Failures" in the manual). MultiXact ids too.
constexpr double XidLimit = 2147483648.0;

} // namespace

namespace CheckThresholds {

const QList<ThresholdSpec> &all()
{
    // The defaults are issue 17's (the anchors: check_postgres, PgHero, pgwatch defaults).
    static const QList<ThresholdSpec> table {
        // check.postgres.long-transactions
        { "long-transactions", "queryWarnSeconds", 60, 0.1, Year, nullptr },
        { "long-transactions", "transactionWarnSeconds", 300, 0.1, Year, "transactionFailSeconds" },
        { "long-transactions", "transactionFailSeconds", 3600, 0.1, Year, nullptr },
        { "long-transactions", "idleInTransactionWarnSeconds", 300, 0.1, Year, nullptr },
        // check.postgres.wraparound: ages in transactions (age(datfrozenxid), mxid_age()).
        { "wraparound", "warnAge", 0.5 * XidLimit, 1, XidLimit, "failAge" },
        { "wraparound", "failAge", 0.75 * XidLimit, 1, XidLimit, nullptr },
        // A warning too once an age passes autovacuum_freeze_max_age by this factor
        // (1.5: autovacuum's anti-wraparound vacuums are not keeping up).
        { "wraparound", "freezeMaxAgeFactor", 1.5, 1, 100, nullptr },
        // check.postgres.replication
        { "replication", "lagWarnSeconds", 30, 0.1, Year, nullptr },
        { "replication", "lagWarnBytes", GiB, 1, 1024 * GiB, nullptr },
        // A slot retaining more WAL than this fails (an inactive slot warns at any size).
        { "replication", "slotRetainedFailBytes", 10 * GiB, 1, 1024 * GiB, nullptr },
        // check.postgres.sequences: percent of the column's or the sequence's maximum.
        { "sequences", "warnPercent", 75, 0.001, 100, "failPercent" },
        { "sequences", "failPercent", 90, 0.001, 100, nullptr },
        // check.postgres.vacuum
        { "vacuum", "deadTuplesPercent", 20, 0, 100, nullptr },
        { "vacuum", "deadTuplesMin", 10000, 0, 1e12, nullptr },
        { "vacuum", "notVacuumedSeconds", Day, 1, 10 * Year, nullptr },
    };
    return table;
}

const ThresholdSpec *find(const QString &check, const QString &key)
{
    for (const ThresholdSpec &s : all()) {
        if (check == QLatin1StringView(s.check) && key == QLatin1StringView(s.key))
            return &s;
    }
    return nullptr;
}

QStringList checks()
{
    QStringList names;
    for (const ThresholdSpec &s : all()) {
        const QString c = QString::fromLatin1(s.check);
        if (!names.contains(c))
            names << c;
    }
    return names;
}

QString shortName(const QString &checkId)
{
    return checkId.section(u'.', -1);
}

} // namespace CheckThresholds

double ThresholdValues::value(const QString &check, const QString &key) const
{
    const auto it = set.constFind(check + u'/' + key);
    if (it != set.cend())
        return *it;
    const ThresholdSpec *spec = CheckThresholds::find(check, key);
    Q_ASSERT_X(spec, "ThresholdValues::value", "a threshold missing from CheckThresholds::all()");
    return spec ? spec->defaultValue : 0;
}

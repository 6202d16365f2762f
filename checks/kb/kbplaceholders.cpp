// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "kb/kbplaceholders.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
// The look-behind keeps heredocs ("<<eof>") and here-strings out; the name rule keeps
// "< file", "<(cmd)" and "<<EOF" out.
const QRegularExpression &placeholder()
{
    static const QRegularExpression re(u"(?<!<)<([a-z][a-z0-9-]*)>"_s);
    return re;
}
} // namespace

QStringList KbPlaceholders::find(const QString &text)
{
    QStringList names;
    auto it = placeholder().globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

QString KbPlaceholders::fill(const QString &text, const QMap<QString, QString> &values)
{
    // One pass over the original text, so a value that itself looks like "<name>" is
    // inserted as is and never expanded again.
    QString out;
    out.reserve(text.size());
    qsizetype done = 0;
    auto it = placeholder().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const auto value = values.constFind(m.captured(1));
        if (value == values.cend())
            continue;
        out += QStringView(text).sliced(done, m.capturedStart() - done);
        out += *value;
        done = m.capturedEnd();
    }
    out += QStringView(text).sliced(done);
    return out;
}

QMap<QString, QString> KbPlaceholders::fromEvidence(const Evidence &evidence)
{
    static const QRegularExpression safe(u"^[A-Za-z0-9_.:/@+-]+$"_s);
    static const struct
    {
        const char16_t *key;
        const char16_t *name;
    } sources[] = { { u"HistorySchema", u"history-schema" }, { u"HistoryTable", u"history-table" },
        { u"LatestApplied", u"latest-applied" }, { u"FailedMigrations", u"failed-migration" },
        { u"ModifiedMigrations", u"modified-migration" },
        { u"PendingMigrations", u"pending-migration" },
        // check.postgres.wraparound: the oldest table here and the oldest database;
        // check.postgres.sequences: the sequence nearest its limit and the column it feeds.
        { u"OldestTable", u"freeze-table" }, { u"OldestDatabase", u"freeze-database" },
        { u"HighestSequence", u"sequence-name" }, { u"HighestTable", u"sequence-table" },
        { u"HighestColumn", u"sequence-column" },
        // check.postgres.locks: the root blocker's pid and role, an old prepared transaction.
        { u"RootBlockerPid", u"root-pid" }, { u"RootBlockerUser", u"root-user" },
        { u"BlockedDdlUser", u"ddl-user" }, { u"PreparedTransactionIds", u"prepared-gid" },
        // check.postgres.migrations: the session holding a history's migration lock.
        { u"LockHolderPid", u"lock-holder-pid" },
        // check.postgres.long-transactions: the session with the oldest transaction.
        { u"OldestPid", u"oldest-pid" }, { u"OldestUser", u"oldest-user" },
        // check.postgres.invalid-objects: the first invalid index and unvalidated constraint.
        { u"InvalidIndexes", u"invalid-index" }, { u"ConstraintTable", u"constraint-table" },
        { u"ConstraintName", u"constraint-name" },
        // check.postgres.replication: the slot to drop; check.postgres.vacuum: the tables.
        { u"InactiveSlotNames", u"slot-name" }, { u"DeadTupleTables", u"vacuum-table" },
        { u"AutovacuumOffTables", u"vacuum-off-table" } };
    QMap<QString, QString> values;
    for (const auto &[key, value] : evidence) {
        for (const auto &s : sources) {
            if (key != QStringView(s.key))
                continue;
            // Lists (a QStringList, or a QVariantList read back from JSON): their first item.
            const QStringList items = value.toStringList();
            const QString text = items.isEmpty() ? value.toString() : items.first();
            if (safe.match(text).hasMatch())
                values.insert(QString::fromUtf16(s.name), text);
        }
    }
    return values;
}

QStringList KbPlaceholders::known()
{
    // Where the values come from: the environments file ("placeholders:"), the demo, or
    // `doctor kb show --set name=value`; the history-*, *-migration and latest-applied ones
    // also from the result's evidence (fromEvidence). The app-* ones name the application
    // whose migration tool a history belongs to (the migration tools' articles).
    return { u"app-deployment"_s, u"app-dir"_s, u"app-service"_s, u"ca-file"_s, u"compose-file"_s,
        u"constraint-name"_s, u"constraint-table"_s, u"datasource-file"_s, u"db-host"_s,
        u"db-name"_s, u"db-port"_s, u"db-service"_s, u"db-user"_s, u"ddl-user"_s,
        u"failed-migration"_s, u"freeze-database"_s, u"freeze-table"_s, u"history-schema"_s,
        u"history-table"_s, u"invalid-index"_s, u"latest-applied"_s, u"lock-holder-pid"_s,
        u"migrations-assembly"_s, u"migrations-dir"_s, u"modified-migration"_s, u"namespace"_s,
        u"oldest-pid"_s, u"oldest-user"_s, u"pending-migration"_s, u"platform-app-label"_s,
        u"platform-deployment"_s, u"platform-pod"_s, u"platform-secret"_s, u"platform-version"_s,
        u"postgres-app-label"_s, u"postgres-pod"_s, u"postgres-statefulset"_s, u"prepared-gid"_s,
        u"previous-version"_s, u"root-pid"_s, u"root-user"_s, u"secret-env-file"_s,
        u"sequence-column"_s, u"sequence-name"_s, u"sequence-table"_s, u"service-name"_s,
        u"slot-name"_s, u"vacuum-off-table"_s, u"vacuum-table"_s };
}

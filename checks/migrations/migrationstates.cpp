// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrations/migrationstates.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

using State = MigrationEntry::State;

bool integerVersions(MigrationTool tool)
{
    return tool == MigrationTool::GolangMigrate || tool == MigrationTool::Goose
        || tool == MigrationTool::Sqlx || tool == MigrationTool::FluentMigrator;
}

QString withoutLeadingZeros(const QString &digits)
{
    qsizetype i = 0;
    while (i + 1 < digits.size() && digits[i] == u'0')
        ++i;
    return digits.sliced(i);
}

// Flyway compares versions by their numeric parts ("1.01" = "1.1", "1.0" = "1"), and
// writes '_' in a file name's version as '.'.
QString flywayKey(const QString &version)
{
    if (version.startsWith(u"R__"))
        return version;
    QStringList parts = QString(version).replace(u'_', u'.').split(u'.');
    for (QString &p : parts)
        p = withoutLeadingZeros(p);
    while (parts.size() > 1 && parts.last() == u"0")
        parts.removeLast();
    return parts.join(u'.');
}

// The Liquibase identity compared: id, author and the changelog file's last path component
// (the path Liquibase records depends on how it was started).
QString liquibaseKey(const QString &id)
{
    const QStringList p = id.split(u"::"_s);
    if (p.size() < 3)
        return id;
    const QString file = p.first().section(u'/', -1).section(u'\\', -1);
    return file + u"::"_s + p.mid(1).join(u"::"_s);
}

QString keyOf(MigrationTool tool, const QString &id)
{
    if (integerVersions(tool))
        return withoutLeadingZeros(id.trimmed());
    if (tool == MigrationTool::Flyway)
        return flywayKey(id);
    if (tool == MigrationTool::Liquibase)
        return liquibaseKey(id);
    return id;
}

// Numeric-aware order of two versions (Flyway's parts, integer versions), for out-of-order.
bool versionBelow(const QString &a, const QString &b)
{
    const QStringList pa = a.split(u'.'), pb = b.split(u'.');
    for (qsizetype i = 0; i < qMax(pa.size(), pb.size()); ++i) {
        const QString x = i < pa.size() ? pa[i] : u"0"_s, y = i < pb.size() ? pb[i] : u"0"_s;
        if (x.size() != y.size())
            return x.size() < y.size();
        if (x != y)
            return x < y;
    }
    return false;
}

// Prisma 2 wrote its SHA-256 hex without zero padding per byte ("0a" as "a"), and Prisma
// still accepts it (prisma-engines checksum.rs, script_matches_checksum, issue #1887).
bool unpaddedMatches(MigrationTool tool, const QString &stored, const QString &computed)
{
    if (tool != MigrationTool::Prisma || stored.size() >= computed.size())
        return false;
    QString unpadded;
    for (qsizetype i = 0; i + 1 < computed.size(); i += 2)
        unpadded += computed[i] == u'0' ? computed.sliced(i + 1, 1) : computed.sliced(i, 2);
    return stored == unpadded;
}

// Whether a stored checksum is the file's (ExpectedSet::checksums: Prisma's holds the
// alternatives after a space).
bool checksumMatches(MigrationTool tool, const QString &stored, const QString &alternatives)
{
    // Prisma's: the file's checksum, then the one with line endings swapped.
    for (const QString &computed : alternatives.split(u' ', Qt::SkipEmptyParts)) {
        if (stored == computed || unpaddedMatches(tool, stored, computed))
            return true;
    }
    return false;
}
} // namespace

namespace MigrationStates {

QString shortened(const QString &text)
{
    if (text.isEmpty()) // nearly every row: no pattern to run
        return text;
    static const QRegularExpression secrets(
        u"((?:password|pwd|passwd)\\s*[=:]\\s*|password\\s+(?='))(\"[^\"]*\"|'[^']*'|[^\\s;,&]+)|"
        "(://[^/:@\\s]*:)([^@\\s]*)(@)"_s,
        QRegularExpression::CaseInsensitiveOption);
    QString masked = text;
    masked.replace(secrets, u"\\1\\3********\\5"_s);
    masked = masked.trimmed();
    if (masked.size() <= MaxFailureText)
        return masked;
    qsizetype cut = MaxFailureText - 1;
    if (masked[cut - 1].isHighSurrogate())
        --cut;
    return masked.left(cut) + u'…';
}

HistoryStates evaluate(MigrationTool tool, const QString &history, const QList<HistoryRow> &rows,
    const ExpectedSet *expected)
{
    HistoryStates out;
    const bool known = expected && expected->isKnown();
    const QString toolKey = MigrationTools::key(tool);
    // The last row of each id decides (a retried or repaired migration has several).
    QHash<QString, qsizetype> lastRow;
    QStringList order; // keys in apply order
    QString baseline;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const HistoryRow &r = rows[i];
        const QString key = keyOf(tool, r.id);
        if (tool == MigrationTool::Flyway && r.kind == u"BASELINE")
            baseline = key;
        if (tool == MigrationTool::Flyway && r.kind == u"DELETE") {
            lastRow.remove(key);
            order.removeAll(key);
            continue;
        }
        if (!lastRow.contains(key))
            order << key;
        lastRow.insert(key, i);
    }

    QHash<QString, qsizetype> position; // key -> index in the expected order
    QHash<QString, QString> expectedChecksum;
    QHash<QString, QString> dbUpSuffix; // DbUp: file name -> key
    if (known) {
        for (qsizetype i = expected->ids.size() - 1; i >= 0; --i) {
            const QString key = keyOf(tool, expected->ids[i]);
            position.insert(key, i);
            if (tool == MigrationTool::DbUp)
                dbUpSuffix.insert(key, key);
        }
        for (auto it = expected->checksums.cbegin(); it != expected->checksums.cend(); ++it) {
            // Sqitch: "<change>@<tag>" holds an earlier version of a reworked change, whose
            // hash the registry may still hold (the rework not deployed yet): not Modified.
            const qsizetype at = tool == MigrationTool::Sqitch ? it.key().indexOf(u'@') : -1;
            if (at > 0) {
                QString &alternatives = expectedChecksum[it.key().left(at)];
                alternatives += u' ' + it.value();
            } else {
                QString &alternatives = expectedChecksum[keyOf(tool, it.key())];
                alternatives.prepend(it.value() + u' ');
            }
        }
    }
    // DbUp run from embedded resources stores "Namespace.Folder.file.sql".
    const auto expectedKey = [&](const QString &key) -> QString {
        if (!known || position.contains(key) || tool != MigrationTool::DbUp)
            return key;
        for (auto it = dbUpSuffix.cbegin(); it != dbUpSuffix.cend(); ++it) {
            if (key.endsWith(u'.' + it.key()))
                return it.key();
        }
        return key;
    };

    // Which expected keys count as applied without a row of their own.
    QSet<QString> impliedApplied;
    if (tool == MigrationTool::GolangMigrate && !rows.isEmpty() && known) {
        const QString current = keyOf(tool, rows.last().id);
        for (const QString &id : expected->ids) {
            const QString k = keyOf(tool, id);
            if (k != current && versionBelow(k, current))
                impliedApplied.insert(k);
        }
    }
    if (tool == MigrationTool::Alembic) {
        for (const HistoryRow &r : rows)
            out.heads << r.id;
        if (known) {
            QStringList stack = out.heads;
            while (!stack.isEmpty()) {
                const QString rev = stack.takeLast();
                if (impliedApplied.contains(rev))
                    continue;
                impliedApplied.insert(rev);
                stack << expected->parents.value(rev);
            }
        }
    }
    if (!baseline.isEmpty() && known) {
        for (const QString &id : expected->ids) {
            const QString k = keyOf(tool, id);
            if (!k.startsWith(u"R__") && (k == baseline || versionBelow(k, baseline)))
                impliedApplied.insert(k);
        }
    }

    const auto entry = [&](const QString &id, State state, qsizetype pos, const HistoryRow *r) {
        MigrationEntry e { id, r ? r->description : QString(), state, int(pos + 1), toolKey,
            history, r ? r->appliedAt : QDateTime(), r ? shortened(r->failure) : QString() };
        out.entries << e;
        switch (state) {
        case State::Pending:
            out.pending << id;
            break;
        case State::Failed:
            out.failed << id;
            break;
        case State::Dirty:
            out.dirty << id;
            break;
        case State::Modified:
            out.modified << id;
            break;
        case State::Ahead:
            out.ahead << id;
            break;
        case State::OutOfOrder:
            out.outOfOrder << id;
            break;
        case State::Applied:
            break;
        }
        if (r && out.failureText.isEmpty() && !e.failure.isEmpty())
            out.failureText = e.failure;
    };

    // Rows of the history, in apply order.
    QSet<QString> seen;
    QString highest; // the highest version applied so far, for out-of-order
    const bool ordered = tool == MigrationTool::Flyway || tool == MigrationTool::Goose;
    for (const QString &rowKey : std::as_const(order)) {
        const HistoryRow &r = rows[lastRow.value(rowKey)];
        if (r.kind == u"rolled-back" && !r.failed)
            continue; // Prisma: resolved as rolled back, so it is pending again
        const QString key = expectedKey(rowKey);
        seen.insert(key);
        const qsizetype pos = known ? position.value(key, -1) : -1;
        State state = State::Applied;
        if (r.dirty)
            state = State::Dirty;
        else if (r.failed)
            state = State::Failed;
        else if (known && pos < 0)
            state = State::Ahead;
        else if (known && !r.checksum.isEmpty() && expectedChecksum.contains(key)
            && !checksumMatches(tool, r.checksum, expectedChecksum.value(key)))
            state = key.startsWith(u"R__") ? State::Pending : State::Modified;
        else if (ordered && !key.startsWith(u"R__") && !highest.isEmpty()
            && versionBelow(key, highest))
            state = State::OutOfOrder;
        if (ordered && !key.startsWith(u"R__") && (highest.isEmpty() || versionBelow(highest, key)))
            highest = key;
        entry(r.id, state, pos, &r);
        if (state != State::Failed && state != State::Dirty && state != State::Pending) {
            out.applied << r.id;
            out.latestApplied = r.id;
            out.latestAppliedAt = r.appliedAt;
        }
    }
    if (known) {
        for (qsizetype i = 0; i < expected->ids.size(); ++i) {
            const QString key = keyOf(tool, expected->ids[i]);
            if (seen.contains(key))
                continue;
            if (impliedApplied.contains(key)) {
                entry(expected->ids[i], State::Applied, i, nullptr);
                out.applied << expected->ids[i];
                continue;
            }
            entry(expected->ids[i], State::Pending, i, nullptr);
        }
    }
    std::stable_sort(out.entries.begin(), out.entries.end(),
        [](const MigrationEntry &a, const MigrationEntry &b) {
            const int pa = a.position > 0 ? a.position : INT_MAX;
            const int pb = b.position > 0 ? b.position : INT_MAX;
            return pa < pb;
        });
    return out;
}

} // namespace MigrationStates

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "cli/historylisting.h"

#include "migrations/migrationmatrix.h"
#include "report/texttable.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

QString HistoryListing::stateKey(MigrationEntry::State state)
{
    return MigrationMatrices::cellKey(MigrationMatrices::cellOf(state));
}

QString HistoryListing::isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

namespace {

QJsonValue jsonTime(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(HistoryListing::isoTime(t)) : QJsonValue();
}

QString textTime(const QDateTime &t)
{
    return t.isValid() ? HistoryListing::isoTime(t) : u"-"_s;
}

// The earlier of a and b, where invalid means "none yet".
QDateTime earliest(const QDateTime &a, const QDateTime &b)
{
    return !a.isValid() || (b.isValid() && b < a) ? b : a;
}

QByteArray document(const QString &store, const QString &key, const QJsonArray &items)
{
    const QJsonObject root { { u"schemaVersion"_s, HistoryListing::SchemaVersion },
        { u"store"_s, store }, { key, items } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace

QList<HistoryListing::MigrationLine> HistoryListing::migrationLines(
    const QList<MigrationSighting> &sightings)
{
    QList<MigrationLine> lines;
    QHash<QString, qsizetype> index; // environment, tool, history, id -> line
    for (const MigrationSighting &s : sightings) {
        const QString key = QStringList { s.environment, s.tool, s.history, s.migrationId }.join(
            QChar(0x1f)); // the unit separator: in no name
        auto it = index.constFind(key);
        if (it == index.cend()) {
            MigrationLine l;
            l.environment = s.environment;
            l.tool = s.tool;
            l.history = s.history;
            l.migrationId = s.migrationId;
            it = index.insert(key, lines.size());
            lines << l;
        }
        MigrationLine &l = lines[*it];
        l.sightings << s;
        if (s.state == MigrationEntry::State::Applied)
            l.firstSeenApplied = earliest(l.firstSeenApplied, s.firstSeen);
        if (s.state == MigrationEntry::State::Pending)
            l.firstSeenPending = earliest(l.firstSeenPending, s.firstSeen);
    }
    for (MigrationLine &l : lines) {
        // The current sighting is the state now; without one (pruned away), the newest.
        const auto now = std::max_element(l.sightings.cbegin(), l.sightings.cend(),
            [](const MigrationSighting &a, const MigrationSighting &b) {
                return std::pair(a.current, a.lastSeen) < std::pair(b.current, b.lastSeen);
            });
        l.state = now->state;
        l.since = now->firstSeen;
        l.lastSeen = now->lastSeen;
        l.listed = now->current;
    }
    return lines;
}

QString HistoryListing::resultsText(const QList<StoredResult> &results)
{
    if (results.isEmpty())
        return u"No results recorded for this selection.\n"_s;
    const bool subjects = std::any_of(results.cbegin(), results.cend(),
        [](const StoredResult &r) { return !r.subject.isEmpty(); });
    QStringList headers { u"CHECKED AT"_s, u"ENVIRONMENT"_s, u"CHECK"_s };
    if (subjects)
        headers << u"SUBJECT"_s;
    headers << u"STATUS"_s << u"MESSAGE"_s;
    QList<QStringList> rows;
    for (const StoredResult &r : results) {
        QStringList row { isoTime(r.checkedAt), r.environment, r.checkId };
        if (subjects)
            row << (r.subject.isEmpty() ? u"-"_s : r.subject);
        row << Status::key(r.status) << r.message.section(u'\n', 0, 0).trimmed();
        rows << row;
    }
    return TextTable::render(headers, rows);
}

QByteArray HistoryListing::resultsJson(const QString &store, const QList<StoredResult> &results)
{
    QJsonArray items;
    for (const StoredResult &r : results) {
        items.append(
            QJsonObject { { u"runId"_s, r.runId }, { u"checkedAt"_s, jsonTime(r.checkedAt) },
                { u"environment"_s, r.environment }, { u"checkId"_s, r.checkId },
                { u"subject"_s, r.subject }, { u"status"_s, Status::key(r.status) },
                { u"severity"_s, r.severity }, { u"message"_s, r.message },
                { u"evidence"_s, r.evidence }, { u"durationMs"_s, r.durationMs } });
    }
    return document(store, u"results"_s, items);
}

namespace {

// The line's state as the listings give it: "absent" when the history no longer lists it.
QString lineState(const HistoryListing::MigrationLine &l)
{
    return l.listed ? HistoryListing::stateKey(l.state)
                    : MigrationMatrices::cellKey(MigrationMatrix::Cell::Absent);
}

} // namespace

QString HistoryListing::migrationsText(const QList<MigrationLine> &lines)
{
    if (lines.isEmpty())
        return u"No migrations recorded for this selection.\n"_s;
    QSet<QString> environments, histories;
    for (const MigrationLine &l : lines) {
        environments.insert(l.environment);
        histories.insert(l.tool + u' ' + l.history);
    }
    QStringList headers;
    if (environments.size() > 1)
        headers << u"ENVIRONMENT"_s;
    if (histories.size() > 1)
        headers << u"HISTORY"_s;
    headers << u"MIGRATION"_s << u"STATE"_s << u"SINCE"_s << u"FIRST SEEN APPLIED"_s
            << u"FIRST SEEN PENDING"_s;
    QList<QStringList> rows;
    for (const MigrationLine &l : lines) {
        QStringList row;
        if (environments.size() > 1)
            row << l.environment;
        if (histories.size() > 1)
            row << l.tool + u' ' + l.history;
        row << l.migrationId << lineState(l) << textTime(l.listed ? l.since : QDateTime())
            << textTime(l.firstSeenApplied) << textTime(l.firstSeenPending);
        rows << row;
    }
    QString out;
    if (environments.size() == 1 && histories.size() == 1)
        out += u"%1, %2\n"_s.arg(lines.constFirst().environment, *histories.cbegin());
    return out + TextTable::render(headers, rows);
}

QByteArray HistoryListing::migrationsJson(const QString &store, const QList<MigrationLine> &lines)
{
    QJsonArray items;
    for (const MigrationLine &l : lines) {
        QJsonArray sightings;
        for (const MigrationSighting &s : l.sightings)
            sightings.append(QJsonObject { { u"state"_s, stateKey(s.state) },
                { u"firstSeen"_s, jsonTime(s.firstSeen) }, { u"lastSeen"_s, jsonTime(s.lastSeen) },
                { u"current"_s, s.current } });
        items.append(QJsonObject { { u"environment"_s, l.environment }, { u"tool"_s, l.tool },
            { u"history"_s, l.history }, { u"migrationId"_s, l.migrationId },
            { u"state"_s, lineState(l) },
            { u"since"_s, jsonTime(l.listed ? l.since : QDateTime()) },
            { u"lastSeen"_s, jsonTime(l.lastSeen) },
            { u"firstSeenApplied"_s, jsonTime(l.firstSeenApplied) },
            { u"firstSeenPending"_s, jsonTime(l.firstSeenPending) },
            { u"sightings"_s, sightings } });
    }
    return document(store, u"migrations"_s, items);
}

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "report/matrixwriter.h"

#include "report/texttable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QList<const MigrationMatrix::Row *> shownRows(const MigrationMatrix &m, bool allRows)
{
    QList<const MigrationMatrix::Row *> rows;
    for (const MigrationMatrix::Row &r : m.rows) {
        if (allRows || r.differs)
            rows << &r;
    }
    return rows;
}

qsizetype differingCount(const MigrationMatrix &m)
{
    return std::count_if(m.rows.cbegin(), m.rows.cend(), [](const auto &r) { return r.differs; });
}

QString historyName(const MigrationMatrix::Row &r)
{
    return r.tool + u' ' + r.history;
}

bool severalHistories(const MigrationMatrix &m)
{
    for (const MigrationMatrix::Row &r : m.rows) {
        if (r.tool != m.rows.constFirst().tool || r.history != m.rows.constFirst().history)
            return true;
    }
    return false;
}

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// RFC 4180 section 2: no Qt or Debian-packaged C++ library writes CSV, and the rule is
// this short. Quoted also when a field starts or ends with a space, which some readers trim.
QString csvField(const QString &field)
{
    const bool quote = field.contains(u',') || field.contains(u'"') || field.contains(u'\n')
        || field.contains(u'\r') || field.startsWith(u' ') || field.endsWith(u' ');
    if (!quote)
        return field;
    QString escaped = field;
    escaped.replace(u"\""_s, u"\"\""_s);
    return u'"' + escaped + u'"';
}

QString csvRecord(const QStringList &fields)
{
    QStringList quoted;
    for (const QString &f : fields)
        quoted << csvField(f);
    return quoted.join(u',') + u"\r\n"_s;
}

} // namespace

QString MatrixWriter::text(const MigrationMatrix &m, bool allRows)
{
    const bool histories = severalHistories(m);
    QStringList headers;
    QStringList worst;
    if (histories) {
        headers << u"HISTORY"_s;
        worst << QString();
    }
    headers << u"MIGRATION"_s;
    worst << u"(worst status)"_s;
    for (const MigrationMatrix::Column &c : m.columns) {
        headers << c.environment;
        worst << Status::key(c.worst);
    }
    QList<QStringList> lines { worst };
    const QList<const MigrationMatrix::Row *> rows = shownRows(m, allRows);
    for (const MigrationMatrix::Row *r : rows) {
        QStringList line;
        if (histories)
            line << historyName(*r);
        line << r->migrationId;
        for (const MigrationMatrix::Cell c : r->cells)
            line << MigrationMatrices::cellKey(c);
        lines << line;
    }
    QString out = TextTable::render(headers, lines);
    const qsizetype differing = differingCount(m);
    if (m.rows.isEmpty())
        out += u"\nNo migration history in these environments.\n"_s;
    else if (differing == 0)
        out += u"\nNo migration differs between environments (%1 in all%2).\n"_s.arg(m.rows.size())
                   .arg(allRows ? QString() : u"; --all lists them"_s);
    else
        out += u"\n%1 of %2 migrations differ between environments%3.\n"_s.arg(differing)
                   .arg(m.rows.size())
                   .arg(allRows ? QString() : u"; --all lists every migration"_s);
    return out;
}

QByteArray MatrixWriter::json(const MigrationMatrix &m, bool allRows)
{
    QJsonArray environments;
    for (const MigrationMatrix::Column &c : m.columns)
        environments.append(QJsonObject {
            { u"environment"_s, c.environment }, { u"worst"_s, Status::key(c.worst) } });
    QJsonArray migrations;
    for (const MigrationMatrix::Row *r : shownRows(m, allRows)) {
        QJsonArray cells;
        for (qsizetype i = 0; i < r->cells.size(); ++i) {
            const QDateTime seen = r->firstSeen.value(i);
            cells.append(QJsonObject {
                { u"environment"_s, m.columns.value(i).environment },
                { u"state"_s, MigrationMatrices::cellKey(r->cells.at(i)) },
                { u"firstSeen"_s, seen.isValid() ? QJsonValue(isoTime(seen)) : QJsonValue() },
            });
        }
        migrations.append(QJsonObject { { u"tool"_s, r->tool }, { u"history"_s, r->history },
            { u"migrationId"_s, r->migrationId }, { u"differs"_s, r->differs },
            { u"cells"_s, cells } });
    }
    const QJsonObject root { { u"schemaVersion"_s, SchemaVersion },
        { u"rowsShown"_s, allRows ? u"all"_s : u"differing"_s },
        { u"migrationCount"_s, m.rows.size() }, { u"differingCount"_s, differingCount(m) },
        { u"environments"_s, environments }, { u"migrations"_s, migrations } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray MatrixWriter::csv(const MigrationMatrix &m, bool allRows)
{
    QStringList header { u"tool"_s, u"history"_s, u"migration"_s, u"differs"_s };
    for (const MigrationMatrix::Column &c : m.columns)
        header << c.environment << c.environment + u" first seen"_s;
    QString out = csvRecord(header);
    for (const MigrationMatrix::Row *r : shownRows(m, allRows)) {
        QStringList fields { r->tool, r->history, r->migrationId,
            r->differs ? u"true"_s : u"false"_s };
        for (qsizetype i = 0; i < r->cells.size(); ++i)
            fields << MigrationMatrices::cellKey(r->cells.at(i)) << isoTime(r->firstSeen.value(i));
        out += csvRecord(fields);
    }
    return out.toUtf8();
}

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "report/reportredactor.h"

#include "postgres/locksession.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

using Kind = ReportRedactor::Kind;

const char *prefixOf(Kind kind)
{
    switch (kind) {
    case Kind::Host:
        return "host";
    case Kind::Database:
        return "db";
    case Kind::User:
        return "user";
    case Kind::Client:
        return "client";
    }
    return "value";
}

// Evidence keys whose value names a user, database or client (the checks' own keys).
std::optional<Kind> kindOfEvidence(const QString &key)
{
    if (key == u"RootBlockerUser" || key == u"BlockedDdlUser" || key == u"OldestUser")
        return Kind::User;
    if (key == u"OldestDatabase")
        return Kind::Database;
    if (key == u"LockHolderClient")
        return Kind::Client;
    return std::nullopt;
}

// Keys of the rows checks put in evidence and details (long transactions' sessions,
// replication's standbys and slots, wraparound's databases).
std::optional<Kind> kindOfRowKey(const QString &key)
{
    if (key == u"user" || key == u"owner" || key == u"usename")
        return Kind::User;
    if (key == u"client" || key == u"clientHostName" || key == u"client_addr")
        return Kind::Client;
    if (key.compare(u"database"_s, Qt::CaseInsensitive) == 0)
        return Kind::Database;
    return std::nullopt;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

} // namespace

ReportContent ReportRedactor::redact(const ReportContent &content)
{
    ReportRedactor r;
    r.collect(content);
    return r.apply(content);
}

void ReportRedactor::add(Kind kind, const QString &value)
{
    if (value.isEmpty() || value == u"local")
        return;
    // The databases every PostgreSQL cluster has (initdb creates them) name no customer's
    // system; aliasing them would only garble the text around them (describe()'s "postgres"
    // prefix, the shipped articles' paths ":/kb/postgres/...").
    if (kind == Kind::Database
        && (value == u"postgres" || value == u"template0" || value == u"template1"))
        return;
    if (kind == Kind::Host || kind == Kind::Database) {
        // A libpq host list names several hosts; each is a value of its own.
        if (kind == Kind::Host && value.contains(u',')) {
            for (const QString &h : value.split(u',', Qt::SkipEmptyParts))
                add(kind, h.trimmed());
            return;
        }
    }
    for (const Entry &e : std::as_const(m_entries)) {
        const bool host = e.kind == Kind::Host || kind == Kind::Host;
        if (e.value.compare(value, host ? Qt::CaseInsensitive : Qt::CaseSensitive) == 0)
            return;
    }
    const int n = ++m_counts[int(kind)];
    m_entries << Entry { value, u"%1-%2"_s.arg(QLatin1StringView(prefixOf(kind))).arg(n), kind };
    rebuild();
}

void ReportRedactor::collect(const ReportContent &content)
{
    for (const ReportContent::Server &s : content.environments) {
        add(Kind::Host, s.host);
        add(Kind::Database, s.database);
        add(Kind::User, s.user);
    }
    for (const CheckResult &r : content.results)
        collect(r);
}

void ReportRedactor::collect(const CheckResult &r)
{
    add(Kind::Host, r.target.host);
    add(Kind::Database, r.target.database);
    add(Kind::User, r.target.user);
    for (const auto &[key, value] : r.evidence)
        collectVariant(value, kindOfEvidence(key));
    if (r.details.metaType() == QMetaType::fromType<QList<LockSession>>()) {
        for (const LockSession &s : r.details.value<QList<LockSession>>()) {
            add(Kind::User, s.user);
            add(Kind::Client, s.client);
        }
    } else {
        collectVariant(r.details, std::nullopt);
    }
}

void ReportRedactor::collectVariant(const QVariant &value, std::optional<Kind> kind)
{
    switch (value.typeId()) {
    case QMetaType::QVariantMap: {
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            collectVariant(it.value(), kindOfRowKey(it.key()));
        return;
    }
    case QMetaType::QVariantList:
        for (const QVariant &item : value.toList())
            collectVariant(item, kind);
        return;
    case QMetaType::QStringList:
        if (kind) {
            for (const QString &s : value.toStringList())
                add(*kind, s);
        }
        return;
    case QMetaType::QString:
        if (kind)
            add(*kind, value.toString());
        return;
    default:
        return;
    }
}

void ReportRedactor::rebuild()
{
    QList<const Entry *> order;
    for (const Entry &e : std::as_const(m_entries))
        order << &e;
    std::stable_sort(order.begin(), order.end(),
        [](const Entry *a, const Entry *b) { return a->value.size() > b->value.size(); });
    QStringList alternatives;
    for (const Entry *e : std::as_const(order)) {
        // Boundaries only where the value's own edge is a word character: a value such as
        // "/var/run/postgresql" or "::1" starts a token by itself.
        QString a = QRegularExpression::escape(e->value);
        if (isWordChar(e->value.front()))
            a = uR"((?<![\w])(?<![\w]\.))"_s + a;
        if (isWordChar(e->value.back()))
            a += uR"((?![\w])(?!\.[\w]))"_s;
        alternatives << (e->kind == Kind::Host ? u"(?i:"_s + a + u')' : u"(?:"_s + a + u')');
    }
    m_pattern = QRegularExpression(
        alternatives.join(u'|'), QRegularExpression::UseUnicodePropertiesOption);
}

QString ReportRedactor::aliasOf(const QString &value) const
{
    for (const Entry &e : m_entries) {
        if (e.value == value)
            return e.alias;
    }
    for (const Entry &e : m_entries) {
        if (e.kind == Kind::Host && e.value.compare(value, Qt::CaseInsensitive) == 0)
            return e.alias;
    }
    return {};
}

QList<QPair<QString, QString>> ReportRedactor::aliases() const
{
    QList<QPair<QString, QString>> out;
    for (const Entry &e : m_entries)
        out << qMakePair(e.value, e.alias);
    return out;
}

QString ReportRedactor::apply(const QString &text) const
{
    if (m_entries.isEmpty() || text.isEmpty())
        return text;
    QString out;
    qsizetype at = 0;
    for (auto it = m_pattern.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(at, m.capturedStart() - at);
        out += aliasOf(m.captured());
        at = m.capturedEnd();
    }
    out += QStringView(text).mid(at);
    return out;
}

QVariant ReportRedactor::apply(const QVariant &value) const
{
    switch (value.typeId()) {
    case QMetaType::QString:
        return apply(value.toString());
    case QMetaType::QStringList: {
        QStringList list = value.toStringList();
        for (QString &s : list)
            s = apply(s);
        return list;
    }
    case QMetaType::QVariantList: {
        QVariantList list = value.toList();
        for (QVariant &v : list)
            v = apply(v);
        return list;
    }
    case QMetaType::QVariantMap: {
        QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            it.value() = apply(it.value());
        return map;
    }
    default:
        return value; // numbers, booleans, times: nothing to hide
    }
}

CheckResult ReportRedactor::apply(const CheckResult &result) const
{
    CheckResult r = result;
    r.environment = apply(r.environment);
    r.subject = apply(r.subject);
    r.message = apply(r.message);
    for (auto &[key, value] : r.evidence)
        value = apply(value);
    // A shipped article (":/kb/...") is the product's; a user's own folder may name anything.
    for (QString &runbook : r.remediation.runbooks) {
        if (!runbook.startsWith(u":/"))
            runbook = apply(runbook);
    }
    for (FixSuggestion &f : r.remediation.fixes) {
        f.title = apply(f.title);
        f.command = apply(f.command);
    }
    r.target = CheckTarget { apply(r.target.host), r.target.port, apply(r.target.database),
        apply(r.target.user) };
    r.details = QVariant();
    return r;
}

ReportContent ReportRedactor::apply(const ReportContent &content) const
{
    ReportContent c = content;
    c.redacted = true;
    for (ReportContent::Server &s : c.environments) {
        s.name = apply(s.name);
        s.host = apply(s.host);
        s.database = apply(s.database);
        s.user = apply(s.user);
    }
    for (CheckResult &r : c.results)
        r = apply(r);
    for (MigrationMatrix::Column &col : c.matrix.columns)
        col.environment = apply(col.environment);
    for (MigrationMatrix::Row &row : c.matrix.rows) {
        row.history = apply(row.history);
        row.migrationId = apply(row.migrationId);
    }
    return c;
}

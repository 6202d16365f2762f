// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "report/resultjson.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {
QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// Where the result was checked; a value libpq would default is null, not a guess.
QJsonObject server(const CheckTarget &t)
{
    return QJsonObject { { u"host"_s, orNull(t.host) }, { u"port"_s, orNull(t.port) },
        { u"database"_s, orNull(t.database) }, { u"user"_s, orNull(t.user) } };
}
} // namespace

QJsonObject ResultJson::toJson(const CheckResult &r)
{
    QJsonObject evidence;
    for (const auto &[key, value] : r.evidence)
        evidence.insert(key, QJsonValue::fromVariant(value));
    QJsonArray fixes;
    for (const FixSuggestion &f : r.remediation.fixes) {
        fixes.append(QJsonObject { { u"deployment"_s, Deployment::key(f.deployment) },
            { u"title"_s, f.title }, { u"command"_s, f.command } });
    }
    const QJsonObject remediation { { u"article"_s, r.remediation.article },
        { u"runbooks"_s, QJsonArray::fromStringList(r.remediation.runbooks) },
        { u"fixes"_s, fixes } };
    QJsonObject o { { u"environment"_s, r.environment }, { u"checkId"_s, r.checkId },
        { u"plugin"_s, r.plugin }, { u"status"_s, Status::key(r.status) },
        { u"severity"_s, r.severity }, { u"category"_s, r.category }, { u"message"_s, r.message },
        { u"durationMs"_s, r.durationMs }, { u"evidence"_s, evidence },
        { u"remediation"_s, remediation }, { u"server"_s, server(r.target) } };
    if (!r.subject.isEmpty()) // only where a check reports on several things (version 3)
        o.insert(u"subject"_s, r.subject);
    return o;
}

QByteArray ResultJson::report(const QList<CheckResult> &results, const RunInfo &run)
{
    QJsonArray list;
    for (const CheckResult &r : results)
        list.append(toJson(r));
    const QJsonValue runAt = run.startedAt.isValid()
        ? QJsonValue(run.startedAt.toUTC().toString(Qt::ISODateWithMs))
        : QJsonValue(QJsonValue::Null);
    const QJsonObject root { { u"schemaVersion"_s, SchemaVersion }, { u"runAt"_s, runAt },
        { u"doctorVersion"_s, run.doctorVersion }, { u"results"_s, list } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

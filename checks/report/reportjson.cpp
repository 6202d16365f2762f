// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "report/reportjson.h"

#include "report/matrixwriter.h"
#include "report/reportstyle.h"
#include "report/resultjson.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue time(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs))
                       : QJsonValue(QJsonValue::Null);
}

QJsonObject environment(const ReportContent &c, const QString &name)
{
    const ReportContent::Summary s = c.summaryOf(name);
    QJsonObject counts;
    for (auto it = s.counts.cbegin(); it != s.counts.cend(); ++it)
        counts.insert(Status::key(it.key()), it.value());
    QJsonValue server(QJsonValue::Null);
    QString tls;
    if (const auto sv = ReportStyle::serverOf(c, name)) {
        server = QJsonObject { { u"host"_s, orNull(sv->host) }, { u"port"_s, orNull(sv->port) },
            { u"database"_s, orNull(sv->database) }, { u"user"_s, orNull(sv->user) } };
        tls = sv->tls;
    }
    return QJsonObject { { u"name"_s, name },
        { u"deployment"_s, Deployment::key(c.deploymentOf(name)) }, { u"server"_s, server },
        { u"tls"_s, orNull(tls) },
        { u"worst"_s, s.counts.isEmpty() ? QJsonValue(QJsonValue::Null) : Status::key(s.worst) },
        { u"counts"_s, counts } };
}

} // namespace

QJsonObject ReportJson::toJson(const ReportContent &c)
{
    QJsonArray environments;
    for (const QString &name : c.environmentNames())
        environments.append(environment(c, name));
    QJsonArray results;
    for (const CheckResult &r : c.results)
        results.append(ResultJson::toJson(r));
    return QJsonObject { { u"reportVersion"_s, ReportVersion }, { u"runAt"_s, time(c.startedAt) },
        { u"finishedAt"_s, time(c.finishedAt) }, { u"doctorVersion"_s, c.doctorVersion },
        { u"redacted"_s, c.redacted }, { u"environments"_s, environments },
        { u"matrix"_s, QJsonDocument::fromJson(MatrixWriter::json(c.matrix, true)).object() },
        { u"results"_s, results } };
}

QByteArray ReportJson::write(const ReportContent &c)
{
    return QJsonDocument(toJson(c)).toJson(QJsonDocument::Indented);
}

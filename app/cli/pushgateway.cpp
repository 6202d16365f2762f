// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "cli/pushgateway.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

using namespace Qt::StringLiterals;

QString Pushgateway::groupUrl(const QString &base, const QString &shard)
{
    QUrl url(base, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"http" && url.scheme() != u"https"))
        return {};
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    // The shard is a number, so it needs none of the grouping key's base64 form.
    url.setPath(path + u"/metrics/job/doctor/shard/"_s + shard);
    return url.toString();
}

QString Pushgateway::urlError(const QString &base)
{
    if (!groupUrl(base, u"0"_s).isEmpty())
        return {};
    return u"--push must be the Pushgateway's http:// or https:// URL (as "
           "http://pushgateway:9091), not '%1'"_s.arg(
               QUrl(base).toDisplayString(QUrl::RemoveUserInfo));
}

QString Pushgateway::push(
    const QString &base, const QString &shard, const QByteArray &body, int timeoutMs)
{
    const QString target = groupUrl(base, shard);
    if (target.isEmpty())
        return urlError(base);
    const QString shown = QUrl(target).toDisplayString(QUrl::RemoveUserInfo);
    QNetworkAccessManager manager;
    QNetworkRequest request { QUrl(target) };
    // The Pushgateway parses the Prometheus text format, of which this OpenMetrics text is
    // also an instance (# UNIT and # EOF are comments there); it has no OpenMetrics parser.
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"text/plain; version=0.0.4"_s);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = manager.put(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString error;
    if (httpStatus >= 200 && httpStatus < 300 && reply->error() == QNetworkReply::NoError) {
        // accepted
    } else if (httpStatus != 0) {
        error = u"the Pushgateway at %1 refused the metrics: HTTP %2: %3"_s.arg(shown)
                    .arg(httpStatus)
                    .arg(QString::fromUtf8(reply->readAll().trimmed().left(300)));
    } else if (reply->error() == QNetworkReply::OperationCanceledError) {
        error = u"cannot push the metrics to the Pushgateway at %1: no answer within %2 s"_s
                    .arg(shown)
                    .arg(timeoutMs / 1000);
    } else {
        error = u"cannot push the metrics to the Pushgateway at %1: %2"_s.arg(
            shown, reply->errorString());
    }
    delete reply;
    return error;
}

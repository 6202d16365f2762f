// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// doctor run --push against a real Prometheus Pushgateway (issue 19 §3, RELIABILITY 25): the
// fixture's gateway (tools/pushgateway-fixture; CTest fixture "pushgateway", or one of this
// test's own when run directly). The pushed series are read back from its /metrics; a second
// push of a shard replaces that group and leaves the others; an unreachable or refusing
// gateway costs the push (exit code 5, the URL named) and never the report on stdout.
#include "doctorprocess.h"
#include "testpaths.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int PushFailed = 5; // ExitCode::PushFailed, as README documents it

struct Sample
{
    QString name;
    QHash<QString, QString> labels;
    double value = 0;
};

// The gateway's /metrics (Prometheus text format) as samples; comments left out.
QList<Sample> parse(const QString &text)
{
    static const QRegularExpression line(u"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$"_s);
    static const QRegularExpression label(u"([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\""_s);
    QList<Sample> samples;
    for (const QString &l : text.split(u'\n', Qt::SkipEmptyParts)) {
        if (l.startsWith(u'#'))
            continue;
        const QRegularExpressionMatch m = line.match(l);
        if (!m.hasMatch())
            continue;
        Sample s { m.captured(1), {}, m.captured(3).toDouble() };
        for (auto it = label.globalMatch(m.captured(2)); it.hasNext();) {
            const QRegularExpressionMatch lm = it.next();
            s.labels.insert(lm.captured(1), lm.captured(2));
        }
        samples << s;
    }
    return samples;
}

// The samples of NAME in group job="doctor", shard=SHARD.
QList<Sample> group(const QList<Sample> &all, const QString &name, const QString &shard)
{
    QList<Sample> picked;
    for (const Sample &s : all) {
        if (s.name == name && s.labels.value(u"job"_s) == u"doctor"
            && s.labels.value(u"shard"_s) == shard)
            picked << s;
    }
    return picked;
}

QStringList environmentsOf(const QList<Sample> &samples)
{
    QStringList envs;
    for (const Sample &s : samples) {
        if (!envs.contains(s.labels.value(u"environment"_s)))
            envs << s.labels.value(u"environment"_s);
    }
    envs.sort();
    return envs;
}

int runFixture(const QString &command, const QString &state)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(
        TestPaths::sourceDir() + QStringLiteral("/tools/pushgateway-fixture"), { command, state });
    return p.waitForFinished(30000) ? p.exitCode() : -1;
}

} // namespace

class TestPushgateway : public QObject
{
    Q_OBJECT
    QTemporaryDir m_own;
    QString m_ownState; // set when this test started the gateway
    QString m_url;

    QList<Sample> gatewayMetrics()
    {
        QNetworkAccessManager manager;
        QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(m_url + u"/metrics"_s)));
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QString text = QString::fromUtf8(reply->readAll());
        [&] { QCOMPARE(reply->error(), QNetworkReply::NoError); }();
        delete reply;
        return parse(text);
    }

    CliRun run(const QStringList &extra, const QString &url = {})
    {
        return doctor(QStringList { u"run"_s, u"--demo"_s, u"--no-history"_s, u"--push"_s,
                          url.isEmpty() ? m_url : url }
            + extra);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString state = qEnvironmentVariable("DOCTOR_PUSHGATEWAY_STATE");
        if (state.isEmpty()) {
            m_ownState = m_own.filePath(u"gateway"_s);
            QCOMPARE(runFixture(u"start"_s, m_ownState), 0);
            state = m_ownState;
        }
        QFile env(state + u"/gateway.env"_s);
        QVERIFY2(env.open(QIODevice::ReadOnly), qPrintable(env.fileName()));
        for (const QByteArray &l : env.readAll().split('\n')) {
            if (l.startsWith("DOCTOR_PUSHGATEWAY_URL="))
                m_url = QString::fromUtf8(l.mid(l.indexOf('=') + 1));
        }
        QVERIFY(m_url.startsWith(u"http://127.0.0.1:"_s));
    }

    void cleanupTestCase()
    {
        if (!m_ownState.isEmpty())
            runFixture(u"stop"_s, m_ownState);
    }

    void pushedSeriesReadBack()
    {
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const CliRun r = run({ u"--shard"_s, u"0/1"_s });
        QCOMPARE(r.exitCode, 1); // the demo's worst result, a warning: the push went through
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY2(r.out.contains(u"prod"_s), qPrintable(r.out)); // the text report as ever

        const QList<Sample> all = gatewayMetrics();
        const QList<Sample> status = group(all, u"doctor_check_status"_s, u"0"_s);
        // connectivity and migrations of three environments (the rest skipped on SQLite)
        QCOMPARE(status.size(), 6);
        QCOMPARE(environmentsOf(status), (QStringList { u"dev"_s, u"prod"_s, u"staging"_s }));
        bool seen = false;
        for (const Sample &s : group(all, u"doctor_migrations_pending"_s, u"0"_s)) {
            if (s.labels.value(u"environment"_s) == u"prod") {
                QCOMPARE(s.labels.value(u"tool"_s), u"efcore"_s);
                QCOMPARE(s.value, 7.0);
                seen = true;
            }
        }
        QVERIFY(seen);
        QCOMPARE(group(all, u"doctor_check_duration_seconds"_s, u"0"_s).size(), 6);
        QCOMPARE(group(all, u"doctor_migrations_failed"_s, u"0"_s).size(), 3);
        const QList<Sample> last = group(all, u"doctor_last_run_timestamp_seconds"_s, u"0"_s);
        QCOMPARE(last.size(), 1);
        QVERIFY2(last.first().value >= before - 1 && last.first().value <= before + 120,
            qPrintable(QString::number(last.first().value, 'f')));
        QCOMPARE(group(all, u"push_time_seconds"_s, u"0"_s).size(), 1);
    }

    void secondPushReplacesItsGroupOnly()
    {
        QCOMPARE(run({ u"--shard"_s, u"1/2"_s }).exitCode, 0); // dev
        QCOMPARE(run({ u"--shard"_s, u"0/1"_s }).exitCode, 1); // all three
        QList<Sample> all = gatewayMetrics();
        QCOMPARE(environmentsOf(group(all, u"doctor_check_status"_s, u"0"_s)),
            (QStringList { u"dev"_s, u"prod"_s, u"staging"_s }));
        QCOMPARE(
            environmentsOf(group(all, u"doctor_check_status"_s, u"1"_s)), QStringList { u"dev"_s });
        const double firstRun
            = group(all, u"doctor_last_run_timestamp_seconds"_s, u"0"_s).value(0).value;

        // Group shard="0" again, now with prod and staging only (0 of 2): dev's series
        // leave that group, as after a change of N.
        QTest::qWait(20); // a later finish time than the first push's
        QCOMPARE(run({ u"--shard"_s, u"0/2"_s }).exitCode, 1);
        all = gatewayMetrics();
        for (const QString &family : { u"doctor_check_status"_s, u"doctor_check_duration_seconds"_s,
                 u"doctor_migrations_pending"_s, u"doctor_migrations_failed"_s }) {
            QCOMPARE(environmentsOf(group(all, family, u"0"_s)),
                (QStringList { u"prod"_s, u"staging"_s }));
        }
        QCOMPARE(group(all, u"doctor_check_status"_s, u"0"_s).size(), 4);
        QCOMPARE(group(all, u"doctor_last_run_timestamp_seconds"_s, u"0"_s).size(), 1);
        QVERIFY(
            group(all, u"doctor_last_run_timestamp_seconds"_s, u"0"_s).value(0).value > firstRun);
        // shard 1's group is as it was
        QCOMPARE(
            environmentsOf(group(all, u"doctor_check_status"_s, u"1"_s)), QStringList { u"dev"_s });
        QCOMPARE(group(all, u"doctor_last_run_timestamp_seconds"_s, u"1"_s).size(), 1);
    }

    void unreachableGatewayCostsThePushOnly()
    {
        QTcpServer probe; // a port that was free a moment ago and has no listener now
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString url = u"http://127.0.0.1:%1"_s.arg(probe.serverPort());
        probe.close();

        const CliRun text = run({}, url);
        QCOMPARE(text.exitCode, PushFailed);
        QVERIFY2(text.err.contains(url), qPrintable(text.err));
        QVERIFY2(text.err.contains(u"Pushgateway"_s), qPrintable(text.err));
        QVERIFY2(
            text.out.contains(u"prod"_s) && text.out.contains(u"staging"_s), qPrintable(text.out));

        // A password in the URL (basic auth before a gateway) is never printed.
        const QString withPassword
            = u"http://doctor:s3cret@127.0.0.1:%1"_s.arg(url.section(u':', -1));
        const CliRun json = run({ u"--format"_s, u"json"_s }, withPassword);
        QCOMPARE(json.exitCode, PushFailed);
        QVERIFY2(json.err.contains(url) && !json.err.contains(u"s3cret"_s), qPrintable(json.err));
        QJsonParseError error;
        QJsonDocument::fromJson(json.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
    }

    void refusingGatewayCostsThePushOnly()
    {
        // A path the gateway does not serve: it answers 404.
        const CliRun r = run({ u"--format"_s, u"openmetrics"_s }, m_url + u"/no/such/prefix"_s);
        QCOMPARE(r.exitCode, PushFailed);
        QVERIFY2(r.err.contains(u"HTTP 404"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(m_url + u"/no/such/prefix/metrics/job/doctor/shard/0"_s),
            qPrintable(r.err));
        QVERIFY(r.out.endsWith(u"# EOF\n"_s));
    }

    void badUrlIsAUsageError()
    {
        for (const QString &bad :
            { u"pushgateway:9091"_s, u"ftp://user:secret@host/"_s, u"http://"_s }) {
            const CliRun r = run({}, bad);
            QCOMPARE(r.exitCode, 64);
            QVERIFY2(r.err.contains(u"--push"_s), qPrintable(r.err));
            QVERIFY2(!r.err.contains(u"secret"_s), qPrintable(r.err));
            QVERIFY(r.out.isEmpty()); // refused before any check ran
        }
    }
};

QTEST_GUILESS_MAIN(TestPushgateway)
#include "tst_pushgateway.moc"

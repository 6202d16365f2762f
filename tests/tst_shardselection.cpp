// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// doctor run --shard I/N and auto/N (issue 19 §1, RELIABILITY 26): the N shards of a file
// cover every environment exactly once, for N = 1..8 on 1 000 names; adding an environment
// moves only that one; the hash is the documented one; --shard's text and
// $JOB_COMPLETION_INDEX are read strictly. Then through the real binary on the demo.
#include "config/shardselection.h"
#include "doctorprocess.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using ShardSelection::Shard;

namespace {

QStringList thousandNames()
{
    QStringList names;
    for (int i = 0; i < 1000; ++i)
        names << u"db-%1.eu-%2"_s.arg(i, 4, 10, QChar(u'0')).arg(i % 7);
    return names;
}

// name -> its shard, from select() over all N shards; fails when a name is in two.
QHash<QString, int> assignment(const QStringList &names, int n)
{
    QHash<QString, int> shardOf;
    for (int i = 0; i < n; ++i) {
        for (const QString &name : ShardSelection::select(names, { i, n })) {
            [&] {
                QVERIFY2(!shardOf.contains(name),
                    qPrintable(u"%1 in shards %2 and %3 of %4"_s.arg(name)
                            .arg(shardOf.value(name))
                            .arg(i)
                            .arg(n)));
            }();
            shardOf.insert(name, i);
        }
    }
    return shardOf;
}

QProcessEnvironment jobIndex(const QString &value)
{
    QProcessEnvironment env;
    env.insert(u"JOB_COMPLETION_INDEX"_s, value);
    return env;
}

// The environments of a doctor run's JSON report, each once.
QStringList environments(const CliRun &r)
{
    QStringList envs;
    const QJsonArray results
        = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"results"_s).toArray();
    for (const QJsonValue &v : results) {
        const QString e = v.toObject().value(u"environment"_s).toString();
        if (!envs.contains(e))
            envs << e;
    }
    return envs;
}

} // namespace

class TestShardSelection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyNameInExactlyOneShard()
    {
        const QStringList names = thousandNames();
        for (int n = 1; n <= 8; ++n) {
            const QHash<QString, int> shardOf = assignment(names, n);
            QCOMPARE(shardOf.size(), names.size()); // none left out, none twice
            // Spread: a hash that sent everything to one shard would still cover all.
            QList<int> sizes(n, 0);
            for (const int s : shardOf)
                ++sizes[s];
            for (int i = 0; i < n; ++i) {
                QVERIFY2(sizes[i] > 1000 / n / 2 && sizes[i] < 2 * 1000 / n,
                    qPrintable(u"shard %1 of %2 holds %3 of 1000"_s.arg(i).arg(n).arg(sizes[i])));
            }
        }
    }

    void addingANameMovesOnlyIt()
    {
        const QStringList names = thousandNames();
        for (int n = 1; n <= 8; ++n) {
            const QHash<QString, int> before = assignment(names, n);
            // Added at the front, where a position-based split would move every name.
            const QHash<QString, int> after = assignment(QStringList { u"db-new"_s } + names, n);
            QCOMPARE(after.size(), before.size() + 1);
            QVERIFY(after.contains(u"db-new"_s));
            for (auto it = before.cbegin(); it != before.cend(); ++it)
                QCOMPARE(after.value(it.key()), it.value());
            // And the file's order does not matter.
            QStringList reversed = names;
            std::reverse(reversed.begin(), reversed.end());
            QCOMPARE(assignment(reversed, n), before);
        }
    }

    void selectKeepsTheOrder()
    {
        const QStringList names = thousandNames();
        const QStringList picked = ShardSelection::select(names, { 2, 5 });
        QStringList inOrder;
        for (const QString &n : names) {
            if (picked.contains(n))
                inOrder << n;
        }
        QCOMPARE(picked, inOrder);
    }

    // The header's formula, so a shell or another tool can say where an environment runs.
    void theDocumentedHash()
    {
        for (const QString &name : { u"prod"_s, u"staging"_s, u"dev"_s, u"db-0042.eu-0"_s }) {
            const QByteArray hex
                = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex();
            bool ok = false;
            const quint64 head = hex.left(16).toULongLong(&ok, 16);
            QVERIFY(ok);
            for (int n = 1; n <= 8; ++n)
                QCOMPARE(ShardSelection::shardOf(name, n), int(head % quint64(n)));
        }
        // Pinned, so a change of hash (which would move every environment) is seen.
        QCOMPARE(ShardSelection::shardOf(u"prod"_s, 4), 2);
        QCOMPARE(ShardSelection::shardOf(u"staging"_s, 4), 0);
        QCOMPARE(ShardSelection::shardOf(u"dev"_s, 4), 3);
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("index"); // -1: refused
        QTest::addColumn<int>("count");
        QTest::newRow("0/1") << u"0/1"_s << 0 << 1;
        QTest::newRow("3/4") << u"3/4"_s << 3 << 4;
        QTest::newRow("max") << u"9999/10000"_s << 9999 << 10000;
        QTest::newRow("index = N") << u"4/4"_s << -1 << 0;
        QTest::newRow("negative") << u"-1/4"_s << -1 << 0;
        QTest::newRow("N = 0") << u"0/0"_s << -1 << 0;
        QTest::newRow("N too big") << u"0/10001"_s << -1 << 0;
        QTest::newRow("no N") << u"1"_s << -1 << 0;
        QTest::newRow("empty") << QString() << -1 << 0;
        QTest::newRow("plus") << u"+1/4"_s << -1 << 0;
        QTest::newRow("space") << u"1/ 4"_s << -1 << 0;
        QTest::newRow("fraction") << u"1/4.0"_s << -1 << 0;
        QTest::newRow("two slashes") << u"1/4/8"_s << -1 << 0;
        QTest::newRow("word") << u"one/4"_s << -1 << 0;
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(int, index);
        QFETCH(int, count);
        QString error;
        // The variable is ignored unless the text says auto.
        const auto shard = ShardSelection::parse(text, jobIndex(u"1"_s), &error);
        if (index < 0) {
            QVERIFY(!shard);
            QVERIFY2(error.contains(u"--shard must be I/N"_s), qPrintable(error));
            QVERIFY2(error.contains(u'\'' + text + u'\''), qPrintable(error));
            return;
        }
        QVERIFY2(shard, qPrintable(error));
        QCOMPARE(shard->index, index);
        QCOMPARE(shard->count, count);
    }

    void autoReadsJobCompletionIndex()
    {
        QString error;
        auto shard = ShardSelection::parse(u"auto/4"_s, jobIndex(u"2"_s), &error);
        QVERIFY2(shard, qPrintable(error));
        QCOMPARE(shard->index, 2);
        QCOMPARE(shard->count, 4);
        shard = ShardSelection::parse(u"auto/4"_s, jobIndex(u"0"_s), &error);
        QVERIFY(shard && shard->index == 0);

        QVERIFY(!ShardSelection::parse(u"auto/4"_s, QProcessEnvironment(), &error));
        QVERIFY2(error.contains(u"JOB_COMPLETION_INDEX"_s) && error.contains(u"not set"_s),
            qPrintable(error));
        for (const QString &bad : { u"4"_s, u"-1"_s, u"x"_s, QString(), u" 1"_s }) {
            error.clear();
            QVERIFY2(!ShardSelection::parse(u"auto/4"_s, jobIndex(bad), &error), qPrintable(bad));
            QVERIFY2(error.contains(u"JOB_COMPLETION_INDEX"_s) && error.contains(u"from 0 to 3"_s)
                    && error.contains(u'\'' + bad + u'\''),
                qPrintable(error));
        }
        QVERIFY(!ShardSelection::parse(u"auto/0"_s, jobIndex(u"0"_s), &error));
        QVERIFY(!ShardSelection::parse(u"auto"_s, jobIndex(u"0"_s), &error));
    }

    // The real doctor run on the demo's three environments (prod, staging, dev).
    void doctorRunShards()
    {
        for (int n : { 1, 2, 4 }) {
            QStringList all;
            for (int i = 0; i < n; ++i) {
                const CliRun r = doctor({ u"run"_s, u"--demo"_s, u"--no-history"_s, u"--format"_s,
                    u"json"_s, u"--shard"_s, u"%1/%2"_s.arg(i).arg(n) });
                QVERIFY2(r.exitCode >= 0 && r.exitCode <= 3, qPrintable(r.err));
                for (const QString &e : environments(r)) {
                    QVERIFY2(ShardSelection::shardOf(e, n) == i, qPrintable(e));
                    all << e;
                }
            }
            all.sort();
            QCOMPARE(all, (QStringList { u"dev"_s, u"prod"_s, u"staging"_s }));
        }
        // Shard 1 of 4 holds none of the three: it runs nothing, and says so by passing.
        const CliRun empty = doctor({ u"run"_s, u"--demo"_s, u"--no-history"_s, u"--format"_s,
            u"json"_s, u"--shard"_s, u"1/4"_s });
        QCOMPARE(empty.exitCode, 0);
        QVERIFY(environments(empty).isEmpty());
    }

    void doctorRunAuto()
    {
        qputenv("JOB_COMPLETION_INDEX", "3"); // the child inherits it
        const CliRun r = doctor({ u"run"_s, u"--demo"_s, u"--no-history"_s, u"--format"_s,
            u"json"_s, u"--shard"_s, u"auto/4"_s });
        QVERIFY2(r.exitCode >= 0 && r.exitCode <= 3, qPrintable(r.err));
        QCOMPARE(environments(r), QStringList { u"dev"_s });

        qunsetenv("JOB_COMPLETION_INDEX");
        const CliRun unset
            = doctor({ u"run"_s, u"--demo"_s, u"--no-history"_s, u"--shard"_s, u"auto/4"_s });
        QCOMPARE(unset.exitCode, 64);
        QVERIFY2(unset.err.contains(u"JOB_COMPLETION_INDEX"_s), qPrintable(unset.err));
        QVERIFY(unset.out.isEmpty());

        const CliRun bad
            = doctor({ u"run"_s, u"--demo"_s, u"--no-history"_s, u"--shard"_s, u"2-of-4"_s });
        QCOMPARE(bad.exitCode, 64);
        QVERIFY2(bad.err.contains(u"--shard must be I/N"_s), qPrintable(bad.err));
    }
};

QTEST_GUILESS_MAIN(TestShardSelection)
#include "tst_shardselection.moc"

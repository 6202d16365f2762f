// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// PoolThresholdBounds: the one table of check.postgres.pool's keys and bounds, and the
// environments file reading and writing the pool by it.
#include "config/environmentsfile.h"
#include "config/environmentsyaml.h"
#include "config/poolthresholdbounds.h"

#include <QSet>
#include <QTest>
#include <optional>

using namespace Qt::StringLiterals;

using Field = PoolThresholdBound::Field;

namespace {

// An environments file with one environment whose pool mapping is POOL.
EnvironmentsFile parsePool(const QByteArray &pool)
{
    return EnvironmentsFile::parse(
        "environments:\n  - name: a\n    connection: \"sqlite:a.sqlite\"\n    pool: " + pool + "\n",
        u"envs.yaml"_s, QProcessEnvironment());
}

// The field whose value must not be below (warning) or above (failure) FIELD's, if any.
std::optional<Field> partner(Field field)
{
    switch (field) {
    case Field::UsageWarn:
        return Field::UsageFail;
    case Field::UsageFail:
        return Field::UsageWarn;
    case Field::TransactionWarn:
        return Field::TransactionFail;
    case Field::TransactionFail:
        return Field::TransactionWarn;
    default:
        return std::nullopt;
    }
}

// "{key: V}", with the partner at the same value (WITHPARTNER) so that the order rule holds.
QByteArray poolWith(const PoolThresholdBound &b, double v, bool withPartner)
{
    QByteArray text = "{" + QByteArray(b.key) + ": " + QByteArray::number(v, 'g', 10);
    if (const auto p = partner(b.field); p && withPartner)
        text += ", " + QByteArray(PoolThresholdBounds::of(*p).key) + ": "
            + QByteArray::number(v, 'g', 10);
    return text + "}";
}

} // namespace

class TestPoolThresholdBounds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableHasEveryFieldOnce()
    {
        const QList<PoolThresholdBound> &all = PoolThresholdBounds::all();
        QCOMPARE(all.size(), qsizetype(Field::ExtraReservedConnections) + 1);
        QSet<QString> keys;
        for (qsizetype i = 0; i < all.size(); ++i) {
            const PoolThresholdBound &b = all.at(i);
            QCOMPARE(qsizetype(b.field), i); // of() looks fields up by position
            QCOMPARE(&PoolThresholdBounds::of(b.field), &b);
            keys.insert(QString::fromLatin1(b.key));
            QVERIFY2(b.minimum < b.maximum, b.key);
            QVERIFY2(b.defaultValue() >= b.minimum && b.defaultValue() <= b.maximum, b.key);
        }
        QCOMPARE(keys.size(), all.size());
    }

    void setChangesOnlyItsField()
    {
        for (const PoolThresholdBound &b : PoolThresholdBounds::all()) {
            PoolThresholds t;
            b.set(&t, b.maximum);
            QCOMPARE(b.value(t), b.maximum);
            for (const PoolThresholdBound &other : PoolThresholdBounds::all()) {
                if (other.field != b.field)
                    QCOMPARE(other.value(t), other.defaultValue());
            }
        }
        PoolThresholds t;
        PoolThresholdBounds::of(Field::IdleSeconds).set(&t, 29.6); // an int field rounds
        QCOMPARE(t.idleInTransactionMinSec, 30);
        PoolThresholdBounds::of(Field::TransactionWarn).set(&t, 29.6); // a double keeps it
        QCOMPARE(t.longestTransactionWarnSec, 29.6);
    }

    void defaultsArePoolThresholds()
    {
        const PoolThresholds d;
        QCOMPARE(PoolThresholdBounds::of(Field::UsageWarn).defaultValue(), d.usageWarnPercent);
        QCOMPARE(PoolThresholdBounds::of(Field::IdleSeconds).defaultValue(),
            double(d.idleInTransactionMinSec));
        QCOMPARE(PoolThresholdBounds::of(Field::TransactionFail).defaultValue(),
            d.longestTransactionFailSec);
    }

    void fileTakesTheBoundsAndNoMore_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<double>("value");
        QTest::addColumn<bool>("accepted");
        const QList<PoolThresholdBound> &all = PoolThresholdBounds::all();
        for (qsizetype i = 0; i < all.size(); ++i) {
            const PoolThresholdBound &b = all.at(i);
            QTest::addRow("%s minimum", b.key) << int(i) << b.minimum << true;
            QTest::addRow("%s maximum", b.key) << int(i) << b.maximum << true;
            QTest::addRow("%s below", b.key) << int(i) << b.minimum - 1 << false;
            QTest::addRow("%s above", b.key) << int(i) << b.maximum + 1 << false;
        }
    }

    void fileTakesTheBoundsAndNoMore()
    {
        QFETCH(int, index);
        QFETCH(double, value);
        QFETCH(bool, accepted);
        const PoolThresholdBound &b = PoolThresholdBounds::all().at(index);
        const EnvironmentsFile f = parsePool(poolWith(b, value, accepted));
        QCOMPARE(f.ok(), accepted);
        if (accepted) {
            QCOMPARE(b.value(f.environments.at(0).pool), value);
        } else {
            QVERIFY2(f.error.contains(u"pool."_s + QString::fromLatin1(b.key) + u" must be"_s),
                qPrintable(f.error));
        }
    }

    // What the writer writes is what the table names, and it reads back as it was.
    void writtenKeysAreTheTable()
    {
        EnvironmentsFile f = parsePool("{}");
        QVERIFY2(f.ok(), qPrintable(f.error));
        Environment e = f.environments.at(0);
        for (const PoolThresholdBound &b : PoolThresholdBounds::all())
            b.set(&e.pool, b.maximum); // warnings equal to failures: the order holds
        const QByteArray yaml = EnvironmentsYaml::toYaml({ e }, {});
        for (const PoolThresholdBound &b : PoolThresholdBounds::all())
            QVERIFY2(yaml.contains(QByteArray(QByteArray(b.key) + ": ")), b.key);
        const EnvironmentsFile again
            = EnvironmentsFile::parse(yaml, u"again.yaml"_s, QProcessEnvironment());
        QVERIFY2(again.ok(), qPrintable(again.error));
        QVERIFY(again.environments.at(0).pool == e.pool);
    }

    void order_data()
    {
        QTest::addColumn<double>("usageWarn");
        QTest::addColumn<double>("usageFail");
        QTest::addColumn<double>("transactionWarn");
        QTest::addColumn<double>("transactionFail");
        QTest::addColumn<int>("order");
        using O = PoolThresholdBounds::Order;
        QTest::newRow("defaults") << 80.0 << 95.0 << 300.0 << 3600.0 << int(O::Fine);
        QTest::newRow("equal") << 90.0 << 90.0 << 60.0 << 60.0 << int(O::Fine);
        QTest::newRow("usage") << 96.0 << 95.0 << 300.0 << 3600.0 << int(O::UsageWarnAboveFail);
        QTest::newRow("transaction")
            << 80.0 << 95.0 << 3601.0 << 3600.0 << int(O::TransactionWarnAboveFail);
        QTest::newRow("both: usage first")
            << 96.0 << 95.0 << 3601.0 << 3600.0 << int(O::UsageWarnAboveFail);
    }

    void order()
    {
        QFETCH(double, usageWarn);
        QFETCH(double, usageFail);
        QFETCH(double, transactionWarn);
        QFETCH(double, transactionFail);
        QFETCH(int, order);
        PoolThresholds t;
        t.usageWarnPercent = usageWarn;
        t.usageFailPercent = usageFail;
        t.longestTransactionWarnSec = transactionWarn;
        t.longestTransactionFailSec = transactionFail;
        QCOMPARE(int(PoolThresholdBounds::order(t)), order);
        // The file refuses exactly what the rule refuses.
        const EnvironmentsFile f
            = parsePool(u"{usageWarn: %1, usageFail: %2, transactionWarnSeconds: %3, "
                        "transactionFailSeconds: %4}"_s.arg(usageWarn)
                            .arg(usageFail)
                            .arg(transactionWarn)
                            .arg(transactionFail)
                            .toUtf8());
        QCOMPARE(f.ok(), order == int(PoolThresholdBounds::Order::Fine));
    }
};

QTEST_GUILESS_MAIN(TestPoolThresholdBounds)
#include "tst_poolthresholdbounds.moc"

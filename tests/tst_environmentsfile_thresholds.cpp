// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// The environments file's `thresholds:` section (issue 17): per-check thresholds read into
// Environment::thresholds, defaults for the rest, bad values refused with FILE:LINE:COL, a
// warning above its failure refused, unknown checks and keys warned about, and the set
// values written back by EnvironmentsFile::save() without loss.
#include "config/environmentsfile.h"
#include "engine/checkthresholds.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray Tuned = R"(environments:
  - name: estate
    connection: "host=db dbname=estate user=doctor"
    thresholds:
      long-transactions: {queryWarnSeconds: 30, transactionFailSeconds: 1800}
      sequences:
        warnPercent: 60.5
  - name: plain
    connection: "host=db dbname=plain user=doctor"
)";

} // namespace

class TestEnvironmentsFileThresholds : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString file() const { return m_dir.filePath(u"envs.yaml"_s); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The table itself: every default within its bounds and not above the key it must not
    // exceed, every check's short name that of a check id.
    void tableIsConsistent()
    {
        QVERIFY(!CheckThresholds::all().isEmpty());
        for (const ThresholdSpec &s : CheckThresholds::all()) {
            const QString what
                = u"%1.%2"_s.arg(QLatin1StringView(s.check), QLatin1StringView(s.key));
            QVERIFY2(s.minimum <= s.defaultValue && s.defaultValue <= s.maximum, qPrintable(what));
            QCOMPARE(
                CheckThresholds::find(QString::fromLatin1(s.check), QString::fromLatin1(s.key)),
                &s);
            if (s.notAbove) {
                const ThresholdSpec *above = CheckThresholds::find(
                    QString::fromLatin1(s.check), QString::fromLatin1(s.notAbove));
                QVERIFY2(above, qPrintable(what));
                QVERIFY2(s.defaultValue <= above->defaultValue, qPrintable(what));
            }
        }
        QCOMPARE(CheckThresholds::shortName(u"check.postgres.long-transactions"_s),
            u"long-transactions"_s);
        QVERIFY(!CheckThresholds::find(u"long-transactions"_s, u"nonsense"_s));
    }

    void readsSetValuesAndDefaults()
    {
        const EnvironmentsFile f = EnvironmentsFile::parse(Tuned, file());
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        QVERIFY2(f.warnings.isEmpty(), qPrintable(f.warnings.join(u'\n')));
        QCOMPARE(f.environments.size(), 2);
        const Environment &e = f.environments.at(0);
        QCOMPARE(e.threshold(u"long-transactions"_s, u"queryWarnSeconds"_s), 30.0);
        QCOMPARE(e.threshold(u"long-transactions"_s, u"transactionFailSeconds"_s), 1800.0);
        QCOMPARE(e.threshold(u"long-transactions"_s, u"transactionWarnSeconds"_s), 300.0);
        QCOMPARE(e.threshold(u"sequences"_s, u"warnPercent"_s), 60.5);
        QCOMPARE(e.threshold(u"sequences"_s, u"failPercent"_s), 90.0);
        QCOMPARE(e.thresholds.set.size(), 3);
        const Environment &plain = f.environments.at(1);
        QVERIFY(plain.thresholds.set.isEmpty());
        QCOMPARE(plain.threshold(u"vacuum"_s, u"notVacuumedSeconds"_s), 86400.0);
    }

    void refusesBadValues_data()
    {
        QTest::addColumn<QByteArray>("thresholds");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("says");
        QTest::newRow("not a mapping")
            << QByteArray("thresholds: 5") << u":4:17"_s << u"must be a mapping"_s;
        QTest::newRow("check not a mapping")
            << QByteArray("thresholds: {sequences: 80}") << u":4:29"_s << u"thresholds.sequences"_s;
        QTest::newRow("text") << QByteArray("thresholds: {sequences: {warnPercent: lots}}")
                              << u":4:43"_s
                              << u"thresholds.sequences.warnPercent must be a number"_s;
        QTest::newRow("out of bounds") << QByteArray("thresholds: {sequences: {failPercent: 120}}")
                                       << u":4:43"_s << u"from 0.001 to 100, got '120'"_s;
        QTest::newRow("warn above fail")
            << QByteArray("thresholds: {long-transactions: {transactionWarnSeconds: 7200}}")
            << u":4:37"_s << u"transactionWarnSeconds (7200) must not be above"_s;
    }

    // FILE:LINE:COL of the offending value and what is wrong; no environment half-read.
    void refusesBadValues()
    {
        QFETCH(QByteArray, thresholds);
        QFETCH(QString, where);
        QFETCH(QString, says);
        const QByteArray yaml = "environments:\n  - name: estate\n    connection: \"host=db\"\n    "
            + thresholds + "\n";
        const EnvironmentsFile f = EnvironmentsFile::parse(yaml, file());
        QVERIFY2(f.error.startsWith(file() + where), qPrintable(f.error));
        QVERIFY2(f.error.contains(says), qPrintable(f.error));
    }

    void warnsAboutUnknownChecksAndKeys()
    {
        const QByteArray yaml
            = "environments:\n  - name: estate\n    connection: \"host=db\"\n"
              "    thresholds: {sequence: {warnPercent: 1}, vacuum: {deadRows: 5}}\n";
        const EnvironmentsFile f = EnvironmentsFile::parse(yaml, file());
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        QCOMPARE(f.warnings.size(), 2);
        QVERIFY2(f.warnings.at(0).contains(u"unknown key 'sequence' in thresholds"_s),
            qPrintable(f.warnings.join(u'\n')));
        QVERIFY2(f.warnings.at(1).contains(u"unknown key 'deadRows' in thresholds.vacuum"_s),
            qPrintable(f.warnings.join(u'\n')));
    }

    // What the file set comes back after a save, and nothing else is written.
    void savesWhatWasSet()
    {
        const EnvironmentsFile f = EnvironmentsFile::parse(Tuned, file());
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        const QString saved = m_dir.filePath(u"saved.yaml"_s);
        QString error;
        QVERIFY2(EnvironmentsFile::save(saved, f.environments, &error), qPrintable(error));
        QFile bytes(saved);
        QVERIFY(bytes.open(QIODevice::ReadOnly));
        const QByteArray text = bytes.readAll();
        QCOMPARE(text.count("thresholds:"), 1); // the plain environment writes none
        QVERIFY2(!text.contains("vacuum"), text.constData());
        const EnvironmentsFile again = EnvironmentsFile::load(saved);
        QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
        QCOMPARE(again.environments.at(0).thresholds, f.environments.at(0).thresholds);
        QCOMPARE(again.environments.at(1).thresholds, f.environments.at(1).thresholds);
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentsFileThresholds)
#include "tst_environmentsfile_thresholds.moc"

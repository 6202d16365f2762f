// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The fleet view (issue 19 §5) on stores it cannot wholly read, with real widgets, offscreen:
// a store of schema version 2 (before tags and the migration states) lists its environments,
// and its Matrix says to upgrade the store, not a raw SQL error, on a line the filters'
// count does not wipe; a store that cannot be reached says so without its password. And its
// Alt+letter keys: each names one button or tab.
#include "fleetloader.h"
#include "fleetmatrixloader.h"
#include "fleetview.h"
#include "history/historystore.h"
#include "isolatedhome.h"
#include "matrixview.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// Ten environments env-0 … env-9 with a migrations result each, recorded with tags, then
// taken back to what schema version 2 had: no environment_tags, no migration state tables.
QString writeVersion2Store(const QString &path)
{
    {
        HistoryStore store;
        if (!store.open(path))
            return store.errorString();
        HistoryRun run;
        run.startedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        QList<CheckResult> results;
        for (int i = 0; i < 10; ++i) {
            CheckResult r;
            r.environment = u"env-%1"_s.arg(i);
            r.checkId = u"check.postgres.migrations"_s;
            r.subject = u"efcore public.__EFMigrationsHistory"_s;
            r.status = CheckStatus::Pass;
            r.checkedAt = run.startedAt;
            run.environments << r.environment;
            run.tags.insert(r.environment, { u"prod"_s });
            results << r;
        }
        if (!store.record(run, results))
            return store.errorString();
    }
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v2"_s);
        db.setDatabaseName(path);
        if (!db.open())
            error = db.lastError().text();
        QSqlQuery q(db);
        for (const QString &sql : { u"DROP TABLE environment_tags"_s,
                 u"DROP TABLE migration_transitions"_s, u"DROP TABLE migration_checks"_s,
                 u"DROP TABLE status_changes"_s, u"UPDATE store_meta SET schema_version = 2"_s }) {
            if (error.isEmpty() && !q.exec(sql))
                error = sql + u": "_s + q.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(u"v2"_s);
    return error;
}
} // namespace

class tst_FleetViewStores : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.filePath(u"home"_s));
    }

    void version2StoreMatrixSaysUpgrade()
    {
        const QString path = m_home.filePath(u"v2.sqlite"_s);
        QCOMPARE(writeVersion2Store(path), QString());
        FleetView view;
        view.resize(1000, 720);
        view.show();
        QSignalSpy loaded(view.loader(), &FleetLoader::loaded);
        view.openStore(path);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(view.table()->model()->rowCount(), 10);
        QVERIFY(!view.tagFilter()->isEnabled());
        QVERIFY(view.tagFilter()->toolTip().contains(u"doctor store upgrade"_s));

        QSignalSpy failed(view.matrixLoader(), &FleetMatrixLoader::failed);
        view.lowerTabs()->setCurrentWidget(view.matrixView());
        QVERIFY(failed.wait(10000));
        const QString line = view.statusLine()->text();
        QVERIFY2(line.startsWith(u"10 environments · query"_s), qPrintable(line));
        QVERIFY2(line.contains(u"\nMatrix: "_s) && line.contains(u"doctor store upgrade "_s + path)
                && !line.contains(u"no such table"_s),
            qPrintable(line));
        // The long line wraps: it does not widen the window (the store's path or URL is in it).
        QVERIFY2(view.minimumSizeHint().width() < 1000,
            qPrintable(QString::number(view.minimumSizeHint().width())));
        // A filter changes the count, and the matrix's line stays.
        QTest::keyClicks(view.nameFilter(), u"env-1"_s);
        QCOMPARE(view.table()->model()->rowCount(), 1);
        const QString filtered = view.statusLine()->text();
        QVERIFY2(filtered.startsWith(u"1 of 10 environments · query"_s), qPrintable(filtered));
        QVERIFY2(filtered.contains(u"doctor store upgrade "_s), qPrintable(filtered));
    }

    void unreachableStoreHidesThePassword()
    {
        FleetView view;
        view.show();
        QSignalSpy failed(view.loader(), &FleetLoader::failed);
        view.openStore(u"postgresql://fleet:s3cretpw@127.0.0.1:1/fleet?connect_timeout=2"_s);
        QVERIFY(!view.windowTitle().contains(u"s3cretpw"_s));
        QVERIFY(failed.wait(15000));
        const QString line = view.statusLine()->text();
        QVERIFY2(line.contains(u"127.0.0.1"_s) && !line.contains(u"s3cretpw"_s), qPrintable(line));
        QVERIFY(!view.windowTitle().contains(u"s3cretpw"_s));
        QVERIFY(!line.contains(u"environments"_s)); // no count of a store never read
    }

    // Two of one letter (Reload and Stored Results were both Alt+R) only move the focus
    // between them: Alt+R never reloaded.
    void mnemonicsAreUnique()
    {
        FleetView view;
        QStringList texts;
        for (const QPushButton *b : view.findChildren<QPushButton *>())
            texts << b->text();
        for (int i = 0; i < view.lowerTabs()->count(); ++i)
            texts << view.lowerTabs()->tabText(i);
        QSet<QChar> letters;
        for (const QString &text : texts) {
            const qsizetype amp = text.indexOf(u'&');
            if (amp < 0 || amp + 1 >= text.size())
                continue;
            const QChar letter = text.at(amp + 1).toLower();
            QVERIFY2(!letters.contains(letter), qPrintable(texts.join(u", "_s)));
            letters.insert(letter);
        }
        QVERIFY(letters.size() >= 4); // Check Now, Reload, the two tabs
    }
};

QTEST_MAIN(tst_FleetViewStores)
#include "tst_fleetviewstores.moc"

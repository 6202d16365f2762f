// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// A history store that cannot be written (RELIABILITY 25): its folder is a file, it is a
// folder, it is not a database or another application's, it is read-only, or the disk fills up
// mid-record. Each costs the history with an error naming the store and what to do; nothing
// crashes, and a store that was there stays whole. The full disk is a real one for SQLite: this
// binary started again with --fill (main() below) under a file size limit (RLIMIT_FSIZE, SIGXFSZ
// ignored), so the writes past it fail with EFBIG as they would with ENOSPC.
#include "history/historystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QList<CheckResult> results(int envs)
{
    QList<CheckResult> out;
    for (int e = 0; e < envs; ++e) {
        CheckResult r;
        r.environment = u"env-%1"_s.arg(e);
        r.checkId = u"check.postgres.pool"_s;
        r.status = CheckStatus::Warn;
        r.message = QString(400, u'x'); // some bulk, so the limit is reached soon
        out << r;
    }
    return out;
}

constexpr int EnvsPerRun = 20;

// Records runs into path with files limited to their size now plus 64 KiB; prints the
// error of the first record() that fails and exits 0, or exits 1 if none failed.
int fill(const QString &path)
{
    std::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails with EFBIG instead
    HistoryStore store;
    if (!store.open(path)) {
        std::printf("open: %s\n", qPrintable(store.errorString()));
        return 2;
    }
    const rlimit limit { rlim_t(QFileInfo(path).size() + 65536),
        rlim_t(QFileInfo(path).size() + 65536) };
    setrlimit(RLIMIT_FSIZE, &limit);
    for (int n = 0; n < 1000; ++n) {
        if (!store.record(HistoryRun(), results(EnvsPerRun))) {
            std::printf("%s\n", qPrintable(store.errorString()));
            return 0;
        }
    }
    return 1;
}

QVariant scalar(const QString &path, const QString &sql)
{
    QVariant out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"scalar"_s);
        db.setDatabaseName(path);
        QSqlQuery q(db);
        if (db.open() && q.exec(sql) && q.next())
            out = q.value(0);
    }
    QSqlDatabase::removeDatabase(u"scalar"_s);
    return out;
}

} // namespace

class tst_HistoryStoreUnwritable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void folderIsAFile()
    {
        QFile file(m_dir.filePath(u"plain-file"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QString path = file.fileName() + u"/history.sqlite"_s;
        HistoryStore store;
        QVERIFY(!store.open(path));
        QVERIFY2(store.errorString().contains(path), qPrintable(store.errorString()));
        QVERIFY(store.errorString().contains(u"cannot create the folder"_s));
        QVERIFY(store.errorString().contains(u"--history"_s));
        QVERIFY(!store.record(HistoryRun(), results(1)));
        QVERIFY(store.results({}).isEmpty());
    }

    void storeIsAFolder()
    {
        HistoryStore store;
        QVERIFY(!store.open(m_dir.path()));
        QVERIFY2(store.errorString().contains(m_dir.path()), qPrintable(store.errorString()));
    }

    void notADatabase()
    {
        const QString path = m_dir.filePath(u"notes.txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray text = QByteArray("not a database, my notes\n").repeated(200);
        file.write(text);
        file.close();
        HistoryStore store;
        QVERIFY(!store.open(path));
        QVERIFY2(store.errorString().contains(u"not be a doctor history store"_s),
            qPrintable(store.errorString()));
        QFile again(path);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), text);
    }

    // A mistyped --history naming another application's SQLite database: refused, unchanged.
    void someoneElsesDatabase()
    {
        const QString path = m_dir.filePath(u"shop.db"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"shop"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE customers (id integer, name text)"_s));
            QVERIFY(q.exec(u"INSERT INTO customers VALUES (1, 'Ada')"_s));
        }
        QSqlDatabase::removeDatabase(u"shop"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        HistoryStore store;
        QVERIFY(!store.open(path));
        QVERIFY2(store.errorString().contains(u"other tables (customers)"_s),
            qPrintable(store.errorString()));
        QVERIFY(store.errorString().contains(u"another --history location"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    void readOnlyStore()
    {
        if (::geteuid() == 0)
            QSKIP("root writes read-only files; the full disk below stands for it here");
        const QString folder = m_dir.filePath(u"readonly"_s);
        const QString path = folder + u"/history.sqlite"_s;
        {
            HistoryStore store;
            QVERIFY(store.open(path));
            QVERIFY(store.record(HistoryRun(), results(2)));
        }
        QFile::setPermissions(path, QFile::ReadOwner);
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner);
        HistoryStore store;
        const bool opened = store.open(path);
        const bool recorded = opened && store.record(HistoryRun(), results(2));
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(!recorded);
        QVERIFY2(store.errorString().contains(path), qPrintable(store.errorString()));
    }

    void fullDiskCostsTheRunOnly()
    {
        const QString path = m_dir.filePath(u"full/history.sqlite"_s);
        {
            HistoryStore store;
            QVERIFY(store.open(path));
            QVERIFY(store.record(HistoryRun(), results(EnvsPerRun)));
        }
        QProcess writer;
        writer.start(QCoreApplication::applicationFilePath(), { u"--fill"_s, path });
        QVERIFY(writer.waitForFinished(60000));
        const QString out = QString::fromLocal8Bit(writer.readAllStandardOutput());
        QCOMPARE(writer.exitStatus(), QProcess::NormalExit); // no crash, no SIGXFSZ
        QVERIFY2(writer.exitCode() == 0, qPrintable(out));
        QVERIFY2(out.contains(path), qPrintable(out));
        QVERIFY2(out.contains(u"this run was not recorded"_s), qPrintable(out));

        HistoryStore store;
        QVERIFY2(store.open(path), qPrintable(store.errorString()));
        QCOMPARE(scalar(path, u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
        const int runs = scalar(path, u"SELECT count(*) FROM runs"_s).toInt();
        QVERIFY(runs >= 2);
        QCOMPARE(store.results({}).size(), runs * EnvsPerRun); // whole runs only
        QVERIFY(store.record(HistoryRun(), results(1))); // room again: it writes
    }

private:
    QTemporaryDir m_dir;
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--fill") == 0)
        return fill(QString::fromLocal8Bit(argv[2]));
    tst_HistoryStoreUnwritable test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_historystore_unwritable.moc"

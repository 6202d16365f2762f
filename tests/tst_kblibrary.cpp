// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "kb/kblibrary.h"
#include "kb/kbparser.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The articles the product ships, one per built-in check (shippedArticlesLoad names them).
constexpr int Shipped = 10;

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
}

QByteArray article(const QByteArray &checkId, const QByteArray &title)
{
    return "---\ncheckId: " + checkId + "\nplugin: test\nseverity: warn\ntags: [t]\n---\n\n# "
        + title + "\n\n## What it checks\n\nSomething.\n";
}

} // namespace

class TestKbLibrary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shippedArticlesLoad()
    {
        KbLibrary kb;
        kb.load();
        QVERIFY2(kb.errors().isEmpty(), qPrintable(kb.errors().join(u'\n')));
        QStringList ids;
        const QList<KbArticle> all = kb.articles();
        for (const KbArticle &a : all)
            ids << a.checkId;
        QCOMPARE(ids,
            QStringList({ u"check.postgres.connectivity"_s, u"check.postgres.invalid-objects"_s,
                u"check.postgres.locks"_s, u"check.postgres.long-transactions"_s,
                u"check.postgres.migrations"_s, u"check.postgres.pool"_s,
                u"check.postgres.replication"_s, u"check.postgres.sequences"_s,
                u"check.postgres.vacuum"_s, u"check.postgres.wraparound"_s }));
        const KbArticle *migrations = kb.article(u"check.postgres.migrations"_s);
        QVERIFY(migrations);
        QCOMPARE(migrations->sourcePath, u":/kb/postgres/migrations.md"_s);
        QVERIFY(!kb.article(u"check.nope"_s));
    }

    void overrideReplacesShippedArticle()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"nested/mine.md"_s);
        writeFile(path, article("check.postgres.migrations", "Our Own Migration Runbook"));
        writeFile(dir.filePath(u"extra.md"_s), article("check.custom.extra", "Extra"));

        KbLibrary kb;
        kb.load({ dir.path() });
        QVERIFY2(kb.errors().isEmpty(), qPrintable(kb.errors().join(u'\n')));
        const KbArticle *a = kb.article(u"check.postgres.migrations"_s);
        QVERIFY(a);
        QCOMPARE(a->title, u"Our Own Migration Runbook"_s);
        QCOMPARE(a->sourcePath, path);
        QVERIFY(kb.article(u"check.custom.extra"_s));
        QCOMPARE(kb.articles().size(), Shipped + 1);
    }

    void laterDirectoryWins()
    {
        QTemporaryDir first, second;
        writeFile(first.filePath(u"a.md"_s), article("check.custom.x", "First"));
        writeFile(second.filePath(u"b.md"_s), article("check.custom.x", "Second"));
        KbLibrary kb;
        kb.load({ first.path(), second.path() });
        QCOMPARE(kb.article(u"check.custom.x"_s)->title, u"Second"_s);
    }

    void brokenFileIsReportedAndOthersLoad()
    {
        QTemporaryDir dir;
        const QString broken = dir.filePath(u"broken.md"_s);
        writeFile(broken, "---\ncheckId: check.custom.broken\ntags: [a, b\n---\n# Broken\n");
        const QString noFrontMatter = dir.filePath(u"plain.md"_s);
        writeFile(noFrontMatter, "# Just notes\n");
        writeFile(dir.filePath(u"good.md"_s), article("check.custom.good", "Good"));
        writeFile(dir.filePath(u"ignored.txt"_s), "not an article");

        KbLibrary kb;
        kb.load({ dir.path() });
        const QStringList errors = kb.errors();
        QCOMPARE(errors.size(), 2);
        QVERIFY2(
            errors.at(0).startsWith(broken + u":4: front matter: "_s), qPrintable(errors.at(0)));
        QVERIFY2(errors.at(1).startsWith(noFrontMatter + u":1: no front matter"_s),
            qPrintable(errors.at(1)));
        QVERIFY(!kb.article(u"check.custom.broken"_s));
        QVERIFY(kb.article(u"check.custom.good"_s));
        QVERIFY(kb.article(u"check.postgres.migrations"_s));
        QCOMPARE(kb.articles().size(), Shipped + 1);
    }

    void brokenOverrideKeepsShippedArticle()
    {
        QTemporaryDir dir;
        writeFile(
            dir.filePath(u"migrations.md"_s), "---\ncheckId: [check.postgres.migrations\n---\n");
        KbLibrary kb;
        kb.load({ dir.path() });
        QCOMPARE(kb.errors().size(), 1);
        QCOMPARE(kb.article(u"check.postgres.migrations"_s)->sourcePath,
            u":/kb/postgres/migrations.md"_s);
    }

    void oversizedFileIsRejected()
    {
        QTemporaryDir dir;
        const QString big = dir.filePath(u"big.md"_s);
        writeFile(
            big, article("check.custom.big", "Big") + QByteArray(KbParser::MaxArticleBytes, 'x'));
        KbLibrary kb;
        kb.load({ dir.path() });
        QCOMPARE(kb.errors().size(), 1);
        QVERIFY(kb.errors().at(0).startsWith(big + u":1: "_s));
        QVERIFY(!kb.article(u"check.custom.big"_s));
    }

    void missingDirectoryIsReported()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(u"does-not-exist"_s);
        KbLibrary kb;
        kb.load({ missing });
        QCOMPARE(kb.errors().size(), 1);
        QVERIFY(kb.errors().at(0).startsWith(missing + u": "_s));
        QCOMPARE(kb.articles().size(), Shipped);
    }

    void reloadForgetsPreviousState()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(u"x.md"_s), "broken");
        writeFile(dir.filePath(u"y.md"_s), article("check.custom.y", "Y"));
        KbLibrary kb;
        kb.load({ dir.path() });
        QCOMPARE(kb.errors().size(), 1);
        kb.load();
        QVERIFY(kb.errors().isEmpty());
        QVERIFY(!kb.article(u"check.custom.y"_s));
    }
};

QTEST_GUILESS_MAIN(TestKbLibrary)
#include "tst_kblibrary.moc"

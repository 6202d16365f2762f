// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The shipped knowledge base through KbParser: every article complete, every block valid
// bash, YAML or JSON as written and with its placeholders filled.

#include "kb/kbparser.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

const QStringList shippedArticles = {
    u":/kb/postgres/migrations.md"_s,
    u":/kb/postgres/connectivity.md"_s,
    u":/kb/postgres/pool.md"_s,
    u":/kb/postgres/locks.md"_s,
    u":/kb/postgres/wraparound.md"_s,
    u":/kb/postgres/sequences.md"_s,
    u":/kb/postgres/replication.md"_s,
    u":/kb/postgres/vacuum.md"_s,
};

const QStringList requiredSections = {
    u"What it checks"_s,
    u"Why it matters"_s,
    u"Common causes"_s,
    u"How to fix"_s,
    u"Verification"_s,
    u"Related checks"_s,
};

} // namespace

class TestKbParserShipped : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shippedMigrationsHasFixesForEveryStyle()
    {
        const KbParseResult r = KbParser::parse(
            readFile(u":/kb/postgres/migrations.md"_s), u":/kb/postgres/migrations.md"_s);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.article.checkId, u"check.postgres.migrations"_s);
        QCOMPARE(r.article.plugin, u"stellaops.doctor.postgres"_s);
        QCOMPARE(r.article.severity, u"warn"_s);
        for (DeploymentStyle style : Deployment::all())
            QVERIFY2(!r.article.fixesFor(style).isEmpty(), qPrintable(Deployment::key(style)));
        auto texts = [&](DeploymentStyle s) {
            QStringList out;
            for (const KbCodeBlock &b : r.article.fixesFor(s))
                out << b.text;
            return out.join(u'\n');
        };
        QVERIFY(texts(DeploymentStyle::Compose)
                .contains(u"docker compose -f <compose-file> exec platform stella db migrate"_s));
        QVERIFY(texts(DeploymentStyle::Systemd).contains(u"stella db migrate"_s));
        QVERIFY(texts(DeploymentStyle::Systemd)
                .contains(u"sudo systemctl restart stellaops-platform"_s));
        QVERIFY(texts(DeploymentStyle::Kubernetes)
                .contains(
                    u"kubectl -n <namespace> exec -it <platform-pod> -- stella db migrate"_s));
        QCOMPARE(r.article.relatedChecks(),
            QStringList({ u"check.postgres.connectivity"_s, u"check.postgres.pool"_s }));
        const QString what = r.article.section(u"What it checks"_s)->markdown;
        for (const char *key : { "TableExists", "AppliedCount", "PendingCount", "LatestApplied",
                 "PendingMigrations", "Status" })
            QVERIFY2(what.contains(QLatin1StringView(key)), key);
    }

    void shippedArticlesAreComplete_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : shippedArticles)
            QTest::newRow(qPrintable(path)) << path;
    }

    void shippedArticlesAreComplete()
    {
        QFETCH(QString, path);
        const QByteArray source = readFile(path);
        const KbParseResult r = KbParser::parse(source, path);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const KbArticle &a = r.article;
        QCOMPARE(a.plugin, u"stellaops.doctor.postgres"_s);
        QVERIFY(!a.tags.isEmpty());
        QVERIFY(a.title != a.checkId); // has a real title

        QStringList titles;
        for (const KbSection &s : a.sections)
            titles << s.title;
        QCOMPARE(titles, requiredSections);

        QStringList subsections;
        const QStringList fixLines = a.section(u"How to fix"_s)->markdown.split(u'\n');
        for (const QString &line : fixLines) {
            if (line.startsWith(u"### "_s))
                subsections << line.mid(4);
        }
        QStringList styleTitles;
        for (DeploymentStyle style : Deployment::all()) {
            styleTitles << Deployment::title(style);
            QVERIFY2(!a.fixesFor(style).isEmpty(), qPrintable(Deployment::key(style)));
        }
        QCOMPARE(subsections, styleTitles);

        QVERIFY(!a.relatedChecks().isEmpty());
        for (const QString &id : a.relatedChecks())
            QVERIFY2(id != a.checkId && id.startsWith(u"check.postgres."_s), qPrintable(id));

        const QList<QByteArray> sourceLines = source.split('\n');
        for (const KbCodeBlock &b : a.codeBlocks) {
            const QString where = path + u':' + QString::number(b.line);
            QVERIFY2(b.line >= 1 && b.line <= sourceLines.size(), qPrintable(where));
            QVERIFY2(sourceLines.at(b.line - 1)
                         .startsWith(QByteArray("```").append(b.language.toUtf8())),
                qPrintable(where));
            QVERIFY2(
                QStringList({ u"bash"_s, u"yaml"_s, u"json"_s, u"sql"_s }).contains(b.language),
                qPrintable(where));
            QVERIFY2(!b.caption.isEmpty(), qPrintable(where));
            if (b.language != u"json")
                QVERIFY2(b.text.contains(u"Evidence: "_s), qPrintable(where));
            // Every fix block says which evidence it is for, in keys the article declares.
            if (b.fix) {
                QVERIFY2(b.when.has_value(), qPrintable(where));
                QVERIFY2(b.when->error.isEmpty(), qPrintable(where + u' ' + b.when->error));
                QVERIFY2(!b.text.contains(u"When:"_s), qPrintable(where));
                for (const QString &key : b.when->condition.keys())
                    QVERIFY2(a.evidenceKey(key), qPrintable(where + u' ' + key));
            }
            checkSyntax(b, where);
        }
        QVERIFY(!a.evidence.isEmpty());
    }

private:
    // Every shipped block must be valid as written and once its placeholders are filled.
    void checkSyntax(const KbCodeBlock &b, const QString &where)
    {
        static const QRegularExpression placeholder(u"(?<!<)<([a-z][a-z0-9-]*)>"_s);
        const QStringList variants = { b.text, QString(b.text).replace(placeholder, u"x\\1"_s) };
        for (const QString &text : variants) {
            if (b.language == u"bash") {
                const QString bash = QStandardPaths::findExecutable(u"bash"_s);
                if (bash.isEmpty())
                    continue;
                QProcess p;
                p.start(bash, { u"-n"_s });
                p.write(text.toUtf8() + '\n');
                p.closeWriteChannel();
                QVERIFY(p.waitForFinished(10000));
                QVERIFY2(p.exitCode() == 0,
                    qPrintable(where + u' ' + QString::fromUtf8(p.readAllStandardError())));
            } else if (b.language == u"yaml") {
                try {
                    YAML::Load(text.toStdString());
                } catch (const YAML::Exception &e) {
                    QFAIL(qPrintable(where + u' ' + QString::fromStdString(e.what())));
                }
            } else if (b.language == u"json") {
                QJsonParseError error;
                QJsonDocument::fromJson(text.toUtf8(), &error);
                QVERIFY2(error.error == QJsonParseError::NoError,
                    qPrintable(where + u' ' + error.errorString()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestKbParserShipped)
#include "tst_kbparser_shipped.moc"

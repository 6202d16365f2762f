// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// CheckRegistry: the checks a build knows, in display order, and the built-in set.

#include "engine/checkregistry.h"

#include <QSet>
#include <QTest>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace {

class NamedCheck : public Check
{
public:
    explicit NamedCheck(const QString &id)
        : m_id(id)
    { }
    QString id() const override { return m_id; }
    QString defaultSeverity() const override { return u"warn"_s; }
    QString category() const override { return u"test"_s; }
    QStringList tags() const override { return { u"test"_s }; }
    QString title() const override { return m_id; }
    CheckResult run(const CheckContext &ctx) const override
    {
        return result(ctx, CheckStatus::Pass, {});
    }

private:
    QString m_id;
};

} // namespace

class TestCheckRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyRegistry()
    {
        const CheckRegistry r;
        QVERIFY(r.checks().isEmpty());
        QVERIFY(r.ids().isEmpty());
        QCOMPARE(r.find(u"check.a"_s), nullptr);
        QCOMPARE(r.find(QString()), nullptr);
    }

    void keepsTheOrderOfAdding()
    {
        CheckRegistry r;
        for (const QString &id : { u"check.c"_s, u"check.a"_s, u"check.b"_s })
            r.add(std::make_unique<NamedCheck>(id));
        QCOMPARE(r.ids(), (QStringList { u"check.c"_s, u"check.a"_s, u"check.b"_s }));
        const QList<const Check *> checks = r.checks();
        QCOMPARE(checks.size(), 3);
        for (qsizetype i = 0; i < checks.size(); ++i) {
            QCOMPARE(checks[i]->id(), r.ids()[i]);
            QCOMPARE(r.find(r.ids()[i]), checks[i]); // the registry's own object
        }
    }

    // Ids are compared exactly: a report or environments file spelling one differently
    // names no check (the CLI says "unknown check").
    void findIsExact()
    {
        CheckRegistry r;
        r.add(std::make_unique<NamedCheck>(u"check.postgres.pool"_s));
        QVERIFY(r.find(u"check.postgres.pool"_s));
        QCOMPARE(r.find(u"Check.Postgres.Pool"_s), nullptr);
        QCOMPARE(r.find(u"check.postgres.pool "_s), nullptr);
        QCOMPARE(r.find(u"check.postgres"_s), nullptr);
    }

    // The built-in checks in display order: the root cause (connectivity) first.
    void builtinChecks()
    {
        const CheckRegistry &r = CheckRegistry::builtin();
        QCOMPARE(r.ids(),
            (QStringList { u"check.postgres.connectivity"_s, u"check.postgres.migrations"_s,
                u"check.postgres.pool"_s, u"check.postgres.locks"_s,
                u"check.postgres.long-transactions"_s, u"check.postgres.invalid-objects"_s,
                u"check.postgres.wraparound"_s, u"check.postgres.sequences"_s,
                u"check.postgres.replication"_s, u"check.postgres.vacuum"_s }));
        QSet<QString> titles;
        for (const Check *c : r.checks()) {
            const QString id = c->id();
            QVERIFY2(id.startsWith(u"check."_s) && id == id.toLower(), qPrintable(id));
            QVERIFY2(!c->title().isEmpty() && !titles.contains(c->title()), qPrintable(id));
            titles.insert(c->title());
            QVERIFY2(
                QStringList({ u"fail"_s, u"warn"_s, u"info"_s }).contains(c->defaultSeverity()),
                qPrintable(id));
            QVERIFY2(!c->category().isEmpty(), qPrintable(id));
            QVERIFY2(!c->tags().isEmpty(), qPrintable(id));
            QVERIFY2(!c->plugin().isEmpty(), qPrintable(id));
            QVERIFY2(c->supports(ConnectionSpec::Driver::Postgres), qPrintable(id));
        }
        // The demo runs on SQLite: connectivity and migrations must take it.
        QVERIFY(r.find(u"check.postgres.connectivity"_s)->supports(ConnectionSpec::Driver::Sqlite));
        QVERIFY(r.find(u"check.postgres.migrations"_s)->supports(ConnectionSpec::Driver::Sqlite));
    }

    // Built once and shared by the worker threads: every caller gets the same registry.
    void builtinIsOneObject()
    {
        const CheckRegistry *here = &CheckRegistry::builtin();
        const QList<const CheckRegistry *> seen = QtConcurrent::blockingMapped(
            QList<int>(8, 0), [](int) { return &CheckRegistry::builtin(); });
        for (const CheckRegistry *r : seen)
            QCOMPARE(r, here);
        QCOMPARE(CheckRegistry::builtin().checks(), here->checks());
    }
};

QTEST_GUILESS_MAIN(TestCheckRegistry)
#include "tst_checkregistry.moc"

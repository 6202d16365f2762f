// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ReferenceEnvironment: another environment's applied migrations as the expected set, read
// through a session of its own (here on the demo's SQLite databases).

#include "config/demo.h"
#include "engine/canceltoken.h"
#include "engine/check.h"
#include "engine/dbsession.h"
#include "migrations/referenceenvironment.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestReferenceEnvironment : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QList<Environment> m_envs; // dev (all applied), staging (3 missing), prod (7 missing + 1)

    ExpectedSet readFor(
        const Environment &env, const QList<Environment> &environments, CancelToken &token)
    {
        const std::atomic_bool cancelled = false;
        DbSession session(env, &token); // the checked environment's own: never opened here
        const FlightAnswers none;
        const CheckContext ctx { env, session, cancelled, token, environments, none };
        return ReferenceEnvironment::read(ctx);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Demo::Setup demo = Demo::create(m_dir.path());
        QCOMPARE(demo.error, QString());
        m_envs = demo.environments;
    }

    void takesTheReferencesHistorySorted()
    {
        Environment prod = m_envs[2];
        prod.referenceEnvironment = u"staging"_s;
        CancelToken token;
        const ExpectedSet set = readFor(prod, m_envs, token);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.kind, ExpectedSet::Kind::Environment);
        QCOMPARE(set.source, u"staging"_s);
        const QStringList all = Demo::expectedMigrationIds();
        QCOMPARE(set.ids, all.mid(0, all.size() - 3));
        QVERIFY(set.isKnown());
        QVERIFY(!token.wasAborted());
    }

    void unknownNameIsAnError()
    {
        Environment prod = m_envs[2];
        prod.referenceEnvironment = u"Staging"_s; // names are exact
        CancelToken token;
        const ExpectedSet set = readFor(prod, m_envs, token);
        QVERIFY(!set.isKnown());
        QCOMPARE(set.error, u"reference environment 'Staging' is not configured"_s);
    }

    void unreachableReferenceIsNamed()
    {
        Environment gone = m_envs[0];
        gone.name = u"gone"_s;
        gone.connection.database = m_dir.filePath(u"no/such.sqlite"_s);
        Environment prod = m_envs[2];
        prod.referenceEnvironment = u"gone"_s;
        CancelToken token;
        const ExpectedSet set = readFor(prod, { gone, prod }, token);
        QVERIFY(!set.isKnown());
        QVERIFY2(set.error.startsWith(u"reference environment 'gone': "_s), qPrintable(set.error));
        QVERIFY(set.ids.isEmpty());
    }

    // A reference without a history table is an empty expected set, not an error.
    void referenceWithoutHistoryTable()
    {
        Environment other = m_envs[0];
        other.name = u"other"_s;
        other.historyTable = u"NoSuchHistory"_s;
        Environment prod = m_envs[2];
        prod.referenceEnvironment = u"other"_s;
        CancelToken token;
        const ExpectedSet set = readFor(prod, { other, prod }, token);
        QCOMPARE(set.error, QString());
        QVERIFY(set.ids.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReferenceEnvironment)
#include "tst_referenceenvironment.moc"

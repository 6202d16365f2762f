// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// KbArticle's own methods, on articles built by hand: the fixes of a deployment, a block's
// condition, declared evidence, sections and related checks.

#include "kb/kbarticle.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

KbCodeBlock block(
    const QString &text, std::optional<DeploymentStyle> deployment, const QString &when = {})
{
    KbCodeBlock b;
    b.language = u"bash"_s;
    b.text = text;
    b.deployment = deployment;
    b.fix = deployment.has_value();
    b.line = 10;
    if (!when.isEmpty()) {
        const KbEvidenceCondition::Parsed parsed = KbEvidenceCondition::parse(when);
        b.when = KbFixCondition { when, 11, 9, parsed.condition, parsed.error, parsed.column };
    }
    return b;
}

KbSection section(const QString &title, const QString &markdown)
{
    return KbSection { title, 2, 1, markdown };
}

} // namespace

class TestKbArticle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fixesForADeploymentInOrder()
    {
        KbArticle a;
        a.codeBlocks = { block(u"docker compose up"_s, DeploymentStyle::Compose),
            block(u"echo verify"_s, std::nullopt),
            block(u"systemctl restart x"_s, DeploymentStyle::Systemd),
            block(u"docker compose logs"_s, DeploymentStyle::Compose) };
        QStringList compose;
        for (const KbCodeBlock &b : a.fixesFor(DeploymentStyle::Compose))
            compose << b.text;
        QCOMPARE(compose, (QStringList { u"docker compose up"_s, u"docker compose logs"_s }));
        QCOMPARE(a.fixesFor(DeploymentStyle::Systemd).size(), 1);
        QVERIFY(a.fixesFor(DeploymentStyle::Kubernetes).isEmpty());
    }

    // Without a condition a block always applies; a broken one chooses nothing; a
    // condition on a key the evidence lacks does not hold.
    void appliesTo()
    {
        const Evidence refused { { u"Reachable"_s, false }, { u"PendingCount"_s, 0 } };
        QVERIFY(block(u"x"_s, DeploymentStyle::Compose).appliesTo(refused));
        QVERIFY(block(u"x"_s, DeploymentStyle::Compose).appliesTo({}));
        const KbCodeBlock whenUnreachable
            = block(u"x"_s, DeploymentStyle::Compose, u"Reachable=false"_s);
        QVERIFY(whenUnreachable.appliesTo(refused));
        QVERIFY(!whenUnreachable.appliesTo({ { u"Reachable"_s, true } }));
        QVERIFY(!whenUnreachable.appliesTo({}));
        const KbCodeBlock broken = block(u"x"_s, DeploymentStyle::Compose, u"Reachable==false"_s);
        QVERIFY(!broken.when->error.isEmpty());
        QVERIFY(!broken.appliesTo(refused));
        QVERIFY(block(u"x"_s, DeploymentStyle::Compose, u"always"_s).appliesTo({}));
    }

    void firstTextLine()
    {
        QCOMPARE(block(u"x"_s, std::nullopt).firstTextLine(), 11); // after the fence
        QCOMPARE(block(u"x"_s, std::nullopt, u"always"_s).firstTextLine(), 12); // and When:
    }

    void evidenceKeys()
    {
        KbArticle a;
        a.evidence = { { u"Reachable"_s, KbEvidenceKey::Type::Bool, 4 },
            { u"PendingCount"_s, KbEvidenceKey::Type::Number, 5 } };
        QVERIFY(a.evidenceKey(u"Reachable"_s));
        QCOMPARE(a.evidenceKey(u"PendingCount"_s)->line, 5);
        QCOMPARE(a.evidenceKey(u"reachable"_s), nullptr); // keys are case-sensitive
        QCOMPARE(a.evidenceKey(QString()), nullptr);
        QCOMPARE(KbEvidenceKey::typeName(KbEvidenceKey::Type::Bool), u"bool"_s);
        QCOMPARE(KbEvidenceKey::typeName(KbEvidenceKey::Type::Number), u"number"_s);
        QCOMPARE(KbEvidenceKey::typeName(KbEvidenceKey::Type::Text), u"text"_s);
        QCOMPARE(KbEvidenceKey::typeName(KbEvidenceKey::Type::List), u"list"_s);
        QCOMPARE(KbEvidenceKey::typeName(KbEvidenceKey::Type::Map), u"map"_s);
    }

    void sectionByTitle()
    {
        KbArticle a;
        a.sections = { section(u"What it checks"_s, u"one"_s), section(u"How to fix"_s, u"two"_s),
            section(u"how to fix"_s, u"three"_s) };
        QCOMPARE(a.section(u"How to fix"_s)->markdown, u"two"_s);
        QCOMPARE(a.section(u"HOW TO FIX"_s)->markdown, u"two"_s); // the first, any case
        QCOMPARE(a.section(u"How to"_s), nullptr);
        QCOMPARE(a.section(QString()), nullptr);
    }

    // The check ids named in "Related checks" only, each once, in order, without the
    // punctuation around them.
    void relatedChecks()
    {
        KbArticle a;
        QVERIFY(a.relatedChecks().isEmpty());
        a.sections = { section(u"Why it matters"_s, u"See `check.postgres.disk`."_s),
            section(u"Related checks"_s,
                u"- `check.postgres.connectivity`: first.\n"
                "- check.postgres.pool, and check.postgres.connectivity again.\n"
                "- (check.postgres.replication_lag)\n"
                "- not a check: checks.postgres.x, check.\n"_s) };
        QCOMPARE(a.relatedChecks(),
            (QStringList { u"check.postgres.connectivity"_s, u"check.postgres.pool"_s,
                u"check.postgres.replication_lag"_s }));
    }
};

QTEST_GUILESS_MAIN(TestKbArticle)
#include "tst_kbarticle.moc"

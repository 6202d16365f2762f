// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Issue 12 item 2 against the real server: a wrong password gets the password fixes first
// (report and panel alike), never `systemctl start`; a passing check gets none.
#include "codeblockview.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "kb/kblibrary.h"
#include "pgserver.h"
#include "remediationpanel.h"
#include "report/resultjson.h"
#include "runandwait.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
const QString Connectivity = u"check.postgres.connectivity"_s;
const QString Migrations = u"check.postgres.migrations"_s;
const QString Pool = u"check.postgres.pool"_s;
} // namespace

class TestPgWrongPassword : public QObject
{
    Q_OBJECT
    PgServer m_pg = PgServer::fromFixture();
    KbLibrary m_kb;
    QString m_db;

    Environment env(const QString &name) const
    {
        Environment e = m_pg.environment(name, m_db);
        e.deployment = DeploymentStyle::Systemd;
        e.placeholders
            = { { u"db-host"_s, m_pg.host() }, { u"db-port"_s, QString::number(m_pg.port()) },
                  { u"db-name"_s, m_db }, { u"db-user"_s, m_pg.user() } };
        return e;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_kb.load();
        m_db = m_pg.createDatabase(u"badpw"_s);
        QCOMPARE(m_pg.exec(m_db,
                     { u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) "
                       "PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)"_s,
                         u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('20240101000000_Init', "
                         "'9.0.6')"_s }),
            QString());
    }

    void wrongPassword()
    {
        Environment bad = env(u"analytics-badpw"_s);
        bad.connection.password = u"not-the-password"_s;
        CheckRunner runner(CheckRegistry::builtin(), &m_kb);
        const RunOutcome out = runAndWait(runner, { bad }, {});
        QVERIFY(out.finished);
        const CheckResult *c = out.find(bad.name, Connectivity);
        QVERIFY(c);
        QCOMPARE(c->status, CheckStatus::Fail);
        QCOMPARE(c->evidenceValue(u"Reachable"_s), QVariant(true));
        QCOMPARE(c->evidenceValue(u"Authenticated"_s), QVariant(false));

        // The report: the first fix of each deployment style is about the password, no fix
        // starts the server, and the other checks of the environment offer nothing.
        const QJsonArray fixes
            = ResultJson::toJson(*c).value(u"remediation"_s).toObject().value(u"fixes"_s).toArray();
        QStringList seen;
        for (const QJsonValue &v : fixes) {
            const QJsonObject f = v.toObject();
            const QString style = f.value(u"deployment"_s).toString();
            const QString text
                = f.value(u"title"_s).toString() + u'\n' + f.value(u"command"_s).toString();
            QVERIFY2(!text.contains(u"systemctl start"_s), qPrintable(text));
            if (!seen.contains(style)) {
                seen << style;
                QVERIFY2(text.contains(u"password"_s), qPrintable(style + u": "_s + text));
            }
        }
        QCOMPARE(seen, (QStringList { u"compose"_s, u"systemd"_s, u"kubernetes"_s }));
        QVERIFY(!c->message.contains(u"not-the-password"_s));
        for (const QString &id : { Migrations, Pool }) {
            const CheckResult *other = out.find(bad.name, id);
            QVERIFY(other);
            QVERIFY2(other->remediation.fixes.isEmpty(), qPrintable(id));
        }

        // The panel: the password file first, the server fixes folded.
        QWidget window;
        window.setWindowTitle(u"Remediation — wrong password"_s);
        auto *panel = new RemediationPanel(&window);
        auto *layout = new QVBoxLayout(&window);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(panel);
        window.resize(640, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        panel->showResult(m_kb.article(Connectivity), *c, &bad);
        // The fixes have room (the empty panel used to leave them none).
        const QList<int> sizes = panel->findChild<QSplitter *>()->sizes();
        QVERIFY2(sizes.value(1) > 200, qPrintable(QString::number(sizes.value(1))));
        const QList<CodeBlockView *> blocks = panel->codeBlocks(DeploymentStyle::Systemd);
        QVERIFY(!blocks.isEmpty());
        QVERIFY2(
            blocks.first()->text().contains(u"PGPASSFILE"_s), qPrintable(blocks.first()->text()));
        QVERIFY2(blocks.first()->text().contains(u"user="_s + m_pg.user()),
            qPrintable(blocks.first()->text()));
        for (const CodeBlockView *b : blocks)
            QVERIFY2(!b->text().contains(u"systemctl start"_s), qPrintable(b->text()));
        QToolButton *toggle = panel->otherFixesToggle(DeploymentStyle::Systemd);
        QVERIFY(toggle && toggle->text().endsWith(u"other fixes that do not match this result"_s));

        // DOCTOR_SHOT_DIR=DIR: the panel as the support engineer sees it, for the record.
        const QString shots = qEnvironmentVariable("DOCTOR_SHOT_DIR");
        if (!shots.isEmpty()) {
            QTest::qWait(300); // the deferred article text and highlighting
            QVERIFY(window.grab().save(QDir(shots).filePath(u"wrong-password.png"_s)));
            // And with the folded fixes opened, scrolled to them.
            QTest::mouseClick(toggle, Qt::LeftButton);
            auto *scroll = qobject_cast<QScrollArea *>(panel->fixTabs()->currentWidget());
            QVERIFY(scroll);
            QTest::qWait(300);
            scroll->ensureWidgetVisible(toggle, 0, 0);
            scroll->verticalScrollBar()->setValue(
                toggle->mapTo(scroll->widget(), QPoint()).y() - 80);
            QTest::qWait(100);
            QVERIFY(window.grab().save(QDir(shots).filePath(u"wrong-password-folded.png"_s)));
        }
    }

    void passingMigrationsHaveNothingToDo()
    {
        const Environment good = env(u"good"_s);
        CheckRunner runner(CheckRegistry::builtin(), &m_kb);
        const RunOutcome out = runAndWait(runner, { good }, { Migrations });
        const CheckResult *m = out.find(good.name, Migrations);
        QVERIFY(m);
        QCOMPARE(m->status, CheckStatus::Pass);
        QVERIFY(m->remediation.fixes.isEmpty());
        QVERIFY(ResultJson::toJson(*m)
                .value(u"remediation"_s)
                .toObject()
                .value(u"fixes"_s)
                .toArray()
                .isEmpty());
        RemediationPanel panel;
        panel.setVisible(true);
        panel.showResult(m_kb.article(Migrations), *m, &good);
        QCOMPARE(
            panel.fixVerdictText(DeploymentStyle::Systemd), u"Nothing to do: this check passed."_s);
        QVERIFY(panel.codeBlocks(DeploymentStyle::Systemd).isEmpty());
        QVERIFY(panel.fixTabs()->currentWidget()->findChildren<CodeBlockView *>().isEmpty());
    }
};

QTEST_MAIN(TestPgWrongPassword)
#include "tst_pg_wrongpassword.moc"

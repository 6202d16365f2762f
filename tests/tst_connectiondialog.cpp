// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The connection dialog offscreen: pasting connection strings, validation, and the
// sentinel password that must never leave memory (RELIABILITY 18, 19).
#include "connectiondialog.h"
#include "connectionfields.h"
#include "connectiontester.h"
#include "environmentdetailsform.h"
#include "environmentsmodel.h"
#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "poolthresholdsform.h"
#include "secretstore.h"
#include "silentserver.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDirIterator>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Sentinel = u"Sentinel-Pw-9152"_s;

QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << f.fileName();
    }
    return hits;
}

struct Fields
{
    QString host, port, database, user;
};

Fields fieldsOf(const ConnectionDialog &d)
{
    const ConnectionFields *f = d.connectionFields();
    return { f->hostEdit()->text(), f->portEdit()->text(), f->databaseEdit()->text(),
        f->userEdit()->text() };
}

} // namespace

class TestConnectionDialog : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    KbLibrary m_kb;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path());
        m_kb.load();
    }

    void pasteNpgsqlFillsTheFields()
    {
        ConnectionDialog d({});
        d.show();
        QApplication::clipboard()->setText(u"Host=db.example;Port=5433;Database=platform;"
                                           "Username=doctor;Password=Sentinel-Pw-9152;"
                                           "SSL Mode=VerifyFull;Timeout=7;Application Name=doc"_s);
        QTest::mouseClick(d.pasteButton(), Qt::LeftButton);
        const ConnectionFields *f = d.connectionFields();
        QCOMPARE(f->hostEdit()->text(), u"db.example"_s);
        QCOMPARE(f->portEdit()->text(), u"5433"_s);
        QCOMPARE(f->databaseEdit()->text(), u"platform"_s);
        QCOMPARE(f->userEdit()->text(), u"doctor"_s);
        QCOMPARE(f->passwordEdit()->text(), Sentinel);
        QCOMPARE(f->passwordEdit()->echoMode(), QLineEdit::Password);
        QCOMPARE(f->sslModeBox()->currentData().toString(), u"verify-full"_s);
        QCOMPARE(f->timeoutBox()->value(), 7);
        QVERIFY(d.pasteMessage()->isVisible());
        QVERIFY(!d.pasteMessage()->text().contains(Sentinel));

        // The settings without a field of their own are kept, the password is not.
        d.nameEdit()->setText(u"prod"_s);
        const Environment env = d.environment();
        QCOMPARE(env.connection.option(u"application_name"_s), u"doc"_s);
        QVERIFY(env.connection.password.isEmpty());
        QCOMPARE(env.timeouts.connectSec, 7);
        QCOMPARE(d.password(), Sentinel);
        QVERIFY(d.okButton()->isEnabled());
        QApplication::clipboard()->clear();
    }

    void invalidStringShowsAnErrorAndChangesNothing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("bad port") << u"Host=x;Port=abc;Password=Sentinel-Pw-9152"_s << u"Port"_s;
        QTest::newRow("other scheme") << u"mysql://u:Sentinel-Pw-9152@h/db"_s << u"postgresql://"_s;
        QTest::newRow("smuggled host") << u"Host=x;Application Name=a host=evil"_s << u"host="_s;
        QTest::newRow("unclosed quote") << u"host=x password='Sentinel-Pw-9152"_s << u"quote"_s;
    }
    void invalidStringShowsAnErrorAndChangesNothing()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        ConnectionDialog d({});
        d.show();
        QVERIFY(d.pasteConnectionString(u"host=keep.example port=6543 dbname=kept user=me"_s));
        const Fields before = fieldsOf(d);
        QVERIFY(!d.pasteConnectionString(text));
        const Fields after = fieldsOf(d);
        QCOMPARE(after.host, before.host);
        QCOMPARE(after.port, before.port);
        QCOMPARE(after.database, before.database);
        QCOMPARE(after.user, before.user);
        QVERIFY(d.connectionFields()->passwordEdit()->text().isEmpty());
        QVERIFY(d.pasteMessage()->isVisible());
        QVERIFY2(d.pasteMessage()->text().startsWith(u"Could not read the connection string"),
            qPrintable(d.pasteMessage()->text()));
        QVERIFY2(d.pasteMessage()->text().contains(error), qPrintable(d.pasteMessage()->text()));
        QVERIFY(!d.pasteMessage()->text().contains(Sentinel));
    }

    void duplicateNameBlocksOk()
    {
        ConnectionDialog d({ u"prod"_s, u"staging"_s });
        d.show();
        QVERIFY(!d.okButton()->isEnabled()); // nothing entered yet
        QVERIFY(!d.validationLabel()->isVisible()); // and no red text for that
        d.connectionFields()->hostEdit()->setText(u"db.example"_s);
        QTest::keyClicks(d.nameEdit(), u"prod"_s);
        QVERIFY(!d.okButton()->isEnabled());
        QVERIFY(d.validationLabel()->isVisible());
        QVERIFY2(d.validationLabel()->text().contains(u"already named \"prod\""),
            qPrintable(d.validationLabel()->text()));
        d.accept(); // as if OK were reached some other way: still refused
        QVERIFY(d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Rejected));

        QTest::keyClick(d.nameEdit(), Qt::Key_2);
        QVERIFY(d.okButton()->isEnabled());
        QVERIFY(!d.validationLabel()->isVisible());
        QTest::mouseClick(d.okButton(), Qt::LeftButton);
        QCOMPARE(d.result(), int(QDialog::Accepted));
    }

    void editMayKeepItsOwnName()
    {
        Environment env;
        env.name = u"prod"_s;
        env.connection.host = u"db"_s;
        env.connection.setOption(u"keepalives_idle"_s, u"30"_s);
        env.referenceEnvironment = u"staging"_s;
        env.timeouts.statementMs = 2500;
        env.placeholders.insert(u"namespace"_s, u"stella"_s);
        ConnectionDialog d({ u"prod"_s, u"staging"_s });
        d.setEnvironment(env);
        d.show();
        QVERIFY2(d.okButton()->isEnabled(), qPrintable(d.validationError()));
        QCOMPARE(d.detailsForm()->placeholderTable()->rowCount(), 1);
        QVERIFY(d.connectionFields()
                ->findChild<QLabel *>(u"keptSettings"_s)
                ->text()
                .contains(u"keepalives_idle"));
        const Environment out = d.environment();
        QCOMPARE(out.connection.option(u"keepalives_idle"_s), u"30"_s);
        QCOMPARE(out.referenceEnvironment, u"staging"_s);
        QCOMPARE(out.timeouts.statementMs, 2500);
        QCOMPARE(out.placeholders.value(u"namespace"_s), u"stella"_s);
        d.nameEdit()->setText(u"staging"_s);
        QVERIFY(!d.okButton()->isEnabled());
        d.nameEdit()->clear();
        QVERIFY(!d.okButton()->isEnabled());
        QVERIFY(d.validationLabel()->text().contains(u"Enter a name"));
    }

    void poolLimitsAreEditedAndChecked()
    {
        Environment env;
        env.name = u"prod"_s;
        env.connection.host = u"db"_s;
        env.pool.usageWarnPercent = 90;
        env.pool.longestTransactionFailSec = 7200;
        ConnectionDialog d({ u"prod"_s });
        d.setEnvironment(env);
        d.show();
        PoolThresholdsForm *pool = d.poolForm();
        QCOMPARE(pool->usageWarnBox()->value(), 90.0);
        QCOMPARE(pool->usageFailBox()->value(), 95.0); // the default, as the file had none
        QCOMPARE(pool->transactionFailBox()->value(), 7200);
        QVERIFY(d.okButton()->isEnabled());

        // Untouched values come back exactly, even those the boxes show rounded.
        env.pool.usageFailPercent = 97.125;
        env.pool.extraReservedConnections = 15; // no box for it: must come back as it went in
        env.pool.longestTransactionWarnSec = 120.5;
        d.setEnvironment(env);
        QVERIFY(d.environment().pool == env.pool);

        // Typed as a user would: select all, type, and the warning is now above the failure.
        pool->usageWarnBox()->setFocus();
        pool->usageWarnBox()->selectAll();
        QTest::keyClicks(pool->usageWarnBox(), u"98"_s);
        QCOMPARE(pool->usageWarnBox()->value(), 98.0);
        QVERIFY(!d.okButton()->isEnabled());
        QVERIFY2(d.validationLabel()->text().contains(u"above its failure"_s),
            qPrintable(d.validationLabel()->text()));

        pool->usageFailBox()->setValue(99);
        pool->idleSecondsBox()->setValue(120);
        QVERIFY2(d.okButton()->isEnabled(), qPrintable(d.validationError()));
        const Environment out = d.environment();
        QCOMPARE(out.pool.usageWarnPercent, 98.0);
        QCOMPARE(out.pool.usageFailPercent, 99.0);
        QCOMPARE(out.pool.idleInTransactionMinSec, 120);
        QCOMPARE(out.pool.longestTransactionWarnSec, 120.5); // untouched
        QCOMPARE(out.pool.longestTransactionFailSec, 7200.0);
        QCOMPARE(out.pool.extraReservedConnections, 15);
    }

    void appSettingsSource()
    {
        QTemporaryDir dir;
        QFile json(dir.filePath(u"appsettings.json"_s));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(R"({"ConnectionStrings": {"StellaOps": "Host=svc;Database=svc;Username=svc"}})");
        json.close();
        ConnectionDialog d({});
        d.show();
        d.nameEdit()->setText(u"svc"_s);
        d.appSettingsButton()->setChecked(true);
        QVERIFY(!d.okButton()->isEnabled());
        d.appSettingsEdit()->setText(dir.filePath(u"missing.json"_s));
        QVERIFY(d.validationLabel()->text().contains(u"does not exist"));
        d.appSettingsEdit()->setText(json.fileName());
        QVERIFY2(d.okButton()->isEnabled(), qPrintable(d.validationError()));
        const Environment env = d.environment();
        QCOMPARE(env.appSettingsPath, json.fileName());
        QCOMPARE(env.connection.host, u"svc"_s);
        QVERIFY(env.configurationError.isEmpty());
    }

    // RELIABILITY 18: typed into the dialog, kept in memory only.
    void sentinelPasswordStaysInMemory()
    {
        QSettings().clear();
        const QString file = m_home.filePath(u"envs.yaml"_s);
        const int closedPort = closedLoopbackPort();
        {
            MainWindow w(m_kb);
            w.show();
            QSignalSpy finished(&w, &MainWindow::runFinished);
            ConnectionDialog *d = w.openConnectionDialog();
            QVERIFY(d->isVisible());
            d->nameEdit()->setText(u"sentinel-env"_s);
            ConnectionFields *f = d->connectionFields();
            f->hostEdit()->setText(u"127.0.0.1"_s);
            f->portEdit()->setText(QString::number(closedPort));
            f->databaseEdit()->setText(u"app"_s);
            f->userEdit()->setText(u"doctor"_s);
            QTest::keyClicks(f->passwordEdit(), Sentinel);
            f->rememberBox()->setChecked(true); // no keychain here: must not fall back to a file
            QTest::mouseClick(d->okButton(), Qt::LeftButton);

            QCOMPARE(w.environmentsModel()->environments().size(), 1);
            const Environment *env = w.environmentsModel()->environment(u"sentinel-env"_s);
            QVERIFY(env);
            QVERIFY(env->connection.password.isEmpty());
            QCOMPARE(w.secretStore()->sessionPassword(u"sentinel-env"_s), Sentinel);
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000); // the run after adding it
            QVERIFY(!w.windowTitle().contains(Sentinel));
            QVERIFY(!w.windowTitle().contains(u"127.0.0.1"));

            QVERIFY(w.saveEnvironmentsTo(file));
            QCOMPARE(w.environmentsFile(), file);
            QCOMPARE(w.windowTitle(), file + u" — Doctor Dashboard"_s);

            // Editing shows "unchanged" rather than the password itself.
            ConnectionDialog *edit = w.openConnectionDialog(u"sentinel-env"_s);
            QVERIFY(edit->connectionFields()->passwordEdit()->text().isEmpty());
            edit->reject();
            w.close(); // writes the window settings
        }
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray yaml = saved.readAll();
        QVERIFY(yaml.contains("sentinel-env"));
        QVERIFY(!yaml.contains(Sentinel.toUtf8()));

        QSettings settings;
        settings.sync();
        QVERIFY(QFile::exists(settings.fileName()));
        QFile settingsFile(settings.fileName());
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        const QByteArray settingsBytes = settingsFile.readAll();
        QVERIFY(settingsBytes.contains("recentFiles")); // the right file, written
        QVERIFY(!settingsBytes.contains(Sentinel.toUtf8()));
        // Nor anywhere else the app could have written: the settings file lives under this
        // HOME too, as would QtKeychain's plain-text fallback if it were ever enabled.
        QVERIFY(settings.fileName().startsWith(m_home.path()));
        QCOMPARE(filesContaining(m_home.path(), Sentinel.toUtf8()), QStringList());
    }

    void actionsFollowTheSelection()
    {
        MainWindow w(m_kb);
        w.show();
        QVERIFY(w.newEnvironmentAction()->isEnabled());
        QCOMPARE(w.newEnvironmentAction()->shortcut(), QKeySequence(QKeySequence::New));
        QCOMPARE(w.saveAction()->shortcut(), QKeySequence(QKeySequence::Save));
        QVERIFY(!w.editEnvironmentAction()->isEnabled());
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QVERIFY(w.startDemo());
        QVERIFY(!w.editEnvironmentAction()->isEnabled()); // "All environments" is selected
        w.environmentsView()->setCurrentIndex(w.environmentsModel()->index(1));
        QVERIFY(w.editEnvironmentAction()->isEnabled());
        QVERIFY(w.environmentsFile().isEmpty()); // the demo has no file: Save asks where
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// File > Export Report (issue 18): the dialog remembers its format, folder and Redact
// choice and keeps the file's suffix with the format; the window writes the report of the
// results shown on a pool thread and says so in the status bar, redacted when asked.
#include "environmentsmodel.h"
#include "exportreportdialog.h"
#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "report/reportformat.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestExportReportDialog : public QObject
{
    Q_OBJECT
    KbLibrary m_kb;
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.filePath(u"home"_s)); // settings and history in the temp folder
        m_kb.load();
    }

    void remembersItsChoices()
    {
        const QString folder = m_home.filePath(u"reports"_s);
        {
            ExportReportDialog d;
            QVERIFY(d.redact()); // a report is redacted unless one says otherwise
            QCOMPARE(d.format(), ReportFormat::Format::Html);
            QVERIFY(d.path().endsWith(u"/doctor-report.html"_s));
            d.setPath(folder + u"/acme.html"_s);
            d.formatBox()->setCurrentIndex(d.formatBox()->findData(u"md"_s));
            QCOMPARE(d.path(), folder + u"/acme.md"_s); // the suffix follows the format
            d.redactBox()->setChecked(false);
            d.accept();
        }
        ExportReportDialog again;
        QCOMPARE(again.format(), ReportFormat::Format::Markdown);
        QVERIFY(!again.redact());
        QCOMPARE(again.path(), folder + u"/doctor-report.md"_s);
        again.pathEdit()->clear();
        QVERIFY(again.path().isEmpty());
    }

    void exportsTheResultsShownOffTheUiThread()
    {
        MainWindow w(m_kb);
        QVERIFY(w.exportReportAction());
        QCOMPARE(w.exportReportAction()->text(), u"Export &Report…"_s);
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QVERIFY(w.startDemo());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);

        QSignalSpy exported(&w, &MainWindow::reportExported);
        const QString path = m_home.filePath(u"demo.html"_s);
        w.exportReportTo(path, ReportFormat::Format::Html, true);
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 20000);
        QCOMPARE(exported.first().at(1).toString(), QString());
        QCOMPARE(w.statusBar()->currentMessage(), u"Report written to "_s + path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(f.readAll());
        QVERIFY(page.startsWith(u"<!DOCTYPE html>"_s));
        QVERIFY(page.contains(u"Redacted: host names"_s));
        QVERIFY(page.contains(u"20251101162100_AddDoctorRuns"_s)); // the matrix
        // The demo's databases are files in a temporary folder: their paths are gone.
        for (const Environment &e : w.environmentsModel()->environments())
            QVERIFY2(!page.contains(e.connection.database), qPrintable(e.connection.database));

        const QString bad = m_home.filePath(u"no/such/folder/r.md"_s);
        w.exportReportTo(bad, ReportFormat::Format::Markdown, false);
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 2, 20000);
        QVERIFY(!exported.at(1).at(1).toString().isEmpty());
        QVERIFY(w.statusBar()->currentMessage().startsWith(u"Report not written to "_s + bad));
    }
};

QTEST_MAIN(TestExportReportDialog)
#include "tst_exportreportdialog.moc"

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// File > Export Report (issue 18): the report a customer can send, written from the results
// shown, off the UI thread (building the matrix and rendering a large run takes a while).

#include "environmentsmodel.h"
#include "exportreportdialog.h"
#include "mainwindow.h"
#include "report/reportformat.h"
#include "report/reportredactor.h"
#include "resultsmodel.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QMenu>
#include <QSaveFile>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace {

// Runs on a pool thread: only values in, an error text (empty on success) out.
QString writeReport(const QList<Environment> &environments, const QList<CheckResult> &results,
    const QString &path, ReportFormat::Format format, bool redact, const QString &version)
{
    // The run's window from the results themselves: the earliest start, the last finish.
    QDateTime started, finished;
    for (const CheckResult &r : results) {
        if (!r.checkedAt.isValid())
            continue;
        const QDateTime start = r.checkedAt.addMSecs(-r.durationMs);
        if (!started.isValid() || start < started)
            started = start;
        if (!finished.isValid() || r.checkedAt > finished)
            finished = r.checkedAt;
    }
    ReportContent content = ReportContent::from(environments, results, started, finished, version);
    if (redact)
        content = ReportRedactor::redact(content);
    const QByteArray data = ReportFormat::render(content, format);
    QSaveFile file(path); // atomic: a failed export leaves an earlier file as it was
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return file.errorString();
    return {};
}

} // namespace

void MainWindow::addReportActions(QMenu *file)
{
    m_exportReport = file->addAction(tr("Export &Report…"), this, &MainWindow::exportReport);
    m_exportReport->setStatusTip(tr("Write the results, the migration matrix and the fixes to "
                                    "one HTML, Markdown or JSON file"));
}

void MainWindow::exportReport()
{
    if (m_results->rowCount() == 0) {
        statusBar()->showMessage(tr("Nothing to export yet: run the checks first"), 5000);
        return;
    }
    auto *dialog = new ExportReportDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
        [this, dialog] { exportReportTo(dialog->path(), dialog->format(), dialog->redact()); });
    dialog->open();
}

void MainWindow::exportReportTo(const QString &path, ReportFormat::Format format, bool redact)
{
    QList<CheckResult> results;
    for (int row = 0; row < m_results->rowCount(); ++row) {
        if (const CheckResult *r = m_results->resultAt(row))
            results << *r;
    }
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (error.isEmpty())
            statusBar()->showMessage(tr("Report written to %1").arg(path), 10000);
        else
            statusBar()->showMessage(tr("Report not written to %1: %2").arg(path, error), 15000);
        Q_EMIT reportExported(path, error);
    });
    watcher->setFuture(QtConcurrent::run(writeReport, m_environments->environments(), results, path,
        format, redact, QCoreApplication::applicationVersion()));
}

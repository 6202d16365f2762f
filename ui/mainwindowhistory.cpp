// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// MainWindow's run history (issue 18): every finished refresh is recorded (HistoryClient,
// on a worker thread), and what the history knows comes back to the board: the results
// table's Since column, the matrix's first-seen times, and the Timeline tab of the selected
// result. A store that cannot be used says so once in the status bar; the runs go on.
#include "environmentsmodel.h"
#include "historyclient.h"
#include "mainwindow.h"
#include "matrixview.h"
#include "resultsmodel.h"
#include "resultsview.h"
#include "timelineview.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>
#include <QTabWidget>

using namespace Qt::StringLiterals;

void MainWindow::addTimelineTab()
{
    m_history = new HistoryClient(this);
    m_timeline = new TimelineView(this);
    m_lowerTabs->addTab(m_timeline, tr("T&imeline"));

    // The results of a refresh are collected as they arrive and recorded when it ends,
    // cancelled or not: what was checked was checked.
    connect(m_run, &RunController::busyChanged, this, [this] {
        if (m_run->isBusy() && !m_runStartedAt.isValid())
            m_runStartedAt = QDateTime::currentDateTimeUtc();
    });
    connect(m_run, &RunController::resultArrived, this,
        [this](const CheckResult &result) { m_runResults << result; });
    connect(m_run, &RunController::finished, this, &MainWindow::recordRun);

    connect(m_history, &HistoryClient::runRecorded, this, &MainWindow::loadHistory);
    connect(m_history, &HistoryClient::spansLoaded, this, [this](const QList<StatusSpan> &spans) {
        m_results->setSpans(spans);
        m_resultsPane->fitColumn(ResultsModel::SinceColumn); // its texts came after the fit
    });
    connect(m_history, &HistoryClient::sightingsLoaded, this,
        [this](const QList<MigrationSighting> &sightings) {
            if (m_matrix)
                m_matrix->setSightings(sightings);
        });
    connect(m_history, &HistoryClient::timelineLoaded, this,
        [this](const QString &environment, const QString &checkId, const QString &subject,
            const QList<TimelinePoint> &points) {
            if (environment == m_timeline->environment() && checkId == m_timeline->checkId()
                && subject == m_timeline->subject())
                m_timeline->setPoints(points);
        });
    connect(m_history, &HistoryClient::timelineFailed, m_timeline, &TimelineView::showNote);
    connect(m_history, &HistoryClient::errorOccurred, this,
        [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_resultsPane, &ResultsView::currentResultChanged, this, [this] { showTimeline(); });
}

void MainWindow::addTimelineActions(QMenu *view)
{
    m_showTimeline = view->addAction(tr("Show T&imeline"), this, [this] {
        m_lowerTabs->setCurrentWidget(m_timeline);
        m_timeline->setFocus();
    });
    m_showTimeline->setShortcut(Qt::CTRL | Qt::Key_T);
}

void MainWindow::recordRun()
{
    HistoryRun run;
    run.startedAt = m_runStartedAt.isValid() ? m_runStartedAt : QDateTime::currentDateTimeUtc();
    run.finishedAt = QDateTime::currentDateTimeUtc();
    // The environments checked, in the list's order.
    for (const Environment &e : m_environments->environments()) {
        for (const CheckResult &r : std::as_const(m_runResults)) {
            if (r.environment == e.name) {
                run.environments << e.name;
                if (!e.tags.isEmpty()) // the file's tags, for the fleet view's filter
                    run.tags.insert(e.name, e.tags);
                break;
            }
        }
    }
    const QList<CheckResult> results = std::exchange(m_runResults, {});
    m_runStartedAt = {};
    if (!results.isEmpty())
        m_history->record(run, results);
}

void MainWindow::loadHistory()
{
    QStringList environments;
    for (const Environment &e : m_environments->environments())
        environments << e.name;
    m_history->loadSpans(environments);
    m_history->loadSightings();
    if (!m_timeline->environment().isEmpty()) {
        m_history->loadTimeline(
            m_timeline->environment(), m_timeline->checkId(), m_timeline->subject());
    }
}

void MainWindow::showTimeline()
{
    const std::optional<CheckResult> result = m_resultsPane->currentResult();
    if (!result) {
        m_timeline->setResult({}, {}, {});
        return;
    }
    if (result->environment == m_timeline->environment() && result->checkId == m_timeline->checkId()
        && result->subject == m_timeline->subject() && m_timeline->isChartShown())
        return; // shown already; a recorded run reloads it (loadHistory)
    m_timeline->setResult(result->environment, result->checkId, result->subject);
    if (!m_history->isEnabled()) {
        m_timeline->showNote(tr("Run history is off: File > Settings turns it on."));
        return;
    }
    m_history->loadTimeline(result->environment, result->checkId, result->subject);
}

void MainWindow::applyHistorySettings()
{
    m_history->applySettings();
    if (!m_history->isEnabled()) {
        m_results->setSpans({});
        if (m_matrix)
            m_matrix->setSightings({});
    }
    m_timeline->setResult({}, {}, {}); // shown again from the (other) store
    showTimeline();
    loadHistory();
}

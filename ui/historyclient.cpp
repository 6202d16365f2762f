// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "historyclient.h"

#include "history/historystore.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUuid>
#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

HistoryClient::HistoryClient(QObject *parent)
    : QObject(parent)
{
    // One job at a time, in the order asked for: a record and the loads after it never
    // race, and two jobs never wait on each other's SQLite lock.
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(u"HistoryClient"_s);
    applySettings();
}

HistoryClient::~HistoryClient()
{
    // A queued record still runs (the run's history is kept); the answers are not
    // delivered: the events posted to this object go with it.
    m_pool.waitForDone();
}

void HistoryClient::applySettings()
{
    const QSettings settings;
    setLocation(settings.value(locationKey()).toString());
    setEnabled(settings.value(recordKey(), true).toBool());
}

void HistoryClient::setLocation(const QString &location)
{
    if (location == m_location)
        return;
    m_location = location;
    m_reported.clear(); // another store: its problems are news
}

void HistoryClient::setEnabled(bool on)
{
    m_enabled = on;
}

void HistoryClient::submit(
    Kind kind, std::function<QString(HistoryStore &)> work, std::function<void()> deliver)
{
    Q_ASSERT(QThread::currentThread() == thread());
    const quint64 generation = ++m_generation[int(kind)];
    ++m_pending;
    m_pool.start([this, kind, generation, location = m_location, work = std::move(work),
                     deliver = std::move(deliver)] {
        QString error;
        {
            HistoryStore store; // opened, used and closed on this thread
            error = store.open(location) ? work(store) : store.errorString();
        }
        // The destructor waits for this job, so this object is alive here.
        QMetaObject::invokeMethod(
            this, [=, this] { finished(kind, generation, error, deliver); }, Qt::QueuedConnection);
    });
}

void HistoryClient::finished(
    Kind kind, quint64 generation, const QString &error, const std::function<void()> &deliver)
{
    --m_pending;
    if (!error.isEmpty()) {
        if (kind == Kind::Timeline && generation == m_generation[int(kind)])
            Q_EMIT timelineFailed(error);
        if (error != m_reported) {
            m_reported = error;
            Q_EMIT errorOccurred(kind == Kind::Record
                    ? tr("Run history not recorded: %1").arg(error)
                    : tr("Run history not available: %1").arg(error));
        }
        return;
    }
    m_reported.clear();
    if (kind == Kind::Record || generation == m_generation[int(kind)])
        deliver();
}

void HistoryClient::record(HistoryRun run, const QList<CheckResult> &results)
{
    if (!m_enabled)
        return;
    if (run.id.isEmpty())
        run.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (run.origin.isEmpty())
        run.origin = u"dashboard"_s;
    if (run.doctorVersion.isEmpty())
        run.doctorVersion = QCoreApplication::applicationVersion();
    if (run.ranBy.isEmpty()) // the operating-system user, as the CLI records it
        run.ranBy = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    submit(
        Kind::Record,
        [run, results](HistoryStore &store) {
            return store.record(run, results) ? QString() : store.errorString();
        },
        [this, run] { Q_EMIT runRecorded(run); });
}

void HistoryClient::loadSpans(const QStringList &environments)
{
    if (!m_enabled)
        return;
    auto spans = std::make_shared<QList<StatusSpan>>();
    submit(
        Kind::Spans,
        [spans, environments](HistoryStore &store) {
            *spans = store.currentSpans(environments);
            return store.errorString();
        },
        [this, spans] { Q_EMIT spansLoaded(*spans); });
}

void HistoryClient::loadSightings(const QString &environment)
{
    if (!m_enabled)
        return;
    auto sightings = std::make_shared<QList<MigrationSighting>>();
    submit(
        Kind::Sightings,
        [sightings, environment](HistoryStore &store) {
            *sightings = store.migrations(environment);
            return store.errorString();
        },
        [this, sightings] { Q_EMIT sightingsLoaded(*sightings); });
}

void HistoryClient::loadTimeline(
    const QString &environment, const QString &checkId, const QString &subject)
{
    if (!m_enabled)
        return;
    auto points = std::make_shared<QList<TimelinePoint>>();
    submit(
        Kind::Timeline,
        [points, environment, checkId, subject](HistoryStore &store) {
            *points = store.timeline(environment, checkId, subject);
            if (!subject.isEmpty() && store.errorString().isEmpty()) {
                // A run that could not reach the subjects (no connection: not run) has one
                // result for the environment as a whole, without a subject; it is part of
                // each subject's story.
                *points += store.timeline(environment, checkId, {});
                std::stable_sort(points->begin(), points->end(),
                    [](const TimelinePoint &a, const TimelinePoint &b) { return a.at < b.at; });
            }
            return store.errorString();
        },
        [this, points, environment, checkId, subject] {
            Q_EMIT timelineLoaded(environment, checkId, subject, *points);
        });
}

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "history/historyrecords.h"

#include <QObject>
#include <QThreadPool>
#include <functional>

class HistoryStore;

// The dashboard's run history (issue 18): records each finished run and loads what the
// views show from it: the status spans behind the results table's Since column, the
// migration sightings behind the matrix's first-seen times, one check's timeline.
//
// Every store access runs on a worker thread with a HistoryStore of its own (QSqlDatabase's
// rule: a connection belongs to the thread that opened it), one job at a time in the order
// asked for, so a load asked for after a record sees that run. Nothing on the UI thread
// waits for the store; answers come back as value signals, and an answer that a newer
// request of the same kind has replaced is dropped. A store that cannot be opened or
// written (unwritable, full, written by a newer doctor) is reported once by errorOccurred()
// until it works again; the run it could not record is not affected. UI thread only.
class HistoryClient : public QObject
{
    Q_OBJECT
public:
    explicit HistoryClient(QObject *parent = nullptr);
    // Waits for the job under way (bounded by the store's busy and connect timeouts) and for
    // queued records, so the last run is kept and no connection outlives the client.
    ~HistoryClient() override;

    // QSettings: where the store is (empty: HistoryStore::defaultPath(); a SQLite file; a
    // postgresql:// URL, kept without a password) and whether runs are recorded (bool,
    // true when unset). The CLI's equivalents are --history and --no-history.
    static QString locationKey() { return QStringLiteral("history/location"); }
    static QString recordKey() { return QStringLiteral("history/record"); }

    // Takes the location and the on/off switch from QSettings (the constructor does too).
    void applySettings();
    void setLocation(const QString &location); // empty: the default store
    QString location() const { return m_location; }
    // Off: nothing is recorded or read and the store is not opened (or created).
    void setEnabled(bool on);
    bool isEnabled() const { return m_enabled; }

    // Records a finished run with its results (origin "dashboard", the user, the version
    // and a new id filled in when empty). runRecorded() or errorOccurred() follows.
    void record(HistoryRun run, const QList<CheckResult> &results);
    // The newest status span of every result of these environments (all when empty).
    void loadSpans(const QStringList &environments);
    // Every migration sighting of environment (of all environments when empty).
    void loadSightings(const QString &environment = {});
    // One check's results for environment and subject, oldest first; with a subject, the
    // check's results without one (a run that could not reach the subjects) among them.
    void loadTimeline(const QString &environment, const QString &checkId, const QString &subject);

    // Jobs asked for and not yet answered (tests wait for 0).
    int pendingJobs() const { return m_pending; }

Q_SIGNALS:
    void runRecorded(const HistoryRun &run); // as stored, with its id
    void spansLoaded(const QList<StatusSpan> &spans);
    void sightingsLoaded(const QList<MigrationSighting> &sightings);
    void timelineLoaded(const QString &environment, const QString &checkId, const QString &subject,
        const QList<TimelinePoint> &points);
    // A timeline could not be loaded: why (each time, for the Timeline tab's note).
    void timelineFailed(const QString &error);
    // What went wrong, for the status bar: "Run history not recorded: <why>" or "Run history
    // not available: <why>", <why> naming the store (never its password). Once per distinct
    // problem: the next success re-arms it.
    void errorOccurred(const QString &message);

private:
    enum class Kind { Record, Spans, Sightings, Timeline, KindCount };
    // Runs work(store) on the pool with a store opened at the current location; then, on
    // this thread, deliver() when it succeeded and is still the newest of its kind.
    // work returns an empty string on success, else the store's error.
    void submit(
        Kind kind, std::function<QString(HistoryStore &)> work, std::function<void()> deliver);
    void finished(
        Kind kind, quint64 generation, const QString &error, const std::function<void()> &deliver);

    QThreadPool m_pool;
    QString m_location;
    bool m_enabled = true;
    int m_pending = 0;
    quint64 m_generation[int(Kind::KindCount)] = {};
    QString m_reported; // the last problem reported; empty after a success
};

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "history/fleetreader.h"
#include "migrations/migrationmatrix.h"

#include <QObject>
#include <QPointer>
#include <functional>

class MigrationMatrixModel;

// The fleet view's migration matrix (issue 19 §5): the store's current migration states
// (FleetReader::currentMigrations) as the MigrationMatrix the dashboard's Matrix tab shows,
// one column per fleet environment. Off the UI thread: load() reads the store with a
// FleetReader of its own on the global thread pool (QSqlDatabase's rule) and builds the matrix
// there; rebuild() builds again from the states last read, for other environments (the
// fleet's filters changed), without reading. The UI thread only swaps the matrix into the
// model (MigrationMatrixModel::setMatrix). A load or rebuild started before the newest one is
// dropped when it ends (a generation number).
class FleetMatrixLoader : public QObject
{
    Q_OBJECT
public:
    explicit FleetMatrixLoader(MigrationMatrixModel *model, QObject *parent = nullptr);
    ~FleetMatrixLoader() override;

    // Reads location's current migration states and shows the matrix of environments (columns
    // in this order). Returns at once; loaded() or failed() follows, for the newest only.
    void load(const QString &location, const QList<FleetEnvironment> &environments);
    // The matrix of environments from the states the last load() read; nothing before one.
    void rebuild(const QList<FleetEnvironment> &environments);
    bool hasStates() const { return m_read; }
    bool isBusy() const { return m_busy; }

    // The matrix of environments (columns in this order): each environment's current
    // migrations (current: FleetReader::currentMigrations, any order of environments) per
    // tool and history, in the order the store lists them, their first seen from the
    // sightings; a column's worst status is the environment's worst latest result. A history
    // whose latest stored migrations result is an error (it could not be read) is unknown
    // there, as in the live matrix. Pure: any thread.
    static MigrationMatrix build(
        const QList<FleetEnvironment> &environments, const QList<MigrationSighting> &current);

Q_SIGNALS:
    // The model shows the matrix; migrations is the current states read, totalMs from load()
    // or rebuild() to the matrix in the model.
    void loaded(int migrations, qint64 totalMs);
    // The states could not be read (error names the store, never a password); the model keeps
    // its matrix.
    void failed(const QString &error);

private:
    struct Outcome;
    void start(std::function<Outcome()> work);

    QPointer<MigrationMatrixModel> m_model;
    QList<MigrationSighting> m_current; // of the newest load that succeeded
    int m_generation = 0;
    bool m_read = false;
    bool m_busy = false;
};

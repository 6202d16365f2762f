// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QObject>
#include <QPointer>

class FleetModel;

// Loads a results store into a FleetModel off the UI thread: each load() reads the store
// with a FleetReader of its own (its own connection, QSqlDatabase's rule) on the global
// thread pool, and the UI thread swaps the rows in. A load started before the newest one is
// dropped when it ends (a generation number), so a slow store never overwrites a newer view.
class FleetLoader : public QObject
{
    Q_OBJECT
public:
    explicit FleetLoader(FleetModel *model, QObject *parent = nullptr);
    ~FleetLoader() override;

    // Starts reading location (a SQLite file or postgresql:// URL; see FleetReader::open).
    // Returns at once; loaded() or failed() follows, for the newest load only.
    void load(const QString &location);
    bool isBusy() const { return m_busy; }
    QString location() const { return m_location; } // of the newest load
    int generation() const { return m_generation; }

Q_SIGNALS:
    // The model holds the store's environments; queryMs is the reader's query and its rows,
    // totalMs from load() to the rows in the model (milliseconds).
    void loaded(int environments, qint64 queryMs, qint64 totalMs);
    // The store could not be read; error names it (never a password). The model is kept.
    void failed(const QString &error);

private:
    QPointer<FleetModel> m_model;
    QString m_location;
    int m_generation = 0;
    bool m_busy = false;
};

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "fleetloader.h"

#include "fleetmodel.h"
#include "history/fleetreader.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace {
struct Outcome
{
    FleetSnapshot snapshot;
    QString error;
};

// On a pool thread: the reader's connection is made, used and removed there.
Outcome readStore(const QString &location)
{
    Outcome o;
    FleetReader reader;
    if (!reader.open(location)) {
        o.error = reader.errorString();
        return o;
    }
    o.snapshot = reader.read();
    o.error = reader.errorString();
    return o;
}
} // namespace

FleetLoader::FleetLoader(FleetModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{ }

// A running read ends on its own on the pool; its watcher, and so its result, goes with this.
FleetLoader::~FleetLoader() = default;

void FleetLoader::load(const QString &location)
{
    const int generation = ++m_generation;
    m_location = location;
    m_busy = true;
    QElapsedTimer timer;
    timer.start();
    // A watcher per load, not QFuture::then(this, ...): that calls a continuation at once,
    // inside load(), when the read is already done, and loaded() would come before load()
    // returns. A watcher's finished() is always posted; it goes with this object.
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, timer] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer load() is on its way
        Outcome o = watcher->result();
        m_busy = false;
        if (!o.error.isEmpty()) {
            Q_EMIT failed(o.error);
            return;
        }
        const int count = int(o.snapshot.environments.size());
        const qint64 queryMs = o.snapshot.queryMs;
        if (m_model)
            m_model->setSnapshot(std::move(o.snapshot));
        Q_EMIT loaded(count, queryMs, timer.elapsed());
    });
    watcher->setFuture(QtConcurrent::run(readStore, location));
}

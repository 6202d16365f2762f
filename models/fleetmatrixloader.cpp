// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "fleetmatrixloader.h"

#include "migrationmatrixmodel.h"
#include "postgres/migrationscheck.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QSet>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

struct FleetMatrixLoader::Outcome
{
    std::optional<QList<MigrationSighting>> current; // set when load() read them
    MigrationMatrix matrix;
    QString error;
};

FleetMatrixLoader::FleetMatrixLoader(MigrationMatrixModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{ }

// A running job ends on its own on the pool; its watcher, and so its result, goes with this.
FleetMatrixLoader::~FleetMatrixLoader() = default;

MigrationMatrix FleetMatrixLoader::build(
    const QList<FleetEnvironment> &environments, const QList<MigrationSighting> &current)
{
    // MigrationMatrices::build reads a run's results: the stored latest results give each
    // column its worst status, and each (environment, tool, history) of the current states
    // becomes one migrations result whose details are its entries, as the check hands them
    // over. Their status is Skipped, the lowest rank: the stored results decide the worst.
    QSet<QString> wanted;
    QHash<QString, CheckStatus> historyStatus; // environment \x1f subject -> stored status
    QList<CheckResult> results;
    QStringList names;
    for (const FleetEnvironment &env : environments) {
        wanted.insert(env.name);
        names << env.name;
        for (const StoredResult &r : env.results) {
            CheckResult c;
            c.environment = env.name;
            c.checkId = r.checkId;
            c.subject = r.subject;
            c.status = r.status;
            results << c;
            if (r.checkId == MigrationsCheck::Id)
                historyStatus.insert(env.name + QChar(0x1f) + r.subject, r.status);
        }
    }
    QHash<QString, qsizetype> resultOf; // environment \x1f subject -> index in results
    QHash<qsizetype, QList<MigrationEntry>> entries;
    for (const MigrationSighting &s : current) {
        if (!wanted.contains(s.environment))
            continue;
        const QString subject = s.tool + u' ' + s.history;
        const QString key = s.environment + QChar(0x1f) + subject;
        // Not read in its newest run: unknown, not the states seen before.
        if (historyStatus.value(key, CheckStatus::Pass) == CheckStatus::Error)
            continue;
        auto it = resultOf.constFind(key);
        if (it == resultOf.cend()) {
            CheckResult c;
            c.environment = s.environment;
            c.checkId = MigrationsCheck::Id;
            c.subject = subject;
            c.status = CheckStatus::Skipped;
            it = resultOf.insert(key, results.size());
            results << c;
        }
        QList<MigrationEntry> &list = entries[*it];
        MigrationEntry e;
        e.id = s.migrationId;
        e.state = s.state;
        e.tool = s.tool;
        e.history = s.history;
        // The store's order (first seen, then as the run listed them) stands in for the
        // expected order, which the store does not keep.
        e.position = int(list.size()) + 1;
        list << e;
    }
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        results[it.key()].details = QVariant::fromValue(it.value());
    return MigrationMatrices::build(results, names, MigrationMatrixModel::firstSeenFrom(current));
}

void FleetMatrixLoader::load(const QString &location, const QList<FleetEnvironment> &environments)
{
    start([location, environments] {
        Outcome o;
        FleetReader reader;
        if (!reader.open(location)) {
            o.error = reader.errorString();
            return o;
        }
        QList<MigrationSighting> current = reader.currentMigrations();
        if (!reader.errorString().isEmpty()) {
            o.error = reader.errorString();
            return o;
        }
        o.matrix = build(environments, current);
        o.current = std::move(current);
        return o;
    });
}

void FleetMatrixLoader::rebuild(const QList<FleetEnvironment> &environments)
{
    if (!m_read)
        return;
    start([current = m_current, environments] {
        Outcome o;
        o.matrix = build(environments, current);
        return o;
    });
}

void FleetMatrixLoader::start(std::function<Outcome()> work)
{
    const int generation = ++m_generation;
    m_busy = true;
    QElapsedTimer timer;
    timer.start();
    // A watcher per job (see FleetLoader::load): finished() is always posted.
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, timer] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer job is on its way
        Outcome o = watcher->result();
        m_busy = false;
        if (!o.error.isEmpty()) {
            Q_EMIT failed(o.error);
            return;
        }
        if (o.current) {
            m_current = std::move(*o.current);
            m_read = true;
        }
        if (m_model)
            m_model->setMatrix(o.matrix);
        Q_EMIT loaded(int(m_current.size()), timer.elapsed());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

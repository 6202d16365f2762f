// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The dashboard's side of tests/bench/history: one environment's migrations check through
// CheckRunner (the builtin registry, the KB attached, as RunController runs it), its result
// into a ResultsModel and the MigrationsView that follows that environment (the table
// model, its sort and filter proxy, the table widget, shown), then a click on a column
// header and a filter text put into the box. A 1 ms timer on the UI thread measures the event
// loop's longest gap all the while, and the UI thread's own CPU time within each gap (its
// work; the rest of a gap is the machine's other load keeping it off the cores). Prints one line of
// key=value figures; exit 1 when the run failed or the table ended with other rows than
// --expect-rows/--expect-filtered say. total_ms is the check's run to the filtered table: fetch,
// fill, sort and the filter given at once; then the filter is typed again key by key (typing_ms,
// outside total_ms), still under the stall probe.
//   bench_history --config FILE --environment NAME --filter TEXT
//                 [--expect-rows N] [--expect-filtered N]
#include "config/environmentsfile.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "kb/kblibrary.h"
#include "migrationsfiltermodel.h"
#include "migrationsmodel.h"
#include "migrationsview.h"
#include "postgres/migrationscheck.h"
#include "resultsmodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTextStream>
#include <QTimer>
#include <ctime>

using namespace Qt::StringLiterals;

namespace {

// The UI thread's longest wait between two ticks of a 1 ms timer, and which phase it
// ended in. Like tests/testsupport/stallprobe.h, finer.
class GapProbe : public QObject
{
public:
    GapProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
        m_clock.start();
        m_lastCpu = threadCpuNs();
        m_timer.start();
    }
    void setPhase(const char *phase)
    {
        tick(); // a gap that ends now belongs to the phase before
        m_phase = phase;
    }
    double longestMs() const { return double(m_longestNs) / 1e6; }
    const char *longestPhase() const { return m_longestPhase; }
    // The most CPU time the UI thread itself spent within one gap: the stall it caused,
    // without the time the machine's other load kept it off the cores.
    double mostWorkMs() const { return double(m_mostWorkNs) / 1e6; }
    // "fetch:12.3/0.4,fill:4.5/3.9,...": per phase the longest gap / the most work in one.
    QString perPhase() const
    {
        QStringList parts;
        for (const Phase &p : m_phases)
            parts << u"%1:%2/%3"_s.arg(QLatin1StringView(p.name))
                         .arg(double(p.gapNs) / 1e6, 0, 'f', 1)
                         .arg(double(p.workNs) / 1e6, 0, 'f', 1);
        return parts.join(u',');
    }

private:
    static qint64 threadCpuNs()
    {
        timespec t {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
    }
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        const qint64 gap = now - m_last;
        const qint64 work = cpu - m_lastCpu;
        if (gap > m_longestNs) {
            m_longestNs = gap;
            m_longestPhase = m_phase;
        }
        m_mostWorkNs = qMax(m_mostWorkNs, work);
        if (m_phases.isEmpty() || m_phases.last().name != m_phase)
            m_phases.append({ m_phase, 0, 0 });
        m_phases.last().gapNs = qMax(m_phases.last().gapNs, gap);
        m_phases.last().workNs = qMax(m_phases.last().workNs, work);
        m_last = now;
        m_lastCpu = cpu;
    }
    struct Phase
    {
        const char *name;
        qint64 gapNs;
        qint64 workNs;
    };
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    qint64 m_longestNs = 0;
    qint64 m_mostWorkNs = 0;
    const char *m_phase = "start";
    const char *m_longestPhase = "start";
    QList<Phase> m_phases;
};

// Turns of the event loop until the table has settled: no pending sort or filter work,
// then two more for what that posted (the view's layout, its paint).
void settle(MigrationsView *view)
{
    while (view->filterModel()->isBusy()) {
        QEventLoop loop;
        QObject::connect(
            view->filterModel(), &MigrationsFilterModel::busyChanged, &loop, &QEventLoop::quit);
        loop.exec();
    }
    for (int i = 0; i < 2; ++i) {
        QEventLoop loop;
        QTimer::singleShot(0, &loop, &QEventLoop::quit);
        loop.exec();
    }
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption config(u"config"_s, u"Environments file."_s, u"FILE"_s);
    const QCommandLineOption environment(u"environment"_s, u"Environment."_s, u"NAME"_s);
    const QCommandLineOption filter(u"filter"_s, u"Text typed into the filter."_s, u"TEXT"_s);
    const QCommandLineOption rows(u"expect-rows"_s, u"Rows in the table."_s, u"N"_s);
    const QCommandLineOption filtered(u"expect-filtered"_s, u"Rows after the filter."_s, u"N"_s);
    parser.addOptions({ config, environment, filter, rows, filtered });
    parser.addHelpOption();
    parser.process(app);
    QTextStream err(stderr);

    const EnvironmentsFile file = EnvironmentsFile::load(parser.value(config));
    if (!file.ok()) {
        err << "bench_history: " << file.error << "\n";
        return 2;
    }
    const QString name = parser.value(environment);
    QList<Environment> envs;
    for (const Environment &e : file.environments) {
        if (e.name == name)
            envs << e;
    }
    if (envs.isEmpty()) {
        err << "bench_history: no environment " << name << " in " << parser.value(config) << "\n";
        return 2;
    }

    KbLibrary kb;
    kb.load();
    ResultsModel results;
    CheckRunner runner(CheckRegistry::builtin(), &kb);
    MigrationsView view;
    view.resize(1000, 700);
    view.setSource(&results, MigrationsCheck::Id);
    view.showEnvironment(name);
    view.show();
    settle(&view);

    GapProbe probe;
    QElapsedTimer total;
    QElapsedTimer phase;
    QString message;
    qint64 checkMs = 0;
    double fetchMs = 0;
    double upsertMs = 0;
    // In connection order: the result arrives, the model takes it (the view follows
    // synchronously, as in the dashboard), then the time that took.
    QObject::connect(&runner, &CheckRunner::resultReady, &app, [&](const CheckResult &r) {
        message = r.message;
        checkMs = r.durationMs;
        fetchMs = msSince(phase);
        probe.setPhase("fill");
        phase.start();
    });
    QObject::connect(&runner, &CheckRunner::resultReady, &results, &ResultsModel::upsert);
    QObject::connect(&runner, &CheckRunner::resultReady, &app, [&] { upsertMs = msSince(phase); });
    total.start();
    phase.start();
    probe.setPhase("fetch");
    QEventLoop loop;
    QObject::connect(&runner, &CheckRunner::runFinished, &loop, &QEventLoop::quit);
    runner.start(envs, { MigrationsCheck::Id });
    loop.exec();
    settle(&view);
    const double fillMs = msSince(phase);
    const double shownMs = msSince(total);
    const int all = view.filterModel()->rowCount();

    // A click on the MigrationId header: newest first.
    probe.setPhase("sort");
    phase.start();
    view.table()->horizontalHeader()->setSortIndicator(
        MigrationsModel::IdColumn, Qt::DescendingOrder);
    settle(&view);
    const double sortMs = msSince(phase);
    const QString first = view.filterModel()->index(0, MigrationsModel::IdColumn).data().toString();

    // The filter text given at once (pasted): one filter of the rows.
    probe.setPhase("filter");
    phase.start();
    const QString text = parser.value(filter);
    view.filterEdit()->setText(text);
    settle(&view);
    const double filterMs = msSince(phase);
    const int shown = view.filterModel()->rowCount();
    const double totalMs = msSince(total);

    // Then typed again one key at a time, each key a textChanged as in the dashboard: the
    // stall probe watches the UI thread through it (not in total_ms).
    probe.setPhase("typing");
    view.filterEdit()->clear();
    settle(&view);
    phase.start();
    for (qsizetype i = 1; i <= text.size(); ++i) {
        view.filterEdit()->setText(text.left(i));
        settle(&view);
    }
    const double typingMs = msSince(phase);
    probe.setPhase("end");
    if (view.filterModel()->rowCount() != shown)
        err << "bench_history: typing the filter showed " << view.filterModel()->rowCount()
            << " rows, pasting it " << shown << "\n";

    QTextStream out(stdout);
    out << "rows=" << all << " filtered=" << shown << " fetch_ms=" << fetchMs
        << " check_ms=" << checkMs << " upsert_ms=" << upsertMs << " fill_ms=" << fillMs
        << " shown_ms=" << shownMs << " sort_ms=" << sortMs << " filter_ms=" << filterMs
        << " total_ms=" << totalMs << " typing_ms=" << typingMs << " stall_ms=" << probe.longestMs()
        << " stall_in=" << probe.longestPhase() << " work_ms=" << probe.mostWorkMs() << "\n";
    out << "per_phase_longest_gap/most_work_ms=" << probe.perPhase() << "\n";
    out << "first_after_sort=" << first << "\n";
    out << "message=" << message << "\n";
    bool ok = all > 0;
    if (parser.isSet(rows) && all != parser.value(rows).toInt())
        ok = false;
    if (parser.isSet(filtered) && shown != parser.value(filtered).toInt())
        ok = false;
    if (!ok)
        err << "bench_history: unexpected row counts (rows " << all << ", filtered " << shown
            << ")\n";
    return ok ? 0 : 1;
}

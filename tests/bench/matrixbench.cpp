// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The migration matrix at fleet size (issue 18): --environments (50) environments of
// --migrations (2000) EF Core migrations each, environment i missing the last i % 5 of
// them (pending), so the last four rows differ. Measured in one run, each --runs times
// (medians printed, max beside):
// - core: MigrationMatrices::build() alone (the value the CLI, the report and the model use);
// - view: MatrixView::rebuild() over a ResultsModel holding the results, to the matrix
//   shown (the pool thread's build, the model's reset, the filter, the columns fitted and a
//   paint), with the UI thread's longest gap between two ticks of a 1 ms timer meanwhile;
// - baseline: a QStandardItemModel of the same size (rows x environments + 2 columns) filled
//   with the same texts and backgrounds, for a bare QTableView (what the view's build costs
//   against the plainest Qt table of the same cells);
// - scroll: frames of each table shown at 1400 x 900, "Only rows that differ" off (every row
//   there to scroll), through the whole table down, then right: by wheel turns (the view
//   moves its pixels and paints the strip that came in) and by pages (the whole viewport
//   painted, as when the scroll bar's handle is dragged).
// Prints key=value lines; exit 1 when the matrix has other rows than expected.
//   bench_matrix [--environments N] [--migrations N] [--runs N]
#include "environmentsmodel.h"
#include "matrixdifferencefilter.h"
#include "matrixview.h"
#include "migrationmatrixmodel.h"
#include "resultsmodel.h"
#include "statusicons.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QScrollBar>
#include <QSettings>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QWheelEvent>
#include <algorithm>
#include <ctime>

using namespace Qt::StringLiterals;

namespace {

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// The UI thread's own CPU time in ms: a frame's work, without the time the machine's other
// load kept the thread off the cores (which the wall-clock frame includes).
double threadCpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

struct Frames
{
    QList<double> wall;
    QList<double> cpu;
};

struct Stats
{
    double median = 0;
    double p95 = 0;
    double max = 0;
};

Stats stats(QList<double> values)
{
    if (values.isEmpty())
        return {};
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return { n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2,
        values.at(std::min(n - 1, qsizetype(n * 0.95))), values.last() };
}

QString line(const char *name, const Stats &s)
{
    return u"%1_median_ms=%2 %1_p95_ms=%3 %1_max_ms=%4"_s.arg(QLatin1StringView(name))
        .arg(s.median, 0, 'f', 2)
        .arg(s.p95, 0, 'f', 2)
        .arg(s.max, 0, 'f', 2);
}

QList<CheckResult> fleet(int environments, int migrations, QList<Environment> *envs)
{
    QList<CheckResult> results;
    for (int e = 0; e < environments; ++e) {
        Environment env;
        env.name = u"env-%1"_s.arg(e, 2, 10, QChar(u'0'));
        *envs << env;
        QList<MigrationEntry> entries;
        entries.reserve(migrations);
        for (int m = 0; m < migrations; ++m) {
            MigrationEntry entry;
            // Each environment's own strings, as each check reads its own rows.
            entry.id = u"2026%1_Feature%2"_s.arg(m, 6, 10, QChar(u'0')).arg(m);
            entry.productVersion = u"8.0.11"_s;
            entry.state = m >= migrations - e % 5 ? MigrationEntry::State::Pending
                                                  : MigrationEntry::State::Applied;
            entry.position = m + 1;
            entry.tool = u"efcore"_s;
            entry.history = u"public.__EFMigrationsHistory"_s;
            entries << entry;
        }
        CheckResult r;
        r.environment = env.name;
        r.checkId = u"check.postgres.migrations"_s;
        r.subject = u"efcore public.__EFMigrationsHistory"_s;
        r.status = e % 5 ? CheckStatus::Warn : CheckStatus::Pass;
        r.details = QVariant::fromValue(entries);
        results << r;
    }
    return results;
}

void turns(int n)
{
    for (int i = 0; i < n; ++i) {
        QEventLoop loop;
        QTimer::singleShot(0, &loop, &QEventLoop::quit);
        loop.exec();
    }
}

// A turn of the mouse wheel per frame (three rows; three columns with the wheel turned
// sideways) through the whole table: the view moves what it showed and paints the strip
// that came into view, as when a user scrolls.
Frames wheelFrames(QTableView *table)
{
    Frames frames;
    table->scrollToTop();
    table->viewport()->repaint();
    const QPoint at = table->viewport()->rect().center();
    for (QScrollBar *bar : { table->verticalScrollBar(), table->horizontalScrollBar() }) {
        const QPoint delta = bar == table->verticalScrollBar() ? QPoint(0, -120) : QPoint(-120, 0);
        while (bar->value() < bar->maximum()) {
            QElapsedTimer t;
            t.start();
            const double cpu = threadCpuMs();
            QWheelEvent wheel(at, table->viewport()->mapToGlobal(at), QPoint(), delta, Qt::NoButton,
                Qt::NoModifier, Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(table->viewport(), &wheel);
            QCoreApplication::processEvents(); // the paint of what came into view
            frames.wall << ms(t);
            frames.cpu << threadCpuMs() - cpu;
        }
    }
    return frames;
}

// One page down per frame to the end, then one page right per frame to the end: every
// frame paints the whole viewport (a drag of the scroll bar's handle).
Frames pageFrames(QTableView *table)
{
    Frames frames;
    table->scrollToTop();
    table->viewport()->repaint();
    for (QScrollBar *bar : { table->verticalScrollBar(), table->horizontalScrollBar() }) {
        while (bar->value() < bar->maximum()) {
            QElapsedTimer t;
            t.start();
            const double cpu = threadCpuMs();
            bar->setValue(bar->value() + bar->pageStep());
            table->viewport()->repaint();
            frames.wall << ms(t);
            frames.cpu << threadCpuMs() - cpu;
        }
    }
    return frames;
}

QStandardItemModel *baseline(const MigrationMatrix &m)
{
    auto *model = new QStandardItemModel(int(m.rows.size()), int(m.columns.size()) + 2);
    QIcon icons[int(MigrationMatrix::Cell::Unknown) + 1];
    QBrush brushes[int(MigrationMatrix::Cell::Unknown) + 1];
    for (int c = 0; c <= int(MigrationMatrix::Cell::Unknown); ++c) {
        icons[c] = MigrationMatrixModel::cellIcon(MigrationMatrix::Cell(c));
        brushes[c] = QBrush(MigrationMatrixModel::cellBackground(MigrationMatrix::Cell(c)));
    }
    for (qsizetype r = 0; r < m.rows.size(); ++r) {
        const MigrationMatrix::Row &row = m.rows.at(r);
        model->setItem(int(r), 0, new QStandardItem(row.migrationId));
        model->setItem(int(r), 1, new QStandardItem(row.history));
        for (qsizetype c = 0; c < row.cells.size(); ++c) {
            const int cell = int(row.cells.at(c));
            auto *item = new QStandardItem(
                icons[cell], MigrationMatrixModel::cellText(MigrationMatrix::Cell(cell)));
            item->setBackground(brushes[cell]);
            model->setItem(int(r), int(c) + 2, item);
        }
    }
    return model;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // The view remembers its "Only rows that differ" box: not in the user's settings.
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QCommandLineParser parser;
    const QCommandLineOption environmentsOption(
        u"environments"_s, u"Environments."_s, u"N"_s, u"50"_s);
    const QCommandLineOption migrationsOption(
        u"migrations"_s, u"Migrations each."_s, u"N"_s, u"2000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs of each build."_s, u"N"_s, u"9"_s);
    parser.addOptions({ environmentsOption, migrationsOption, runsOption });
    parser.addHelpOption();
    parser.process(app);
    const int environments = parser.value(environmentsOption).toInt();
    const int migrations = parser.value(migrationsOption).toInt();
    const int runs = qMax(1, parser.value(runsOption).toInt());
    QTextStream out(stdout);

    QList<Environment> envs;
    const QList<CheckResult> results = fleet(environments, migrations, &envs);
    QStringList names;
    for (const Environment &e : std::as_const(envs))
        names << e.name;

    QList<double> core;
    MigrationMatrix matrix;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        matrix = MigrationMatrices::build(results, names);
        core << ms(t);
    }
    const int differing = int(std::count_if(matrix.rows.cbegin(), matrix.rows.cend(),
        [](const MigrationMatrix::Row &r) { return r.differs; }));

    ResultsModel resultsModel;
    for (const CheckResult &r : results)
        resultsModel.upsert(r);
    EnvironmentsModel environmentsModel;
    environmentsModel.setEnvironments(envs);
    MatrixView view;
    view.resize(1400, 900);
    view.setSource(&resultsModel, &environmentsModel);
    view.show();
    QList<double> built;
    QList<double> gaps;
    for (int i = 0; i < runs; ++i) {
        // The UI thread's longest wait between two ticks while the matrix is built and shown.
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 longest = 0;
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        tick.setInterval(1);
        QObject::connect(&tick, &QTimer::timeout, &app, [&] {
            longest = qMax(longest, clock.nsecsElapsed() - last);
            last = clock.nsecsElapsed();
        });
        tick.start();
        QEventLoop loop;
        QObject::connect(
            view.model(), &MigrationMatrixModel::matrixChanged, &loop, &QEventLoop::quit);
        QElapsedTimer t;
        t.start();
        last = clock.nsecsElapsed();
        view.rebuild();
        if (view.model()->isBuilding())
            loop.exec();
        view.table()->viewport()->repaint();
        built << ms(t);
        turns(2);
        tick.stop();
        longest = qMax(longest, clock.nsecsElapsed() - last);
        gaps << double(longest) / 1e6;
    }
    if (view.model()->rowCount() != migrations || view.filterModel()->rowCount() != differing) {
        out << "bench_matrix: " << view.model()->rowCount() << " rows, "
            << view.filterModel()->rowCount() << " shown; expected " << migrations << ", "
            << differing << "\n";
        return 1;
    }

    // The UI thread's part alone: a built matrix applied (the model's reset, the filter, the
    // columns fitted, the legend) and painted.
    QList<double> applied;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        view.model()->setMatrix(matrix);
        view.table()->viewport()->repaint();
        applied << ms(t);
    }

    QList<double> base;
    QStandardItemModel *plain = nullptr;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        QStandardItemModel *next = baseline(matrix);
        base << ms(t);
        delete plain;
        plain = next;
    }
    QTableView bare;
    bare.setModel(plain);
    bare.resize(view.table()->size());
    // The matrix's row height and column widths, so that a page holds the same cells.
    bare.verticalHeader()->setDefaultSectionSize(
        view.table()->verticalHeader()->defaultSectionSize());
    for (int c = 0; c < plain->columnCount(); ++c)
        bare.setColumnWidth(c, view.table()->columnWidth(c));
    bare.show();
    turns(2);

    view.onlyDifferingBox()->setChecked(false);
    turns(2);
    const Frames matrixWheel = wheelFrames(view.table());
    const Frames bareWheel = wheelFrames(&bare);
    const Frames matrixPages = pageFrames(view.table());
    const Frames barePages = pageFrames(&bare);

    out << "environments=" << environments << " migrations=" << migrations
        << " cells=" << qint64(environments) * migrations << " differing=" << differing
        << " runs=" << runs << "\n";
    out << line("core_build", stats(core)) << "\n";
    out << line("view_build", stats(built)) << " " << line("view_build_ui_gap", stats(gaps))
        << "\n";
    out << line("view_apply", stats(applied)) << "\n";
    out << line("baseline_build", stats(base)) << "\n";
    const auto frameLines = [&out](const char *name, const Frames &f) {
        out << name << "_frames=" << f.wall.size() << " "
            << line(QByteArray(QByteArray(name) + "_frame").constData(), stats(f.wall)) << " "
            << line(QByteArray(QByteArray(name) + "_frame_cpu").constData(), stats(f.cpu)) << "\n";
    };
    frameLines("matrix_wheel", matrixWheel);
    frameLines("baseline_wheel", bareWheel);
    frameLines("matrix_page", matrixPages);
    frameLines("baseline_page", barePages);
    delete plain;
    return 0;
}

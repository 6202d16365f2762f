// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// docs/fleet-view.png: writes a SQLite results store of 200 environments (four regions, four
// shards, the ten checks, two runs; a few warn, fail or error) with HistoryStore, opens it in
// the FleetView as File > Open Results Store does, selects the worst environment and saves
// the window as a PNG. Run under Xvfb:
//   tools/dev exec xvfb-run -a -s "-screen 0 1680x1050x24"
//       build/trixie-dev/tests/bench/bench_fleetshot --store /tmp/fleet.sqlite
//       --out docs/fleet-view.png   (one command line)
// or --open LOCATION instead of --store to show an existing store (a shared PostgreSQL one);
// --tag TAG filters by a tag, --matrix shows the Matrix tab, --theme light|dark the palette.
// The settings (the remembered filters) are a temporary folder's: neither the user's filters
// change the shot nor --tag the user's. The environments carry tags
// (their region, and prod or canary) and an EF Core history of eight migrations, the newest
// pending on some (canaries ahead of prod have it applied).
#include "appearance.h"
#include "fleetloader.h"
#include "fleetmatrixloader.h"
#include "fleetview.h"
#include "history/historystore.h"
#include "matrixview.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
const QStringList Checks = { u"check.postgres.connectivity"_s, u"check.postgres.invalid"_s,
    u"check.postgres.locks"_s, u"check.postgres.long"_s, u"check.postgres.migrations"_s,
    u"check.postgres.pool"_s, u"check.postgres.replication"_s, u"check.postgres.sequences"_s,
    u"check.postgres.vacuum"_s, u"check.postgres.wraparound"_s };
const QStringList Regions = { u"eu-west"_s, u"eu-central"_s, u"us-east"_s, u"ap-south"_s };
const QStringList Services = { u"orders"_s, u"billing"_s, u"catalog"_s, u"identity"_s, u"search"_s,
    u"payments"_s, u"shipping"_s, u"reports"_s, u"audit"_s, u"inventory"_s };

const QStringList Migrations = { u"20250110_InitialCreate"_s, u"20250203_AddTenants"_s,
    u"20250301_AddUsers"_s, u"20250322_AddRoles"_s, u"20250415_AddAuditLog"_s,
    u"20250520_SplitOrders"_s, u"20250611_AddInvoiceIndex"_s, u"20250702_AddRefunds"_s };

// Environment i's EF Core history: the last two migrations pending on some, applied on the
// canaries.
QVariant history(int i)
{
    QList<MigrationEntry> entries;
    for (qsizetype m = 0; m < Migrations.size(); ++m) {
        MigrationEntry e;
        e.id = Migrations[m];
        e.tool = u"efcore"_s;
        e.history = u"public.__EFMigrationsHistory"_s;
        e.position = int(m) + 1;
        const bool canary = i % 3 == 0;
        e.state = !canary
                && m >= Migrations.size()
                        - (i % 7 == 1        ? 2
                                : i % 5 == 2 ? 1
                                             : 0)
            ? MigrationEntry::State::Pending
            : MigrationEntry::State::Applied;
        entries << e;
    }
    return QVariant::fromValue(entries);
}

bool populate(const QString &path, QTextStream &err)
{
    HistoryStore store;
    if (!store.open(path)) {
        err << store.errorString() << Qt::endl;
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int r = 0; r < 2; ++r) {
        for (int shard = 0; shard < 4; ++shard) {
            HistoryRun run;
            // Shard 3's last run is a day old: its environments show their age.
            run.startedAt = now.addSecs(r == 0 ? -30 * 3600 : shard == 3 ? -26 * 3600 : -600);
            run.finishedAt = run.startedAt.addSecs(40);
            run.origin = u"cli"_s;
            run.shard = QString::number(shard);
            QList<CheckResult> results;
            for (int i = shard; i < 200; i += 4) {
                const QString env = u"%1-%2-%3"_s.arg(Regions[i % 4], Services[(i / 4) % 10])
                                        .arg(i / 40 + 1, 2, 10, QChar(u'0'));
                run.environments << env;
                run.tags.insert(env, { Regions[i % 4], i % 3 == 0 ? u"canary"_s : u"prod"_s });
                for (int c = 0; c < Checks.size(); ++c) {
                    CheckResult res;
                    res.environment = env;
                    res.checkId = Checks[c];
                    const int k = (i * 13 + c * 7) % 97;
                    res.status = k == 0 ? CheckStatus::Error
                        : k < 3         ? CheckStatus::Fail
                        : k < 9         ? CheckStatus::Warn
                                        : CheckStatus::Pass;
                    res.message = res.status == CheckStatus::Pass
                        ? u"ok"_s
                        : u"%1 on %2 (run %3)"_s.arg(Status::key(res.status), env).arg(r + 1);
                    res.checkedAt = run.startedAt.addSecs(i % 30);
                    if (res.checkId == u"check.postgres.migrations"
                        && res.status != CheckStatus::Error) {
                        res.subject = u"efcore public.__EFMigrationsHistory"_s;
                        res.details = history(i);
                    }
                    results << res;
                }
            }
            if (!store.record(run, results)) {
                err << store.errorString() << Qt::endl;
                return false;
            }
        }
    }
    return true;
}
} // namespace

int main(int argc, char **argv)
{
    // Before any QSettings is made: the view reads and writes its filters there.
    const QTemporaryDir settings;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({ u"store"_s, u"The SQLite store to write (replaced)"_s, u"path"_s });
    parser.addOption({ u"open"_s,
        u"Instead of --store: an existing store (a file or a postgresql:// URL) to show as it is, "
        "e.g. the one shards wrote"_s,
        u"location"_s });
    parser.addOption({ u"out"_s, u"The PNG"_s, u"path"_s });
    parser.addOption({ u"tag"_s, u"Show only the environments with this tag"_s, u"tag"_s });
    parser.addOption({ u"matrix"_s, u"Show the Matrix tab rather than the stored results"_s });
    parser.addOption({ u"theme"_s, u"The colour theme: system, light or dark"_s, u"theme"_s });
    parser.process(app);
    QTextStream err(stderr);
    if (parser.isSet(u"theme"_s)) {
        const auto theme = Appearance::fromKey(parser.value(u"theme"_s));
        if (!theme) {
            err << "--theme: system, light or dark" << Qt::endl;
            return 2;
        }
        Appearance::apply(*theme);
    }
    QString path = parser.value(u"open"_s);
    if (path.isEmpty()) {
        path = parser.value(u"store"_s);
        QFile::remove(path);
        if (!populate(path, err))
            return 1;
    }
    FleetView view;
    view.resize(1100, 780);
    view.setCheckAvailability([](const QString &env) {
        return env.startsWith(u"eu-west"_s)
            ? QString()
            : u"%1 is not in the environments file loaded in the dashboard"_s.arg(env);
    });
    view.show();
    QSignalSpy loaded(view.loader(), &FleetLoader::loaded);
    view.openStore(path);
    if (!loaded.wait(20000))
        return 1;
    if (parser.isSet(u"tag"_s))
        view.tagFilter()->setCurrentIndex(view.tagFilter()->findData(parser.value(u"tag"_s)));
    view.table()->selectRow(0);
    if (parser.isSet(u"matrix"_s)) {
        QSignalSpy built(view.matrixLoader(), &FleetMatrixLoader::loaded);
        QSignalSpy failed(view.matrixLoader(), &FleetMatrixLoader::failed);
        view.lowerTabs()->setCurrentWidget(view.matrixView());
        // A store the matrix cannot be read from is shot too: what it says is the point.
        if (!QTest::qWaitFor([&] { return !built.isEmpty() || !failed.isEmpty(); }, 20000))
            return 1;
    }
    QTimer::singleShot(500, &app, [&] {
        const bool ok = view.grab().save(parser.value(u"out"_s));
        err << (ok ? "wrote " : "could not write ") << parser.value(u"out"_s) << Qt::endl;
        app.exit(ok ? 0 : 1);
    });
    return app.exec();
}

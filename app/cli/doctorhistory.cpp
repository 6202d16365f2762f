// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "cli/doctorhistory.h"

#include "cli/cliio.h"
#include "cli/clioptions.h"
#include "cli/exitcode.h"
#include "cli/historylisting.h"
#include "history/historystore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <cstdio>

using namespace Qt::StringLiterals;
using CliIo::err;
using CliIo::out;
using CliIo::usage;

namespace {

constexpr qint64 HourMs = 3600 * 1000;
constexpr qint64 MaxAgeDays = 100 * 365; // beyond any history; keeps the arithmetic in range

bool isUrl(const QString &location)
{
    return location.startsWith(u"postgresql://"_s) || location.startsWith(u"postgres://"_s);
}

// The store for people: its path, or its URL without a password.
QString storeName(const QString &location)
{
    return HistoryStore::displayLocation(
        location.isEmpty() ? HistoryStore::defaultPath() : location);
}

int writeOut(const QByteArray &data)
{
    fwrite(data.constData(), 1, size_t(data.size()), stdout);
    fflush(stdout);
    return ExitCode::AllPassed;
}

int printText(const QString &text)
{
    out() << text;
    out().flush();
    return ExitCode::AllPassed;
}

// The options that belong to other forms, refused so that a typo does not pass unnoticed.
std::optional<int> refuseForeign(const QCommandLineParser &p, const CliOptions &o,
    const QString &form, const QList<const QCommandLineOption *> &foreign)
{
    for (const QCommandLineOption *option : foreign) {
        if (p.isSet(*option))
            return usage(
                u"--%1 does not go with 'doctor %2'"_s.arg(option->names().constFirst(), form));
    }
    if (p.isSet(o.noHistory))
        return usage(
            u"'doctor %1' reads the run history; --no-history does not go with it"_s.arg(form));
    if (p.values(o.env).size() > 1)
        return usage(u"give --env once for 'doctor %1'"_s.arg(form));
    return {};
}

// Opens the store to read or prune. Returns the exit code to stop with, or nothing to go on
// (*store open) or 0 with *missing set: the default store does not exist yet, which is not
// an error (nothing has been recorded); an explicit --history file that does not exist is.
std::optional<int> openStore(const QString &location, HistoryStore *store, bool *missing)
{
    *missing = false;
    if (!isUrl(location)) {
        const QString path = location.isEmpty() ? HistoryStore::defaultPath() : location;
        if (!QFileInfo::exists(path)) {
            if (!location.isEmpty()) {
                err() << "doctor: no run history at " << path
                      << ": give the --history that 'doctor run' recorded into\n";
                err().flush();
                return ExitCode::CouldNotRun;
            }
            err() << "doctor: no run history yet (" << path
                  << "): 'doctor run' records each run there\n";
            err().flush();
            *missing = true;
            return {};
        }
    }
    // A URL is read as it is: reading never creates a store's tables in whatever database it
    // names (a mistyped URL, the application's own database) nor runs its upgrade's DDL,
    // which a reader role could not anyway; both say which doctor store command does it.
    const auto policy = isUrl(location) ? HistoryStore::SchemaPolicy::RequireCurrent
                                        : HistoryStore::SchemaPolicy::CreateOrUpgrade;
    if (!store->open(location, policy)) {
        err() << "doctor: " << store->errorString() << "\n";
        err().flush();
        return ExitCode::CouldNotRun;
    }
    return {};
}

int listResults(const QCommandLineParser &p, const CliOptions &o, const QString &format)
{
    if (auto s = refuseForeign(p, o, u"history"_s, { &o.olderThan }))
        return *s;
    HistoryFilter filter;
    filter.environment = p.value(o.env);
    filter.checkId = p.value(o.check);
    if (p.values(o.check).size() > 1)
        return usage(u"give --check once for 'doctor history'"_s);
    if (p.isSet(o.since)) {
        filter.since = DoctorHistory::parseSince(p.value(o.since), QDateTime::currentDateTimeUtc());
        if (!filter.since.isValid())
            return usage(
                u"--since must be a date (2026-11-30), a UTC time "
                "(2026-11-30T08:00:00Z) or an age (7d, 12h), not '%1'"_s.arg(p.value(o.since)));
    }
    if (p.isSet(o.limit)) {
        bool ok = false;
        filter.limit = p.value(o.limit).toInt(&ok);
        if (!ok || filter.limit < 1)
            return usage(
                u"--limit must be a whole number above 0, not '%1'"_s.arg(p.value(o.limit)));
    }
    const QString location = p.value(o.history);
    HistoryStore store;
    bool missing = false;
    if (auto s = openStore(location, &store, &missing))
        return *s;
    const QList<StoredResult> results = missing ? QList<StoredResult>() : store.results(filter);
    if (!missing && !store.errorString().isEmpty()) {
        err() << "doctor: " << store.errorString() << "\n";
        err().flush();
        return ExitCode::CouldNotRun;
    }
    if (format == u"json")
        return writeOut(HistoryListing::resultsJson(storeName(location), results));
    return printText(HistoryListing::resultsText(results));
}

int listMigrations(const QCommandLineParser &p, const CliOptions &o, const QString &format)
{
    if (auto s = refuseForeign(
            p, o, u"history migrations"_s, { &o.olderThan, &o.since, &o.limit, &o.check }))
        return *s;
    const QString location = p.value(o.history);
    HistoryStore store;
    bool missing = false;
    if (auto s = openStore(location, &store, &missing))
        return *s;
    const QList<MigrationSighting> sightings
        = missing ? QList<MigrationSighting>() : store.migrations(p.value(o.env));
    if (!missing && !store.errorString().isEmpty()) {
        err() << "doctor: " << store.errorString() << "\n";
        err().flush();
        return ExitCode::CouldNotRun;
    }
    const QList<HistoryListing::MigrationLine> lines = HistoryListing::migrationLines(sightings);
    if (format == u"json")
        return writeOut(HistoryListing::migrationsJson(storeName(location), lines));
    return printText(HistoryListing::migrationsText(lines));
}

int prune(const QCommandLineParser &p, const CliOptions &o, const QString &format)
{
    if (auto s = refuseForeign(p, o, u"history prune"_s, { &o.since, &o.limit, &o.check, &o.env }))
        return *s;
    if (!p.isSet(o.olderThan))
        return usage(u"'doctor history prune' needs --older-than AGE (90d, 36h): runs that "
                     "started longer ago are removed"_s);
    const std::optional<qint64> age = DoctorHistory::parseAge(p.value(o.olderThan));
    if (!age)
        return usage(u"--older-than must be a whole number of days or hours (90d, 36h), not "
                     "'%1'"_s.arg(p.value(o.olderThan)));
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addMSecs(-*age);
    const QString location = p.value(o.history);
    HistoryStore store;
    bool missing = false;
    if (auto s = openStore(location, &store, &missing))
        return *s;
    const int removed = missing ? 0 : store.prune(cutoff);
    if (removed < 0) {
        err() << "doctor: " << store.errorString() << "\n";
        err().flush();
        return ExitCode::CouldNotRun;
    }
    const QString display = storeName(location);
    if (format == u"json") {
        const QJsonObject root { { u"schemaVersion"_s, HistoryListing::SchemaVersion },
            { u"store"_s, display }, { u"removedRuns"_s, removed },
            { u"cutoff"_s, HistoryListing::isoTime(cutoff) } };
        return writeOut(QJsonDocument(root).toJson(QJsonDocument::Indented));
    }
    return printText(
        u"Removed %1 run%2 that started before %3 (older than %4) from %5.\n"_s.arg(removed)
            .arg(removed == 1 ? QString() : u"s"_s)
            .arg(HistoryListing::isoTime(cutoff), p.value(o.olderThan), display));
}

} // namespace

std::optional<qint64> DoctorHistory::parseAge(const QString &text)
{
    static const QRegularExpression age(u"^([0-9]{1,6})([dh])$"_s);
    const QRegularExpressionMatch m = age.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const qint64 hours = m.captured(2) == u"d" ? n * 24 : n;
    if (hours > MaxAgeDays * 24)
        return std::nullopt;
    return hours * HourMs;
}

QDateTime DoctorHistory::parseSince(const QString &text, const QDateTime &now)
{
    const QString t = text.trimmed();
    if (const std::optional<qint64> age = parseAge(t))
        return now.addMSecs(-*age);
    // A date alone: QDate::fromString(ISODate) would also take a date and time's date part.
    if (const QDate d = QDate::fromString(t, u"yyyy-MM-dd"_s); d.isValid() && t.size() == 10)
        return QDateTime(d, QTime(0, 0), QTimeZone::UTC);
    QDateTime at = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!at.isValid())
        return {};
    if (at.timeSpec() == Qt::LocalTime) // no offset given: the listing's times are UTC
        at = QDateTime(at.date(), at.time(), QTimeZone::UTC);
    return at.toUTC();
}

int DoctorHistory::run(const QCommandLineParser &p, const CliOptions &o)
{
    const QStringList args = p.positionalArguments();
    const QString form = args.value(1);
    if (args.size() > 2)
        return usage(u"'doctor history' takes at most one more word: migrations or prune"_s);
    const QString format = p.value(o.format);
    if (format != u"text" && format != u"json")
        return usage(u"--format must be text or json for 'doctor history'"_s);
    if (form.isEmpty())
        return listResults(p, o, format);
    if (form == u"migrations")
        return listMigrations(p, o, format);
    if (form == u"prune")
        return prune(p, o, format);
    return usage(u"unknown 'doctor history %1': give migrations, prune, or nothing"_s.arg(form));
}

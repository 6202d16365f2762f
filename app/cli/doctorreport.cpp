// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "cli/doctorreport.h"

#include "cli/cliio.h"
#include "cli/clioptions.h"
#include "cli/doctorrun.h"
#include "cli/exitcode.h"
#include "cli/runhistory.h"
#include "report/reportformat.h"
#include "report/reportredactor.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;
using CliIo::err;
using CliIo::usage;

namespace {

const QString RedactOption = u"redact"_s;

} // namespace

void DoctorReport::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ RedactOption,
        u"report: replace host, database, user and client names with aliases (host-1, db-1, "
        "user-1, client-1), the same alias everywhere in the file."_s });
}

int DoctorReport::run(const QCommandLineParser &p, const CliOptions &o)
{
    const QString key = p.isSet(o.format) ? p.value(o.format) : u"html"_s;
    const auto format = ReportFormat::fromKey(key);
    if (!format)
        return usage(u"--format must be html, md or json for 'doctor report', not '%1'"_s.arg(key));
    for (const QCommandLineOption *option : { &o.since, &o.limit, &o.olderThan, &o.all }) {
        if (p.isSet(*option))
            return usage(
                u"--%1 does not go with 'doctor report'"_s.arg(option->names().constFirst()));
    }
    RunHistory::Target history;
    if (auto s = RunHistory::readTarget(p, o, &history))
        return *s;
    const DoctorRun::Collected c = DoctorRun::collect(p, o);
    if (c.exitCode)
        return *c.exitCode;
    RunHistory::record(history, c.environments, c.results, c.startedAt, c.finishedAt);
    ReportContent content = ReportContent::from(c.environments, c.results, c.startedAt,
        c.finishedAt, QCoreApplication::applicationVersion());
    if (p.isSet(RedactOption))
        content = ReportRedactor::redact(content);
    if (const int code = CliIo::write(ReportFormat::render(content, *format), p.value(o.output));
        code != ExitCode::AllPassed)
        return code;
    return ExitCode::forResults(c.results);
}

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "cli/doctorclikb.h"

#include "cli/cliio.h"
#include "cli/exitcode.h"
#include "engine/checkregistry.h"
#include "kb/kblibrary.h"
#include "kb/kblint.h"
#include "kb/kbplaceholders.h"
#include "kb/kbtext.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>
#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

using CliIo::err;
using CliIo::out;
using CliIo::usage;

namespace {

KbLibrary loadLibrary(const QCommandLineParser &p)
{
    KbLibrary kb;
    kb.load(p.values(u"kb"_s));
    for (const QString &e : kb.errors())
        err() << "doctor: warning: " << e << "\n";
    err().flush();
    return kb;
}

int list(const QCommandLineParser &p)
{
    const QList<KbArticle> articles = loadLibrary(p).articles();
    qsizetype idWidth = 0, severityWidth = 0, titleWidth = 0;
    for (const KbArticle &a : articles) {
        idWidth = std::max(idWidth, a.checkId.size());
        severityWidth = std::max(severityWidth, a.severity.size());
        titleWidth = std::max(titleWidth, a.title.size());
    }
    for (const KbArticle &a : articles) {
        const QString source = a.sourcePath.startsWith(u":/"_s) ? u"shipped"_s : a.sourcePath;
        out() << a.checkId.leftJustified(idWidth) << "  " << a.severity.leftJustified(severityWidth)
              << "  " << a.title.leftJustified(titleWidth) << "  " << source << "\n";
    }
    out().flush();
    return ExitCode::AllPassed;
}

// The status whose JSON key is `key`. Status::key() is the only list of the keys, so the
// statuses are tried in turn until it has no key for the next value.
std::optional<CheckStatus> statusFromKey(const QString &key)
{
    for (int i = 0; i < 64; ++i) {
        const QString k = Status::key(CheckStatus(i));
        if (k.isEmpty())
            break;
        if (k == key)
            return CheckStatus(i);
    }
    return std::nullopt;
}

// The result of checkId in the `doctor run --format json` report named by --result (the
// one of --env when the report has several); returns the problem, empty on success.
QString readResult(const QCommandLineParser &p, const QString &checkId, CheckResult *result)
{
    const QString path = p.value(u"result"_s);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return u"--result %1: %2"_s.arg(path, file.errorString());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        return u"--result %1: not JSON (%2 at byte %3); pass the output of 'doctor run --format "
               "json'"_s.arg(path, error.errorString())
                   .arg(error.offset);
    const QJsonArray all = doc.isObject() && doc.object().contains(u"results"_s)
        ? doc.object().value(u"results"_s).toArray()
        : doc.isArray() ? doc.array()
                        : QJsonArray { doc.object() };
    const QStringList envs = p.values(u"env"_s);
    QList<QJsonObject> found;
    QStringList seen;
    for (const QJsonValue &v : all) {
        const QJsonObject o = v.toObject();
        if (o.value(u"checkId"_s).toString() != checkId)
            continue;
        seen << o.value(u"environment"_s).toString();
        if (envs.isEmpty() || envs.contains(o.value(u"environment"_s).toString()))
            found << o;
    }
    if (found.isEmpty()) {
        return seen.isEmpty() ? u"--result %1 has no result of %2"_s.arg(path, checkId)
                              : u"--result %1 has no result of %2 for --env %3; it has: %4"_s.arg(
                                    path, checkId, envs.join(u", "_s), seen.join(u", "_s));
    }
    if (found.size() > 1) {
        return u"--result %1 has results of %2 for several environments (%3); choose one with "
               "--env NAME"_s.arg(path, checkId, seen.join(u", "_s));
    }
    const QJsonObject o = found.first();
    const auto status = statusFromKey(o.value(u"status"_s).toString());
    if (!status)
        return u"--result %1: unknown status \"%2\" for %3"_s.arg(
            path, o.value(u"status"_s).toString(), checkId);
    result->environment = o.value(u"environment"_s).toString();
    result->checkId = checkId;
    result->status = *status;
    result->message = o.value(u"message"_s).toString();
    const QJsonObject evidence = o.value(u"evidence"_s).toObject();
    for (auto it = evidence.constBegin(); it != evidence.constEnd(); ++it)
        result->evidence << qMakePair(it.key(), it.value().toVariant());
    return {};
}

int show(const QCommandLineParser &p, const QStringList &args)
{
    if (args.size() != 1)
        return usage(u"kb show needs exactly one CHECK_ID (see 'doctor kb list')"_s);
    const KbLibrary kb = loadLibrary(p);
    const KbArticle *article = kb.article(args.first());
    if (!article) {
        QStringList ids;
        for (const KbArticle &a : kb.articles())
            ids << a.checkId;
        return usage(u"no article for '%1'; known ids: %2"_s.arg(args.first(), ids.join(u", "_s)));
    }
    QList<DeploymentStyle> styles;
    if (p.isSet(u"deployment"_s)) {
        const auto style = Deployment::fromKey(p.value(u"deployment"_s));
        if (!style)
            return usage(u"--deployment must be compose, systemd or kubernetes"_s);
        styles << *style;
    }
    QMap<QString, QString> values;
    static const QRegularExpression assignment(
        u"^([a-z][a-z0-9-]*)=(.*)$"_s, QRegularExpression::DotMatchesEverythingOption);
    const QStringList used = KbPlaceholders::find(article->body);
    for (const QString &set : p.values(u"set"_s)) {
        const QRegularExpressionMatch m = assignment.match(set);
        if (!m.hasMatch())
            return usage(u"--set expects NAME=VALUE with a placeholder name such as namespace"_s);
        if (!used.contains(m.captured(1))) {
            err() << "doctor: warning: --set " << m.captured(1) << ": the article has no <"
                  << m.captured(1) << "> placeholder\n";
        }
        values.insert(m.captured(1), m.captured(2));
    }
    err().flush();
    if (p.isSet(u"result"_s)) {
        CheckResult result;
        if (const QString problem = readResult(p, article->checkId, &result); !problem.isEmpty())
            return usage(problem);
        out() << KbText::renderForResult(*article, result, styles, values);
    } else {
        out() << KbText::render(*article, styles, values);
    }
    out().flush();
    return ExitCode::AllPassed;
}

// Folders given to lint add to the shipped articles, as `--kb` does for `run`: an
// override folder is only meaningful on top of them, since coverage of the registered
// checks and related-check links are judged on the knowledge base the user would see.
int lint(const QCommandLineParser &p, const QStringList &args)
{
    const QStringList dirs = QStringList { u":/kb"_s } + p.values(u"kb"_s) + args;
    const QList<KbLintFinding> findings = KbLint::lint(dirs, CheckRegistry::builtin().ids());
    for (const KbLintFinding &f : findings)
        out() << f.toString() << "\n";
    out().flush();
    const auto errors = std::count_if(findings.cbegin(), findings.cend(),
        [](const KbLintFinding &f) { return f.severity == KbLintFinding::Severity::Error; });
    const auto warnings = findings.size() - errors;
    if (!findings.isEmpty())
        err() << "doctor: kb lint: " << errors << " error(s), " << warnings << " warning(s)\n";
    err().flush();
    const bool failed = errors > 0 || (warnings > 0 && p.isSet(u"strict"_s));
    return failed ? ExitCode::SomeFail : ExitCode::AllPassed;
}

} // namespace

void DoctorCliKb::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ u"set"_s, u"kb show: fill placeholder NAME with VALUE (repeatable)."_s,
        u"NAME=VALUE"_s });
    parser.addOption({ u"strict"_s, u"kb lint: fail on warnings too."_s });
    parser.addOption({ u"result"_s,
        u"kb show: only the fixes that match this check's result in FILE, a 'doctor run "
        "--format json' report (--env NAME picks one of several environments)."_s,
        u"FILE"_s });
}

int DoctorCliKb::run(const QCommandLineParser &p)
{
    const QStringList pos = p.positionalArguments();
    const QString sub = pos.value(1);
    const QStringList args = pos.mid(2);
    if (sub == u"list" && args.isEmpty())
        return list(p);
    if (sub == u"show")
        return show(p, args);
    if (sub == u"lint")
        return lint(p, args);
    return usage(u"kb needs one of: list, show CHECK_ID, lint [DIR...]"_s);
}

#include "doctorclikb.h"

#include "checkregistry.h"
#include "cliio.h"
#include "doctorcli.h"
#include "kblibrary.h"
#include "kblint.h"
#include "kbplaceholders.h"
#include "kbtext.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QTextStream>
#include <algorithm>

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
    return DoctorCli::AllPassed;
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
    out() << KbText::render(*article, styles, values);
    out().flush();
    return DoctorCli::AllPassed;
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
    return failed ? DoctorCli::SomeFail : DoctorCli::AllPassed;
}

} // namespace

void DoctorCliKb::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ u"set"_s, u"kb show: fill placeholder NAME with VALUE (repeatable)."_s,
        u"NAME=VALUE"_s });
    parser.addOption({ u"strict"_s, u"kb lint: fail on warnings too."_s });
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

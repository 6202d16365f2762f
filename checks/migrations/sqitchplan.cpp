// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// SqitchPlan: sqitch.plan's grammar and rework rules, the deploy scripts' SHA-1. Sqitch is
// Perl and has no library to call; the grammar is small and written down in
// App::Sqitch::Plan::_parse, whose regular expressions are translated here.

#include "migrations/sqitchplan.h"

#include "migrations/expectedmigrations_p.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace ExpectedMigrationsPrivate;

namespace {

// Like [:punct:] but without '_' (Plan.pm's $punct), as a character class body.
constexpr auto punct = uR"(\-!"#$%&'()*+,./:;<=>?@\[\\\]^`{|}~)";

// Plan.pm's $name_re: no punctuation first or last, none of blanks : @ # \ inside, and no
// symbolic-reference look-alike (~2, ^3 ...) before a blank or the end.
QString nameRe()
{
    return u"(?![%1])(?:(?![~/=%^\\[\\]][0-9]+(?:$|[ \\t]))[^ \\t:@#\\\\])+(?<![%1])\\b"_s.arg(
        punct);
}

const QRegularExpression &lineRe()
{
    static const QRegularExpression re(
        u"^[ \\t]*(?:@|[ \\t]*([+-])[ \\t]*)?(?<name>%1)(?:[ \\t]+)?"
        "(?:\\[(?<deps>[^\\]]+)\\][ \\t]*)?"
        "(?:(?<ts>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z)[ \\t]*)?"
        "(?:(?<planner>[^<]+)[ \\t]+<[^>]+>)?$"_s.arg(nameRe()),
        QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

const QRegularExpression &pragmaRe()
{
    static const QRegularExpression re(
        u"^[ \\t]*%[ \\t]*(?<name>[^%1](?:[^ \\t=]*?[^%1 \\t])?)(?:[ \\t]*=[ \\t]*(?<value>.+))?$"_s
            .arg(punct),
        QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

bool isBlankOrNote(QStringView line)
{
    const QStringView t = line.trimmed();
    return t.isEmpty() || t.startsWith(u'#');
}

QString sha1Hex(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha1);
    if (!hash.addData(&file)) {
        *error = file.errorString();
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

namespace SqitchPlan {

Plan parse(const QString &text, const QString &file)
{
    Plan plan;
    const QStringList lines = withoutBom(text).split(u'\n');
    qsizetype i = 0;
    auto fail = [&](qsizetype index, const QString &what) {
        plan.error = u"%1:%2: %3"_s.arg(file, QString::number(index + 1), what);
        plan.changes.clear();
        return plan;
    };
    // The header: pragmas (and notes) up to the first blank line.
    for (; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (isBlankOrNote(line)) {
            if (line.trimmed().isEmpty()) {
                ++i;
                break;
            }
            continue;
        }
        if (const qsizetype hash = line.indexOf(u'#'); hash >= 0)
            line.truncate(hash);
        const auto m = pragmaRe().match(line.trimmed());
        if (!m.hasMatch())
            return fail(i, u"invalid pragma; a blank line must come between pragmas and changes"_s);
        if (m.captured(u"name") == u"project") {
            const QString value = m.captured(u"value").trimmed();
            static const QRegularExpression nameOnly(
                u"\\A(?:%1)\\z"_s.arg(nameRe()), QRegularExpression::UseUnicodePropertiesOption);
            if (!nameOnly.match(value).hasMatch())
                return fail(i, u"invalid project name \"%1\""_s.arg(value));
            plan.project = value;
        }
    }
    if (plan.project.isEmpty())
        return fail(0, u"missing %project pragma; Sqitch refuses a plan without one"_s);

    QHash<QString, qsizetype> sinceTag; // change name -> line index, since the last tag
    QHash<QString, qsizetype> lastNamed; // change name -> index into plan.changes
    QHash<QString, qsizetype> tagLine;
    for (; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (isBlankOrNote(line))
            continue;
        if (const qsizetype hash = line.indexOf(u'#'); hash >= 0)
            line.truncate(hash);
        while (!line.isEmpty() && (line.back() == u' ' || line.back() == u'\t'))
            line.chop(1);
        const bool isTag = line.trimmed().startsWith(u'@');
        const auto m = lineRe().match(line);
        const QString name = m.captured(u"name");
        // Plan.pm: a timestamp in the line that the pattern did not take means the name
        // before it is what broke the match.
        static const QRegularExpression timestamp(
            u"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"_s);
        if (!m.hasMatch() || name.isEmpty()
            || (m.captured(u"ts").isEmpty() && timestamp.match(line).hasMatch()))
            return fail(i,
                u"invalid name; names must not begin with punctuation, contain "
                "\"@\", \":\", \"#\", \"\\\", \"[\", \"]\", or blanks, or end in "
                "punctuation or digits following punctuation"_s);
        if (m.captured(u"ts").isEmpty() && m.captured(u"planner").isEmpty())
            return fail(i, u"missing timestamp and planner name and email"_s);
        if (m.captured(u"ts").isEmpty())
            return fail(i, u"missing timestamp"_s);
        if (m.captured(u"planner").isEmpty())
            return fail(i, u"missing planner name and email"_s);
        if (name == u"HEAD" || name == u"ROOT")
            return fail(i, u"\"%1%2\" is a reserved name"_s.arg(isTag ? u"@"_s : QString(), name));
        static const QRegularExpression sha1Like(u"^[0-9a-f]{40}"_s);
        if (sha1Like.match(name).hasMatch())
            return fail(
                i, u"\"%1\" is invalid because it could be confused with a SHA1 ID"_s.arg(name));
        if (isTag) {
            if (name.contains(u'/'))
                return fail(i, u"tag \"%1\" contains illegal character /"_s.arg(name));
            if (plan.changes.isEmpty())
                return fail(i, u"tag \"%1\" declared without a preceding change"_s.arg(name));
            if (const auto at = tagLine.constFind(name); at != tagLine.cend())
                return fail(i,
                    u"tag \"%1\" duplicates earlier declaration on line %2"_s.arg(
                        name, QString::number(at.value() + 1)));
            if (!m.captured(u"deps").isEmpty())
                return fail(i, u"tags may not specify dependencies"_s);
            tagLine.insert(name, i);
            plan.changes.last().tags.append(name);
            sinceTag.clear();
            continue;
        }
        if (const auto at = sinceTag.constFind(name); at != sinceTag.cend())
            return fail(i,
                u"change \"%1\" duplicates earlier declaration on line %2; add a tag "
                "before reworking it (sqitch rework)"_s.arg(name, QString::number(at.value() + 1)));
        sinceTag.insert(name, i);
        if (const auto duped = lastNamed.constFind(name); duped != lastNamed.cend()) {
            // Plan.pm: the tags of the changes after the reworked one, latest first, then
            // the reworked change's own.
            QStringList reworkTags;
            for (qsizetype c = plan.changes.size() - 1; c > duped.value(); --c)
                reworkTags += plan.changes[c].tags;
            Change &reworked = plan.changes[duped.value()];
            reworked.reworkTags += reworkTags + reworked.tags;
        }
        lastNamed.insert(name, plan.changes.size());
        plan.changes.append(Change { name, int(i + 1), {}, {} });
    }
    return plan;
}

bool isProjectFolder(const QString &dir)
{
    return QFileInfo(QDir(dir).filePath(u"sqitch.plan"_s)).isFile();
}

ExpectedSet read(const QString &path)
{
    ExpectedSet set;
    set.kind = ExpectedSet::Kind::ToolSource;
    set.tool = MigrationTool::Sqitch;
    set.source = path;
    const QFileInfo info(path);
    const QString planPath = info.isDir() ? QDir(path).filePath(u"sqitch.plan"_s) : path;
    const QDir top = QFileInfo(planPath).absoluteDir();
    const FileText file = readText(planPath, ExpectedMigrations::MaxFileBytes);
    if (!file.error.isEmpty()) {
        set.error = file.error;
        return set;
    }
    const Plan plan = parse(file.text, planPath);
    if (!plan.error.isEmpty()) {
        set.error = plan.error;
        return set;
    }
    if (plan.changes.isEmpty()) {
        set.error = u"%1 plans no changes; add one with `sqitch add`"_s.arg(planPath);
        return set;
    }
    if (QFile conf(top.filePath(u"sqitch.conf"_s)); conf.open(QIODevice::ReadOnly)) {
        static const QRegularExpression layout(
            u"^\\s*(top_dir|deploy_dir|reworked_dir|reworked_deploy_dir|extension)\\s*="_s,
            QRegularExpression::MultilineOption);
        const auto m = layout.match(QString::fromUtf8(conf.read(1024 * 1024)));
        if (m.hasMatch())
            set.warnings.append(u"%1 sets %2; the script hashes are read from %3 with "
                                "extension .sql, Sqitch's default layout"_s.arg(
                                    conf.fileName(), m.captured(1), top.filePath(u"deploy"_s)));
    }
    const QDir deploy(top.filePath(u"deploy"_s));
    for (qsizetype c = 0; c < plan.changes.size(); ++c) {
        const Change &change = plan.changes[c];
        QString script = change.name + u".sql"_s;
        QString key = change.name;
        if (!change.reworkTags.isEmpty()) {
            QString first;
            for (const QString &tag : change.reworkTags) {
                const QString candidate = change.name + u'@' + tag + u".sql"_s;
                if (first.isEmpty())
                    first = candidate;
                if (deploy.exists(candidate)) {
                    first = candidate;
                    break;
                }
            }
            script = first;
            key = change.name + u'@' + (change.tags.isEmpty() ? change.reworkTags : change.tags)[0];
        }
        const QString scriptPath = deploy.filePath(script);
        if (!QFileInfo(scriptPath).isFile()) {
            set.warnings.append(
                u"%1:%2: %3 has no deploy script %4; Sqitch stores no hash "
                "for it"_s.arg(planPath, QString::number(change.line), change.name, scriptPath));
            continue;
        }
        QString error;
        const QString hash = sha1Hex(scriptPath, &error);
        if (hash.isEmpty()) {
            set.error = u"cannot read %1 (%2); check that it is readable by this user"_s.arg(
                scriptPath, error);
            set.ids.clear();
            set.checksums.clear();
            return set;
        }
        set.checksums.insert(key, hash);
    }
    // A reworked change's first version holds its place in the plan's order.
    QSet<QString> seen;
    for (const Change &change : plan.changes)
        if (!seen.contains(change.name)) {
            seen.insert(change.name);
            set.ids.append(change.name);
        }
    return set;
}

} // namespace SqitchPlan

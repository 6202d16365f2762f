// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "kb/kblint.h"

#include "kb/kblibrary.h"
#include "kb/kblint_p.h"
#include "kb/kbparser.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

using Severity = KbLintFinding::Severity;

struct Loaded
{
    KbArticle article;
    QByteArray source;
    int folder = 0;
    std::optional<KbLintFinding> failed; // set when the file could not be read or parsed
};

KbLintFinding finding(
    const QString &file, int line, const QString &message, Severity severity = Severity::Error)
{
    return { file, line, severity, message };
}

// KbParser reports "FILE:LINE: message"; the lint wants the parts.
KbLintFinding fromParseError(const QString &file, const QString &error)
{
    static const QRegularExpression located(
        u"^:(\\d+): (.*)$"_s, QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m
        = located.match(error.startsWith(file) ? error.mid(file.size()) : QString());
    if (!m.hasMatch())
        return finding(file, 1, error);
    return finding(file, m.captured(1).toInt(), m.captured(2));
}

// The line of "key:" inside the front matter, or 1 (the opening "---") when absent.
int frontMatterLine(const Loaded &l, const char *key)
{
    const QList<QByteArray> lines = l.source.split('\n');
    for (int i = 1; i < std::min(int(lines.size()), l.article.bodyLine - 2); ++i) {
        if (lines.at(i).startsWith(QByteArray(key).append(':')))
            return i + 1;
    }
    return 1;
}

void lintFrontMatter(const Loaded &l, QList<KbLintFinding> &out)
{
    const KbArticle &a = l.article;
    const struct
    {
        const char *key;
        bool present;
        const char *example;
    } fields[] = { { "plugin", !a.plugin.isEmpty(), "plugin: stellaops.doctor.postgres" },
        { "severity", !a.severity.isEmpty(), "severity: warn" },
        { "tags", !a.tags.isEmpty() && !a.tags.contains(QString()),
            "tags: [database, postgres]" } };
    for (const auto &f : fields) {
        if (!f.present) {
            out << finding(a.sourcePath, frontMatterLine(l, f.key),
                u"front matter has no %1; add a line such as \"%2\""_s.arg(
                    QLatin1StringView(f.key), QLatin1StringView(f.example)));
        }
    }
}

// A variant (articleId, when): named after its check, chosen by a condition, and falling
// back to the check's own article, which must exist. The condition itself is linted with the
// fix blocks' (KbLintCode::lintConditions).
void lintVariant(const Loaded &l, const QSet<QString> &checkArticles, QList<KbLintFinding> &out)
{
    const KbArticle &a = l.article;
    if (!a.isVariant()) {
        if (a.when) {
            out << finding(a.sourcePath, a.when->line,
                u"\"when:\" without \"articleId:\"; a variant needs its own id, such as "
                "\"articleId: %1.name\""_s.arg(a.checkId));
        }
        return;
    }
    const int line = frontMatterLine(l, "articleId");
    if (!a.articleId.startsWith(a.checkId + u'.') || a.articleId.size() <= a.checkId.size() + 1) {
        out << finding(a.sourcePath, line,
            u"articleId \"%1\" must be the checkId, a dot and a name, such as \"%2.name\""_s.arg(
                a.articleId, a.checkId));
    }
    if (!a.when) {
        out << finding(a.sourcePath, line,
            u"a variant needs \"when:\", the evidence condition of the results it is for, such "
            "as \"when: Tool=flyway\""_s);
    }
    if (!checkArticles.contains(a.checkId)) {
        out << finding(a.sourcePath, frontMatterLine(l, "checkId"),
            u"variant of \"%1\", which has no article of its own; results no variant matches "
            "need one"_s.arg(a.checkId));
    }
}

int lastLine(const KbArticle &a)
{
    return a.bodyLine + int(a.body.count(u'\n')) - (a.body.endsWith(u'\n') ? 1 : 0);
}

void lintSections(const KbArticle &a, QList<KbLintFinding> &out)
{
    const QStringList required = KbLint::requiredSections();
    QList<int> lineOf(required.size(), 0);
    int last = -1;
    for (const KbSection &s : a.sections) {
        const auto i = int(required.indexOf(s.title, 0, Qt::CaseInsensitive));
        if (i < 0)
            continue; // extra sections are the author's choice
        if (lineOf[i] != 0) {
            out << finding(a.sourcePath, s.line,
                u"section \"%1\" appears twice; merge the two"_s.arg(required[i]));
        } else if (i < last) {
            out << finding(a.sourcePath, s.line,
                u"section \"%1\" must come before \"%2\""_s.arg(required[i], required[last]));
        }
        lineOf[i] = lineOf[i] ? lineOf[i] : s.line;
        last = std::max(last, i);
    }
    for (qsizetype i = 0; i < required.size(); ++i) {
        if (lineOf[i] != 0)
            continue;
        // Point at where the section belongs: the next required section that is there.
        int at = lastLine(a);
        for (qsizetype j = i + 1; j < required.size(); ++j) {
            if (lineOf[j] != 0) {
                at = lineOf[j];
                break;
            }
        }
        out << finding(a.sourcePath, at,
            u"missing section \"## %1\"; the sections are, in order: %2"_s.arg(
                required[i], required.join(u", "_s)));
    }
}

void lintFixes(const KbArticle &a, QList<KbLintFinding> &out)
{
    const KbSection *fix = a.section(u"How to fix"_s);
    if (!fix)
        return; // already reported as a missing section
    for (DeploymentStyle style : Deployment::all()) {
        if (a.fixesFor(style).isEmpty()) {
            out << finding(a.sourcePath, fix->line,
                u"\"How to fix\" has no commands for %1; add a \"### %1\" subsection with at "
                "least one fenced code block"_s.arg(Deployment::title(style)));
        }
    }
}

void lintRelated(const KbArticle &a, const QSet<QString> &articleIds, QList<KbLintFinding> &out)
{
    const KbSection *related = a.section(u"Related checks"_s);
    if (!related)
        return;
    const QStringList lines = a.body.split(u'\n');
    for (const QString &id : a.relatedChecks()) {
        if (articleIds.contains(id))
            continue;
        int line = related->line;
        for (int i = std::max(0, related->line - a.bodyLine); i < lines.size(); ++i) {
            if (lines.at(i).contains(id)) {
                line = a.bodyLine + i;
                break;
            }
        }
        out << finding(a.sourcePath, line,
            u"related check \"%1\" has no article; fix the id or write that article"_s.arg(id));
    }
}

} // namespace

QString KbLintFinding::toString() const
{
    const QString kind = severity == Severity::Error ? u"error"_s : u"warning"_s;
    QString where = line > 0 ? file + u':' + QString::number(line) : file;
    if (line > 0 && column > 0)
        where += u':' + QString::number(column);
    if (!where.isEmpty())
        where += u": "_s;
    return where + kind + u": "_s + message;
}

QStringList KbLint::requiredSections()
{
    return { u"What it checks"_s, u"Why it matters"_s, u"Common causes"_s, u"How to fix"_s,
        u"Verification"_s, u"Related checks"_s };
}

bool KbLint::hasErrors(const QList<KbLintFinding> &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(),
        [](const KbLintFinding &f) { return f.severity == Severity::Error; });
}

QList<KbLintFinding> KbLint::lint(const QStringList &dirs, const QStringList &checkIds)
{
    QList<KbLintFinding> out;
    QList<Loaded> loaded;
    for (int folder = 0; folder < dirs.size(); ++folder) {
        const QString &dir = dirs.at(folder);
        if (!QFileInfo(dir).isDir()) {
            out << finding(dir, 0, u"knowledge-base folder not found; check the path"_s);
            continue;
        }
        const QStringList files = KbLibrary::articleFiles(dir); // KbLibrary's own order
        if (files.isEmpty())
            out << finding(dir, 0, u"no *.md articles in this folder"_s, Severity::Warning);
        for (const QString &path : files) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                loaded.append({ {}, {}, folder,
                    finding(path, 0, u"cannot read the article: "_s + file.errorString()) });
                continue;
            }
            const QByteArray source = file.read(KbParser::MaxArticleBytes + 1);
            const KbParseResult parsed = KbParser::parse(source, path);
            if (!parsed.ok())
                loaded.append({ {}, {}, folder, fromParseError(path, parsed.error) });
            else
                loaded.append({ parsed.article, source, folder, std::nullopt });
        }
    }

    QSet<QString> articleIds; // every article's id(), variants' too: related checks may name them
    QSet<QString> checkArticles; // the checkIds that have an article of their own
    for (const Loaded &l : std::as_const(loaded)) {
        if (l.failed)
            continue;
        articleIds.insert(l.article.id());
        if (!l.article.isVariant())
            checkArticles.insert(l.article.checkId);
    }
    for (qsizetype i = 0; i < loaded.size(); ++i) {
        const Loaded &l = loaded.at(i);
        if (l.failed) {
            out << *l.failed;
            continue;
        }
        const KbArticle &a = l.article;
        QList<KbLintFinding> mine;
        if (!checkIds.contains(a.checkId)) {
            mine << finding(a.sourcePath, frontMatterLine(l, "checkId"),
                u"no registered check has the id \"%1\"; fix the checkId or remove the article"_s
                    .arg(a.checkId));
        }
        for (qsizetype j = i + 1; j < loaded.size(); ++j) {
            const Loaded &later = loaded.at(j);
            if (!later.failed && later.folder == l.folder && later.article.id() == a.id()) {
                mine << finding(a.sourcePath,
                    frontMatterLine(l, a.isVariant() ? "articleId" : "checkId"),
                    u"ignored: %1 in the same folder has the same %2 and replaces it"_s.arg(
                        later.article.sourcePath, a.isVariant() ? u"articleId"_s : u"checkId"_s));
                break;
            }
        }
        lintFrontMatter(l, mine);
        lintVariant(l, checkArticles, mine);
        lintSections(a, mine);
        lintFixes(a, mine);
        KbLintCode::lintBlocks(a, mine);
        KbLintCode::lintConditions(a, mine);
        lintRelated(a, articleIds, mine);
        std::stable_sort(
            mine.begin(), mine.end(), [](const KbLintFinding &x, const KbLintFinding &y) {
                return x.line != y.line ? x.line < y.line : x.column < y.column;
            });
        out << mine;
    }

    const QString kbRoot = dirs.isEmpty() ? QString() : dirs.last();
    for (const QString &id : checkIds) {
        if (!checkArticles.contains(id)) {
            out << finding(kbRoot, 0,
                u"check \"%1\" has no article; write one with \"checkId: %1\" in its front "
                "matter"_s.arg(id));
        }
    }
    return out;
}

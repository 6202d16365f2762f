// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// KbParser::parse(): the front matter's fences, then the markdown walked by
// KbMarkdownWalker, then each section's markdown cut out of the source.

#include "kb/kbparser.h"

#include "kb/kbmarkdownwalker_p.h"
#include "kb/kbparser_p.h"

#include <algorithm>
#include <string>

using namespace Qt::StringLiterals;
using namespace KbParserPrivate;

namespace {

QByteArray normalized(const QByteArray &input)
{
    QByteArray text = input;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    // md4c treats a lone CR as a line break too; one convention keeps the line numbers honest.
    text.replace("\r\n", "\n");
    text.replace('\r', '\n');
    return text;
}

bool isFenceLine(const QByteArray &text, qsizetype from, qsizetype to, const char *marker)
{
    QByteArray line = text.mid(from, to - from);
    while (line.endsWith(' ') || line.endsWith('\t'))
        line.chop(1);
    return line == marker;
}

QByteArray lineText(const QByteArray &text, const LineIndex &lines, int line)
{
    const qsizetype from = lines.start(line);
    return text.mid(from, lines.start(line + 1) - from);
}

bool isSetextUnderline(const QByteArray &line)
{
    const QByteArray t = line.trimmed();
    if (t.isEmpty())
        return false;
    return std::all_of(t.cbegin(), t.cend(), [&](char c) { return c == t.at(0); })
        && (t.at(0) == '=' || t.at(0) == '-');
}

// Cuts each level-2 section's source text out of the buffer, between its heading and
// the next level-1/2 heading.
void fillSectionMarkdown(KbArticle &a, const QList<KbMarkdownWalker::Mark> &marks,
    const QByteArray &text, const LineIndex &lines)
{
    int section = 0;
    for (qsizetype i = 0; i < marks.size() && section < a.sections.size(); ++i) {
        if (marks.at(i).level != 2)
            continue;
        int from = marks.at(i).lastLine + 1;
        const int to = i + 1 < marks.size() ? marks.at(i + 1).firstLine : lines.count() + 1;
        const bool atx = lineText(text, lines, marks.at(i).firstLine).trimmed().startsWith('#');
        if (!atx && from < to && isSetextUnderline(lineText(text, lines, from)))
            ++from; // the "-----" under a setext heading belongs to the heading
        const qsizetype begin = lines.start(from);
        const qsizetype end = std::max(begin, lines.start(to));
        QString body = QString::fromUtf8(text.mid(begin, end - begin));
        while (body.startsWith(u'\n'))
            body.remove(0, 1);
        while (body.endsWith(u'\n'))
            body.chop(1);
        a.sections[section++].markdown = body;
    }
}

} // namespace

KbParseResult KbParser::parse(const QByteArray &markdown, const QString &sourcePath)
{
    KbParseResult result;
    KbArticle &a = result.article;
    a.sourcePath = sourcePath;
    if (markdown.size() > MaxArticleBytes) {
        result.error = location(sourcePath, 1)
            + u"the article is larger than 1 MiB; split it or remove embedded data"_s;
        return result;
    }
    const QByteArray text = normalized(markdown);
    const LineIndex lines(text);

    // Front matter: a first line "---", YAML, and a closing "---" (or "...") line.
    if (!isFenceLine(text, 0, lines.start(2) - (lines.count() > 1 ? 1 : 0), "---")) {
        result.error = location(sourcePath, 1)
            + u"no front matter; start the file with a \"---\" line, the fields checkId, "
              "plugin, severity and tags, and another \"---\" line"_s;
        return result;
    }
    int closing = 0;
    for (int l = 2; l <= lines.count() && closing == 0; ++l) {
        const qsizetype end = l < lines.count() ? lines.start(l + 1) - 1 : text.size();
        if (isFenceLine(text, lines.start(l), end, "---")
            || isFenceLine(text, lines.start(l), end, "..."))
            closing = l;
    }
    if (closing == 0) {
        result.error = location(sourcePath, 1)
            + u"front matter is not closed; add a \"---\" line after its last field"_s;
        return result;
    }
    const qsizetype yamlBegin = lines.start(2);
    const std::string yaml(text.constData() + yamlBegin, size_t(lines.start(closing) - yamlBegin));
    result.error = readFrontMatter(yaml, sourcePath, 2, a);
    if (!result.error.isEmpty())
        return result;

    const qsizetype bodyOffset = lines.start(closing + 1);
    a.bodyLine = closing + 1;
    a.body = QString::fromUtf8(text.mid(bodyOffset));

    KbMarkdownWalker walker(text, lines, a);
    if (const int rc = walker.run(bodyOffset); rc != 0) {
        result.error = location(sourcePath, a.bodyLine)
            + u"the markdown could not be parsed (md4c error %1)"_s.arg(rc);
        return result;
    }
    fillSectionMarkdown(a, walker.marks, text, lines);
    if (a.title.isEmpty())
        a.title = a.checkId;
    return result;
}

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "kb/kbarticle.h"

#include <QRegularExpression>
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <md4c.h>
#include <string>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace {

QString at(const QString &path, int line)
{
    return path + u':' + QString::number(line) + u": "_s;
}

// 1-based line numbers for byte offsets of one buffer.
class LineIndex
{
public:
    explicit LineIndex(const QByteArray &text)
        : m_size(text.size())
    {
        m_starts.append(0);
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == '\n')
                m_starts.append(i + 1);
        }
    }
    int lineAt(qsizetype offset) const
    {
        const auto it = std::upper_bound(m_starts.cbegin(), m_starts.cend(), offset);
        return int(it - m_starts.cbegin());
    }
    int count() const { return int(m_starts.size()); }
    // Offset where `line` starts; past the last line this is the end of the buffer.
    qsizetype start(int line) const
    {
        if (line < 1)
            return 0;
        return line <= count() ? m_starts.at(line - 1) : m_size;
    }

private:
    QList<qsizetype> m_starts;
    qsizetype m_size = 0;
};

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

QString scalarField(
    const YAML::Node &root, const char *key, const QString &path, int baseLine, QString *error)
{
    const YAML::Node node = root[key];
    if (!node.IsDefined() || node.IsNull())
        return {};
    if (!node.IsScalar()) {
        *error = at(path, baseLine + node.Mark().line)
            + u"front matter: \"%1\" must be a single value"_s.arg(QLatin1StringView(key));
        return {};
    }
    return QString::fromStdString(node.Scalar()).trimmed();
}

// "evidence:", a map from each evidence key to its type; returns the error ("" when fine).
QString readEvidence(const YAML::Node &root, const QString &path, int baseLine, KbArticle &a)
{
    const YAML::Node evidence = root["evidence"];
    if (!evidence.IsDefined() || evidence.IsNull())
        return {};
    if (!evidence.IsMap()) {
        return at(path, baseLine + evidence.Mark().line)
            + u"front matter: evidence must map each evidence key to its type, such as "
              "\"evidence: {Reachable: bool, PendingCount: number}\""_s;
    }
    static const QList<KbEvidenceKey::Type> types { KbEvidenceKey::Type::Bool,
        KbEvidenceKey::Type::Number, KbEvidenceKey::Type::Text, KbEvidenceKey::Type::List,
        KbEvidenceKey::Type::Map };
    QStringList typeNames;
    for (KbEvidenceKey::Type t : types)
        typeNames << KbEvidenceKey::typeName(t);
    for (const auto &entry : evidence) {
        const int line = baseLine + entry.first.Mark().line;
        if (!entry.first.IsScalar() || !entry.second.IsScalar()) {
            return at(path, line)
                + u"front matter: each evidence entry is \"Key: type\" with a type of %1"_s.arg(
                    typeNames.join(u", "_s));
        }
        KbEvidenceKey key;
        key.name = QString::fromStdString(entry.first.Scalar()).trimmed();
        key.line = line;
        const QString type = QString::fromStdString(entry.second.Scalar()).trimmed();
        const auto i = typeNames.indexOf(type);
        if (i < 0) {
            return at(path, line)
                + u"front matter: evidence \"%1\" has the unknown type \"%2\"; use one of %3"_s.arg(
                    key.name, type, typeNames.join(u", "_s));
        }
        key.type = types.at(i);
        a.evidence.append(key);
    }
    return {};
}

// Reads checkId, plugin, severity, tags and evidence; returns the error ("" when fine).
QString readFrontMatter(const std::string &yaml, const QString &path, int baseLine, KbArticle &a)
{
    try {
        const YAML::Node root = YAML::Load(yaml);
        if (!root.IsMap()) {
            return at(path, baseLine)
                + u"front matter: expected \"key: value\" lines with checkId, plugin, severity "
                  "and tags"_s;
        }
        QString error;
        a.checkId = scalarField(root, "checkId", path, baseLine, &error);
        if (error.isEmpty())
            a.plugin = scalarField(root, "plugin", path, baseLine, &error);
        if (error.isEmpty())
            a.severity = scalarField(root, "severity", path, baseLine, &error);
        if (!error.isEmpty())
            return error;
        // Type queries on a missing key throw in yaml-cpp, hence IsDefined first.
        const YAML::Node tags = root["tags"];
        if (!tags.IsDefined() || tags.IsNull()) {
            // no tags is fine
        } else if (tags.IsScalar()) {
            a.tags.append(QString::fromStdString(tags.Scalar()).trimmed());
        } else if (tags.IsSequence()) {
            for (const YAML::Node &tag : tags) {
                if (!tag.IsScalar()) {
                    return at(path, baseLine + tag.Mark().line)
                        + u"front matter: each tag must be a single word"_s;
                }
                a.tags.append(QString::fromStdString(tag.Scalar()).trimmed());
            }
        } else if (tags.IsMap()) {
            return at(path, baseLine + tags.Mark().line)
                + u"front matter: tags must be a list such as [database, postgres]"_s;
        }
        if (QString evidenceError = readEvidence(root, path, baseLine, a); !evidenceError.isEmpty())
            return evidenceError;
    } catch (const YAML::Exception &e) {
        const int line = e.mark.is_null() ? baseLine : baseLine + e.mark.line;
        return at(path, line) + u"front matter: "_s + QString::fromStdString(e.msg);
    }
    if (a.checkId.isEmpty()) {
        return at(path, baseLine - 1)
            + u"front matter has no checkId; add a line such as \"checkId: check.area.name\""_s;
    }
    return {};
}

// Collects the article's structure from md4c's callbacks. Line numbers come from the
// text pointers md4c hands out, which point into our buffer (checked, since some text
// such as soft breaks comes from md4c's own static strings).
class Walker
{
public:
    Walker(const QByteArray &text, const LineIndex &lines, KbArticle &article)
        : m_text(text)
        , m_lines(lines)
        , m_article(article)
    { }

    int run(qsizetype bodyOffset)
    {
        MD_PARSER parser {};
        parser.abi_version = 0;
        // NOHTML: raw HTML stays literal text and is never handed to anyone as markup.
        parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
        parser.enter_block = &Walker::enterBlock;
        parser.leave_block = &Walker::leaveBlock;
        parser.enter_span = [](MD_SPANTYPE, void *, void *) { return 0; };
        parser.leave_span = [](MD_SPANTYPE, void *, void *) { return 0; };
        parser.text = &Walker::onText;
        m_lastLine = m_lines.lineAt(bodyOffset) - 1;
        return md_parse(
            m_text.constData() + bodyOffset, MD_SIZE(m_text.size() - bodyOffset), &parser, this);
    }

    // Level-1/2 headings at top level, for cutting the sections out of the source.
    struct Mark
    {
        int level;
        int firstLine;
        int lastLine;
    };
    QList<Mark> marks;

private:
    struct Heading
    {
        int level = 0;
        QString text;
        int firstLine = 0;
        int lastLine = 0;
    };

    int lineOf(const MD_CHAR *p) const
    {
        const auto begin = reinterpret_cast<std::uintptr_t>(m_text.constData());
        const auto pos = reinterpret_cast<std::uintptr_t>(p);
        if (!p || pos < begin || pos > begin + std::uintptr_t(m_text.size()))
            return 0;
        return m_lines.lineAt(qsizetype(pos - begin));
    }

    static int enterBlock(MD_BLOCKTYPE type, void *detail, void *self)
    {
        static_cast<Walker *>(self)->enter(type, detail);
        return 0;
    }
    static int leaveBlock(MD_BLOCKTYPE type, void *, void *self)
    {
        static_cast<Walker *>(self)->leave(type);
        return 0;
    }
    static int onText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *self)
    {
        static_cast<Walker *>(self)->addText(type, text, size);
        return 0;
    }

    void enter(MD_BLOCKTYPE type, void *detail)
    {
        switch (type) {
        case MD_BLOCK_QUOTE:
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
        case MD_BLOCK_LI:
            ++m_containerDepth;
            break;
        case MD_BLOCK_H:
            m_inHeading = true;
            m_heading = {};
            m_heading.level = detail ? int(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level) : 1;
            break;
        case MD_BLOCK_P:
            m_inParagraph = true;
            m_paragraph.clear();
            break;
        case MD_BLOCK_CODE:
            enterCode(static_cast<MD_BLOCK_CODE_DETAIL *>(detail));
            break;
        default:
            break;
        }
    }

    void leave(MD_BLOCKTYPE type)
    {
        switch (type) {
        case MD_BLOCK_QUOTE:
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
        case MD_BLOCK_LI:
            m_containerDepth = std::max(0, m_containerDepth - 1);
            break;
        case MD_BLOCK_H:
            m_inHeading = false;
            leaveHeading();
            break;
        case MD_BLOCK_P:
            m_inParagraph = false;
            m_lastParagraph = m_paragraph.simplified();
            break;
        case MD_BLOCK_CODE:
            leaveCode();
            break;
        default:
            break;
        }
    }

    void addText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
    {
        const int line = lineOf(text);
        if (line > 0)
            m_lastLine = std::max(m_lastLine, line);
        QString chunk;
        switch (type) {
        case MD_TEXT_NULLCHAR:
            chunk = QChar(QChar::ReplacementCharacter);
            break;
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR:
            chunk = m_inCode ? u"\n"_s : u" "_s;
            break;
        default:
            chunk = QString::fromUtf8(text, qsizetype(size));
            break;
        }
        if (m_inCode) {
            if (line > 0 && m_codeFirstTextLine == 0) {
                m_codeFirstTextLine = line;
                m_codeNewlinesBefore = int(m_code.text.count(u'\n'));
            }
            m_code.text += chunk;
        } else if (m_inHeading) {
            if (line > 0) {
                if (m_heading.firstLine == 0)
                    m_heading.firstLine = line;
                m_heading.lastLine = line;
            }
            m_heading.text += chunk;
        } else if (m_inParagraph) {
            m_paragraph += chunk;
        }
    }

    void leaveHeading()
    {
        if (m_heading.firstLine == 0) // "##" with no text: md4c showed us no pointer
            m_heading.firstLine = m_heading.lastLine = lineAfter(m_lastLine, { "#" });
        m_lastLine = std::max(m_lastLine, m_heading.lastLine);
        const QString title = m_heading.text.simplified();
        m_lastParagraph.clear();
        m_nearestHeading = title;
        if (m_containerDepth > 0)
            return; // a heading inside a list or quote does not structure the article
        if (m_heading.level <= 2)
            marks.append({ m_heading.level, m_heading.firstLine, m_heading.lastLine });
        if (m_heading.level == 1 && m_article.title.isEmpty())
            m_article.title = title;
        if (m_heading.level == 2) {
            KbSection section;
            section.title = title;
            section.level = 2;
            section.line = m_heading.firstLine;
            m_article.sections.append(section);
            m_inFixes = title.compare(u"How to fix"_s, Qt::CaseInsensitive) == 0;
            m_deployment.reset();
        } else if (m_heading.level == 1) {
            m_inFixes = false;
            m_deployment.reset();
        } else if (m_heading.level == 3) {
            m_deployment = m_inFixes ? Deployment::fromHeading(title) : std::nullopt;
        }
    }

    void enterCode(const MD_BLOCK_CODE_DETAIL *detail)
    {
        m_inCode = true;
        m_code = {};
        m_codeFirstTextLine = 0;
        m_codeNewlinesBefore = 0;
        m_codeInfoLine = 0;
        m_fenced = detail && detail->fence_char != 0;
        if (!m_fenced)
            return;
        m_codeInfoLine = lineOf(detail->info.text);
        if (detail->lang.text && detail->lang.size > 0 && detail->lang.size < 256)
            m_code.language
                = QString::fromUtf8(detail->lang.text, qsizetype(detail->lang.size)).toLower();
    }

    void leaveCode()
    {
        m_inCode = false;
        if (!m_fenced)
            return; // indented blocks are examples in prose, not commands
        const int contentLines = int(m_code.text.count(u'\n'));
        if (m_code.text.endsWith(u'\n'))
            m_code.text.chop(1);
        if (m_codeInfoLine > 0)
            m_code.line = m_codeInfoLine;
        else if (m_codeFirstTextLine > 0)
            m_code.line = std::max(1, m_codeFirstTextLine - 1 - m_codeNewlinesBefore);
        else // an empty block without info string: md4c showed us no pointer
            m_code.line = lineAfter(m_lastLine, { "```", "~~~" });
        // Past the closing fence, so that the next fallback search starts after it.
        m_lastLine
            = std::max(m_lastLine, std::min(m_code.line + contentLines + 1, m_lines.count()));
        takeWhenLine();
        m_code.section = m_nearestHeading;
        m_code.deployment = m_deployment;
        m_code.fix = m_inFixes;
        m_code.caption = m_lastParagraph.isEmpty() ? commentCaption(m_code) : m_lastParagraph;
        m_lastParagraph.clear(); // a paragraph introduces the next block only
        m_article.codeBlocks.append(m_code);
    }

    // A first line "# When: ..." ("--" or "//" as well) is the block's condition, not a
    // command: it moves from the text into `when`, parsed here once for every reader.
    void takeWhenLine()
    {
        const KbEvidenceCondition::WhenLine w = KbEvidenceCondition::splitWhenLine(m_code.text);
        if (!w.found)
            return;
        KbFixCondition when;
        when.text = w.condition;
        when.line = m_code.line + 1;
        // The column in the file: md4c took off the fence's indentation, the file has it.
        const qsizetype from = m_lines.start(when.line);
        const QString raw
            = QString::fromUtf8(m_text.mid(from, m_lines.start(when.line + 1) - from));
        const qsizetype inRaw = w.condition.isEmpty() ? -1 : raw.indexOf(w.condition);
        when.column = int(inRaw >= 0 ? inRaw : w.offset) + 1;
        const KbEvidenceCondition::Parsed parsed = KbEvidenceCondition::parse(w.condition);
        if (parsed.ok()) {
            when.condition = parsed.condition;
        } else {
            when.error = parsed.error;
            when.errorColumn = when.column + parsed.column - 1;
        }
        m_code.when = when;
        m_code.text = w.rest;
    }

    // Fallback for blocks md4c reports without any text: the first line after `line`
    // holding one of the markers (after leading whitespace for "#").
    int lineAfter(int line, std::initializer_list<const char *> markers) const
    {
        for (int l = std::max(0, line) + 1; l <= m_lines.count(); ++l) {
            const qsizetype from = m_lines.start(l);
            const QByteArray text = m_text.mid(from, m_lines.start(l + 1) - from).trimmed();
            for (const char *marker : markers) {
                if (qstrcmp(marker, "#") == 0 ? text.startsWith('#') : text.contains(marker))
                    return l;
            }
        }
        return std::max(1, line);
    }

    static QString commentCaption(const KbCodeBlock &block)
    {
        QString marker;
        if (block.language == u"bash" || block.language == u"sh" || block.language == u"yaml")
            marker = u"#"_s;
        else if (block.language == u"sql")
            marker = u"--"_s;
        else
            return {};
        const QStringList lines = block.text.split(u'\n');
        for (const QString &line : lines) {
            const QString t = line.trimmed();
            if (t.startsWith(marker) && !t.startsWith(u"#!"))
                return t.mid(marker.size()).trimmed();
        }
        return {};
    }

    const QByteArray &m_text;
    const LineIndex &m_lines;
    KbArticle &m_article;

    int m_containerDepth = 0;
    int m_lastLine = 1; // last line md4c has shown us text from
    bool m_inHeading = false;
    Heading m_heading;
    QString m_nearestHeading;
    bool m_inParagraph = false;
    QString m_paragraph;
    QString m_lastParagraph;
    bool m_inFixes = false;
    std::optional<DeploymentStyle> m_deployment;
    bool m_inCode = false;
    bool m_fenced = false;
    KbCodeBlock m_code;
    int m_codeInfoLine = 0;
    int m_codeFirstTextLine = 0;
    int m_codeNewlinesBefore = 0;
};

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
void fillSectionMarkdown(
    KbArticle &a, const QList<Walker::Mark> &marks, const QByteArray &text, const LineIndex &lines)
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

QList<KbCodeBlock> KbArticle::fixesFor(DeploymentStyle style) const
{
    QList<KbCodeBlock> out;
    for (const KbCodeBlock &block : codeBlocks) {
        if (block.deployment == style)
            out.append(block);
    }
    return out;
}

bool KbCodeBlock::appliesTo(const Evidence &evidence) const
{
    if (!when)
        return true;
    return when->error.isEmpty() && when->condition.matches(evidence);
}

QString KbEvidenceKey::typeName(Type type)
{
    switch (type) {
    case Type::Bool:
        return u"bool"_s;
    case Type::Number:
        return u"number"_s;
    case Type::Text:
        return u"text"_s;
    case Type::List:
        return u"list"_s;
    case Type::Map:
        return u"map"_s;
    }
    return {};
}

const KbEvidenceKey *KbArticle::evidenceKey(const QString &name) const
{
    for (const KbEvidenceKey &k : evidence) {
        if (k.name == name)
            return &k;
    }
    return nullptr;
}

QStringList KbArticle::relatedChecks() const
{
    const KbSection *related = section(u"Related checks"_s);
    if (!related)
        return {};
    static const QRegularExpression checkIdPattern(u"\\bcheck\\.[A-Za-z0-9_.-]*[A-Za-z0-9_]"_s);
    QStringList ids;
    auto it = checkIdPattern.globalMatch(related->markdown);
    while (it.hasNext()) {
        const QString id = it.next().captured();
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

const KbSection *KbArticle::section(const QString &name) const
{
    for (const KbSection &s : sections) {
        if (s.title.compare(name, Qt::CaseInsensitive) == 0)
            return &s;
    }
    return nullptr;
}

KbParseResult KbParser::parse(const QByteArray &markdown, const QString &sourcePath)
{
    KbParseResult result;
    KbArticle &a = result.article;
    a.sourcePath = sourcePath;
    if (markdown.size() > MaxArticleBytes) {
        result.error = at(sourcePath, 1)
            + u"the article is larger than 1 MiB; split it or remove embedded data"_s;
        return result;
    }
    const QByteArray text = normalized(markdown);
    const LineIndex lines(text);

    // Front matter: a first line "---", YAML, and a closing "---" (or "...") line.
    if (!isFenceLine(text, 0, lines.start(2) - (lines.count() > 1 ? 1 : 0), "---")) {
        result.error = at(sourcePath, 1)
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
        result.error = at(sourcePath, 1)
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

    Walker walker(text, lines, a);
    if (const int rc = walker.run(bodyOffset); rc != 0) {
        result.error = at(sourcePath, a.bodyLine)
            + u"the markdown could not be parsed (md4c error %1)"_s.arg(rc);
        return result;
    }
    fillSectionMarkdown(a, walker.marks, text, lines);
    if (a.title.isEmpty())
        a.title = a.checkId;
    return result;
}

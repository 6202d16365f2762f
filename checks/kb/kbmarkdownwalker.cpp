// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// KbMarkdownWalker: md4c's callbacks turned into a KbArticle's structure.

#include "kb/kbmarkdownwalker_p.h"

#include <algorithm>
#include <cstdint>

using namespace Qt::StringLiterals;

int KbMarkdownWalker::run(qsizetype bodyOffset)
{
    MD_PARSER parser {};
    parser.abi_version = 0;
    // NOHTML: raw HTML stays literal text and is never handed to anyone as markup.
    parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
    parser.enter_block = &KbMarkdownWalker::enterBlock;
    parser.leave_block = &KbMarkdownWalker::leaveBlock;
    parser.enter_span = [](MD_SPANTYPE, void *, void *) { return 0; };
    parser.leave_span = [](MD_SPANTYPE, void *, void *) { return 0; };
    parser.text = &KbMarkdownWalker::onText;
    m_lastLine = m_lines.lineAt(bodyOffset) - 1;
    return md_parse(
        m_text.constData() + bodyOffset, MD_SIZE(m_text.size() - bodyOffset), &parser, this);
}

int KbMarkdownWalker::lineOf(const MD_CHAR *p) const
{
    const auto begin = reinterpret_cast<std::uintptr_t>(m_text.constData());
    const auto pos = reinterpret_cast<std::uintptr_t>(p);
    if (!p || pos < begin || pos > begin + std::uintptr_t(m_text.size()))
        return 0;
    return m_lines.lineAt(qsizetype(pos - begin));
}

int KbMarkdownWalker::enterBlock(MD_BLOCKTYPE type, void *detail, void *self)
{
    static_cast<KbMarkdownWalker *>(self)->enter(type, detail);
    return 0;
}

int KbMarkdownWalker::leaveBlock(MD_BLOCKTYPE type, void *, void *self)
{
    static_cast<KbMarkdownWalker *>(self)->leave(type);
    return 0;
}

int KbMarkdownWalker::onText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *self)
{
    static_cast<KbMarkdownWalker *>(self)->addText(type, text, size);
    return 0;
}

void KbMarkdownWalker::enter(MD_BLOCKTYPE type, void *detail)
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

void KbMarkdownWalker::leave(MD_BLOCKTYPE type)
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

void KbMarkdownWalker::addText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
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

void KbMarkdownWalker::leaveHeading()
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

void KbMarkdownWalker::enterCode(const MD_BLOCK_CODE_DETAIL *detail)
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

void KbMarkdownWalker::leaveCode()
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
    m_lastLine = std::max(m_lastLine, std::min(m_code.line + contentLines + 1, m_lines.count()));
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
void KbMarkdownWalker::takeWhenLine()
{
    const KbEvidenceCondition::WhenLine w = KbEvidenceCondition::splitWhenLine(m_code.text);
    if (!w.found)
        return;
    KbFixCondition when;
    when.text = w.condition;
    when.line = m_code.line + 1;
    // The column in the file: md4c took off the fence's indentation, the file has it.
    const qsizetype from = m_lines.start(when.line);
    const QString raw = QString::fromUtf8(m_text.mid(from, m_lines.start(when.line + 1) - from));
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
int KbMarkdownWalker::lineAfter(int line, std::initializer_list<const char *> markers) const
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

QString KbMarkdownWalker::commentCaption(const KbCodeBlock &block)
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

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// KbTextRenderer: md4c's blocks and spans as wrapped terminal text.

#include "kb/kbevidencecondition.h"
#include "kb/kbplaceholders.h"
#include "kb/kbtextrenderer_p.h"

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

// Stands in for the spaces of a code span while wrapping; a private-use character, so
// it cannot clash with the article's own text.
constexpr QChar KeepTogether(0xE000);

QString decodeEntity(const QString &entity)
{
    static const QMap<QString, QString> named { { u"&amp;"_s, u"&"_s }, { u"&lt;"_s, u"<"_s },
        { u"&gt;"_s, u">"_s }, { u"&quot;"_s, u"\""_s }, { u"&apos;"_s, u"'"_s },
        { u"&nbsp;"_s, u" "_s } };
    if (named.contains(entity))
        return named.value(entity);
    bool ok = false;
    const uint code = entity.startsWith(u"&#x"_s, Qt::CaseInsensitive)
        ? entity.mid(3).chopped(1).toUInt(&ok, 16)
        : entity.startsWith(u"&#"_s) ? entity.mid(2).chopped(1).toUInt(&ok)
                                     : 0;
    const char32_t c[] = { char32_t(code) };
    return ok && code > 0 && code <= 0x10FFFF ? QString::fromUcs4(c, 1) : entity;
}

// Greedy word wrap; '\n' (a hard break) starts a new line.
QStringList wrap(const QString &text, const QString &first, const QString &rest, int width)
{
    QStringList lines;
    QString line = first;
    bool empty = true;
    const QStringList hardLines = text.split(u'\n');
    for (qsizetype h = 0; h < hardLines.size(); ++h) {
        if (h > 0) {
            lines << line;
            line = rest;
            empty = true;
        }
        for (const QString &word : hardLines.at(h).split(u' ', Qt::SkipEmptyParts)) {
            if (!empty && line.size() + 1 + word.size() > width) {
                lines << line;
                line = rest;
                empty = true;
            }
            line += (empty ? QString() : u" "_s) + word;
            empty = false;
        }
    }
    lines << line;
    return lines;
}

} // namespace

void KbTextRenderer::block(const QStringList &lines, bool tight)
{
    if (m_skipping)
        return;
    if (!m_out.isEmpty() && !(tight && m_tightRun))
        m_out += u'\n';
    for (const QString &l : lines)
        m_out += l + u'\n';
    m_tightRun = tight;
}

void KbTextRenderer::render(const QString &markdown, const QList<DeploymentStyle> *styles)
{
    m_styles = styles;
    m_skipping = false;
    const QByteArray utf8 = markdown.toUtf8();
    MD_PARSER parser {};
    parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML; // as KbParser reads articles
    parser.enter_block = [](MD_BLOCKTYPE t, void *d, void *self) {
        return static_cast<KbTextRenderer *>(self)->enter(t, d), 0;
    };
    parser.leave_block = [](MD_BLOCKTYPE t, void *, void *self) {
        return static_cast<KbTextRenderer *>(self)->leave(t), 0;
    };
    parser.enter_span = [](MD_SPANTYPE t, void *d, void *self) {
        return static_cast<KbTextRenderer *>(self)->span(t, d, true), 0;
    };
    parser.leave_span = [](MD_SPANTYPE t, void *d, void *self) {
        return static_cast<KbTextRenderer *>(self)->span(t, d, false), 0;
    };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR *text, MD_SIZE size, void *self) {
        return static_cast<KbTextRenderer *>(self)->text(
                   t, QString::fromUtf8(text, qsizetype(size))),
               0;
    };
    md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, this);
    flush();
    m_skipping = false;
}

void KbTextRenderer::code(const QString &raw)
{
    const KbEvidenceCondition::WhenLine when = KbEvidenceCondition::splitWhenLine(raw);
    QString condition;
    if (when.found) {
        const KbEvidenceCondition::Parsed parsed = KbEvidenceCondition::parse(when.condition);
        condition = parsed.ok() ? parsed.condition.toString() : when.condition;
    }
    code(when.rest, condition);
}

void KbTextRenderer::code(const QString &commands, const QString &condition)
{
    QString text = KbPlaceholders::fill(commands, m_values);
    if (text.endsWith(u'\n'))
        text.chop(1);
    QStringList lines = text.split(u'\n');
    if (!condition.isEmpty())
        lines.prepend(u"When: "_s + condition);
    block(lines);
}

void KbTextRenderer::paragraph(const QString &text)
{
    if (!text.trimmed().isEmpty())
        block(wrap(KbPlaceholders::fill(text, m_values).simplified(), {}, {}, m_width));
}

void KbTextRenderer::enter(MD_BLOCKTYPE type, void *detail)
{
    flush();
    switch (type) {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL: {
        List list;
        list.ordered = type == MD_BLOCK_OL;
        if (list.ordered) {
            const auto *ol = static_cast<MD_BLOCK_OL_DETAIL *>(detail);
            list.next = ol->start;
            list.tight = ol->is_tight;
        } else {
            list.tight = static_cast<MD_BLOCK_UL_DETAIL *>(detail)->is_tight;
        }
        m_lists << list;
        break;
    }
    case MD_BLOCK_LI:
        if (!m_lists.isEmpty()) {
            List &list = m_lists.last();
            m_bullet = list.ordered ? QString::number(list.next++) + u". "_s : u"- "_s;
            list.indent = m_bullet.size();
        }
        break;
    case MD_BLOCK_H:
        m_heading = int(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level);
        break;
    case MD_BLOCK_CODE:
        m_inCode = true;
        m_code.clear();
        break;
    case MD_BLOCK_QUOTE:
        ++m_quote;
        break;
    case MD_BLOCK_TABLE:
        m_tightRun = false;
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
        if (!m_row.isEmpty())
            m_row += u" | "_s;
        break;
    default:
        break;
    }
}

void KbTextRenderer::leave(MD_BLOCKTYPE type)
{
    switch (type) {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
        flush();
        m_lists.removeLast();
        if (m_lists.isEmpty())
            m_tightRun = false;
        break;
    case MD_BLOCK_H:
        heading(std::exchange(m_inline, {}).trimmed());
        m_heading = 0;
        break;
    case MD_BLOCK_CODE: {
        m_inCode = false;
        code(m_code);
        break;
    }
    case MD_BLOCK_QUOTE:
        flush();
        --m_quote;
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
        m_row += std::exchange(m_inline, {}).trimmed();
        break;
    case MD_BLOCK_TR:
        block({ std::exchange(m_row, {}) }, true);
        break;
    case MD_BLOCK_HR:
        block({ QString(std::min(m_width, 40), u'-') });
        break;
    default:
        flush();
        break;
    }
}

void KbTextRenderer::heading(const QString &title)
{
    if (m_styles && m_heading == 3) {
        const auto style = Deployment::fromHeading(title);
        m_skipping = style && !m_styles->contains(*style);
    }
    if (m_heading <= 3)
        block({ title, QString(title.size(), u'-') });
    else
        block({ title + u':' });
}

void KbTextRenderer::span(MD_SPANTYPE type, void *detail, bool entering)
{
    if (type == MD_SPAN_CODE) {
        m_inline += u'`'; // keeps literal names recognisable without emphasis
        m_inCodeSpan = entering;
    } else if (type == MD_SPAN_A && entering) {
        const MD_ATTRIBUTE &href = static_cast<MD_SPAN_A_DETAIL *>(detail)->href;
        m_href = QString::fromUtf8(href.text, href.size);
        m_linkStart = m_inline.size();
    } else if (type == MD_SPAN_A && m_inline.mid(m_linkStart) != m_href && !m_href.isEmpty()) {
        m_inline += u" ("_s + m_href + u')';
    } // emphasis, strong, strike-through: the words alone
}

void KbTextRenderer::text(MD_TEXTTYPE type, const QString &text)
{
    if (m_inCode) {
        m_code += text;
        return;
    }
    switch (type) {
    case MD_TEXT_BR:
        m_inline += u'\n';
        break;
    case MD_TEXT_SOFTBR:
        m_inline += u' ';
        break;
    case MD_TEXT_NULLCHAR:
        m_inline += QChar(QChar::ReplacementCharacter);
        break;
    case MD_TEXT_ENTITY:
        m_inline += decodeEntity(text);
        break;
    default:
        // A code span is kept on one line, so that a command in it stays whole.
        m_inline += m_inCodeSpan ? QString(text).replace(u' ', KeepTogether) : text;
        break;
    }
}

// Emits the inline text read so far (a paragraph or a tight list item's text).
void KbTextRenderer::flush()
{
    if (m_inline.trimmed().isEmpty()) {
        m_inline.clear();
        return;
    }
    QString indent = QString(m_quote * 2, u' ');
    for (qsizetype i = 0; i + 1 < m_lists.size(); ++i)
        indent += QString(m_lists.at(i).indent, u' ');
    const qsizetype own = m_lists.isEmpty() ? 0 : m_lists.last().indent;
    const QString first = indent + (m_bullet.isEmpty() ? QString(own, u' ') : m_bullet);
    const QString text = KbPlaceholders::fill(std::exchange(m_inline, {}), m_values);
    const bool tight = !m_lists.isEmpty() && m_lists.last().tight;
    QStringList lines = wrap(text.trimmed(), first, indent + QString(own, u' '), m_width);
    for (QString &line : lines)
        line.replace(KeepTogether, u' ');
    block(lines, tight);
    m_bullet.clear();
}

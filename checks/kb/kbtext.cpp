// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "kb/kbtext.h"

#include "kb/kbfixchoice.h"
#include "kb/kbplaceholders.h"
#include "report/resulttext.h"

#include <md4c.h>
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

// Turns one section's markdown into text with md4c's callbacks: blocks become wrapped
// paragraphs, list items, headings and verbatim code.
class Renderer
{
public:
    Renderer(int width, const QMap<QString, QString> &values)
        : m_width(width)
        , m_values(values)
    { }

    // Emits lines as one block, after a blank line unless it continues a tight list.
    void block(const QStringList &lines, bool tight = false)
    {
        if (m_skipping)
            return;
        if (!m_out.isEmpty() && !(tight && m_tightRun))
            m_out += u'\n';
        for (const QString &l : lines)
            m_out += l + u'\n';
        m_tightRun = tight;
    }

    // `styles` set: this is "How to fix", whose subsections for other styles are left out.
    void render(const QString &markdown, const QList<DeploymentStyle> *styles)
    {
        m_styles = styles;
        m_skipping = false;
        const QByteArray utf8 = markdown.toUtf8();
        MD_PARSER parser {};
        parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML; // as KbParser reads articles
        parser.enter_block = [](MD_BLOCKTYPE t, void *d, void *self) {
            return static_cast<Renderer *>(self)->enter(t, d), 0;
        };
        parser.leave_block = [](MD_BLOCKTYPE t, void *, void *self) {
            return static_cast<Renderer *>(self)->leave(t), 0;
        };
        parser.enter_span = [](MD_SPANTYPE t, void *d, void *self) {
            return static_cast<Renderer *>(self)->span(t, d, true), 0;
        };
        parser.leave_span = [](MD_SPANTYPE t, void *d, void *self) {
            return static_cast<Renderer *>(self)->span(t, d, false), 0;
        };
        parser.text = [](MD_TEXTTYPE t, const MD_CHAR *text, MD_SIZE size, void *self) {
            return static_cast<Renderer *>(self)->text(t, QString::fromUtf8(text, qsizetype(size))),
                   0;
        };
        md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, this);
        flush();
        m_skipping = false;
    }

    QString text() const { return m_out; }

    // A code block: its "When:" line as "When: CONDITION", then the commands verbatim (no
    // indent, no wrapping), so a selection pastes exactly the command.
    void code(const QString &raw)
    {
        const KbEvidenceCondition::WhenLine when = KbEvidenceCondition::splitWhenLine(raw);
        QString condition;
        if (when.found) {
            const KbEvidenceCondition::Parsed parsed = KbEvidenceCondition::parse(when.condition);
            condition = parsed.ok() ? parsed.condition.toString() : when.condition;
        }
        code(when.rest, condition);
    }
    void code(const QString &commands, const QString &condition)
    {
        QString text = KbPlaceholders::fill(commands, m_values);
        if (text.endsWith(u'\n'))
            text.chop(1);
        QStringList lines = text.split(u'\n');
        if (!condition.isEmpty())
            lines.prepend(u"When: "_s + condition);
        block(lines);
    }

    // Plain text wrapped at the width, as one paragraph.
    void paragraph(const QString &text)
    {
        if (!text.trimmed().isEmpty())
            block(wrap(KbPlaceholders::fill(text, m_values).simplified(), {}, {}, m_width));
    }

private:
    struct List
    {
        bool ordered = false;
        unsigned next = 1;
        bool tight = false;
        qsizetype indent = 0; // width of the current item's marker
    };

    void enter(MD_BLOCKTYPE type, void *detail)
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

    void leave(MD_BLOCKTYPE type)
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

    void heading(const QString &title)
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

    void span(MD_SPANTYPE type, void *detail, bool entering)
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

    void text(MD_TEXTTYPE type, const QString &text)
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
    void flush()
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

    const int m_width;
    const QMap<QString, QString> &m_values;
    const QList<DeploymentStyle> *m_styles = nullptr;
    bool m_skipping = false; // inside a "How to fix" subsection for a style not shown
    QString m_out;
    bool m_tightRun = false; // the last block was an item of a tight list or a table row
    QList<List> m_lists;
    QString m_bullet; // marker for the first line of the next text, "- " or "3. "
    QString m_inline;
    int m_heading = 0;
    int m_quote = 0;
    bool m_inCode = false;
    bool m_inCodeSpan = false;
    QString m_code;
    QString m_row;
    QString m_href;
    qsizetype m_linkStart = 0;
};

// Title, underline, the front matter in one line, and the source of an override.
QStringList header(const KbArticle &a)
{
    const QString title = a.title + u" ("_s + a.checkId + u')';
    QStringList head { title, QString(title.size(), u'='),
        u"severity: %1  plugin: %2  tags: %3"_s.arg(a.severity, a.plugin, a.tags.join(u", "_s)) };
    if (!a.sourcePath.startsWith(u":/"_s))
        head << u"source: "_s + a.sourcePath; // an override from a --kb folder
    return head;
}

} // namespace

QString KbText::render(const KbArticle &a, const QList<DeploymentStyle> &styles,
    const QMap<QString, QString> &values, int width)
{
    const QList<DeploymentStyle> shown = styles.isEmpty() ? Deployment::all() : styles;
    Renderer r(width, values);
    r.block(header(a));
    for (const KbSection &s : a.sections) {
        r.block({ s.title.toUpper() });
        const bool fixes = s.title.compare(u"How to fix"_s, Qt::CaseInsensitive) == 0;
        r.render(s.markdown, fixes ? &shown : nullptr);
        for (DeploymentStyle style : fixes ? shown : QList<DeploymentStyle>()) {
            if (a.fixesFor(style).isEmpty())
                r.block(
                    { u"(This article has no commands for %1.)"_s.arg(Deployment::title(style)) });
        }
    }
    return r.text();
}

QString KbText::renderForResult(const KbArticle &a, const CheckResult &result,
    const QList<DeploymentStyle> &styles, const QMap<QString, QString> &values, int width)
{
    const QList<DeploymentStyle> shown = styles.isEmpty() ? Deployment::all() : styles;
    const QList<DeploymentStyle> none;
    Renderer r(width, values);
    r.block(header(a));
    r.block({ u"RESULT"_s });
    r.paragraph(u"%1 · %2 — %3"_s.arg(result.environment.isEmpty() ? u"-"_s : result.environment,
        Status::key(result.status), result.message));
    QStringList evidence;
    for (const auto &[key, value] : result.evidence)
        evidence << u"    "_s + key + u": "_s + ResultText::evidenceValue(value);
    if (!evidence.isEmpty())
        r.block(evidence);
    for (const KbSection &s : a.sections) {
        r.block({ s.title.toUpper() });
        if (s.title.compare(u"How to fix"_s, Qt::CaseInsensitive) != 0) {
            r.render(s.markdown, nullptr);
            continue;
        }
        const KbFixChoice first = KbFixChoice::choose(a, shown.first(), &result);
        if (first.verdict == KbFixChoice::Verdict::NothingToDo) {
            r.paragraph(u"Nothing to do: the check passed."_s);
            continue;
        }
        if (first.verdict == KbFixChoice::Verdict::NotRun) {
            r.paragraph(u"The check did not run, so there is nothing to fix here: "_s
                + (first.reason.isEmpty() ? u"no reason given."_s : first.reason));
            continue;
        }
        r.render(s.markdown, &none); // the introduction; the subsections come chosen below
        for (DeploymentStyle style : shown) {
            const KbFixChoice choice = KbFixChoice::choose(a, style, &result);
            const QString heading = Deployment::title(style);
            r.block({ heading, QString(heading.size(), u'-') });
            for (const KbCodeBlock &b : choice.matching) {
                r.paragraph(b.caption);
                r.code(b.text, KbFixChoice::conditionText(b));
            }
            if (choice.matching.isEmpty())
                r.paragraph(u"No fix for %1 matches this result's evidence."_s.arg(heading));
            if (!choice.other.isEmpty())
                r.paragraph(
                    (choice.other.size() == 1
                            ? u"(1 other fix for %1 does not match this result; "_s.arg(heading)
                            : u"(%1 other fixes for %2 do not match this result; "_s
                                  .arg(choice.other.size())
                                  .arg(heading))
                    + u"'doctor kb show %1' without --result lists every one.)"_s.arg(a.checkId));
        }
    }
    return r.text();
}

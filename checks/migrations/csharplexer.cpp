// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// CSharpLexer: tokens, comments, directives, and C#'s string and char literals.

#include "migrations/csharplexer_p.h"

#include <QStringList>
#include <algorithm>

using namespace Qt::StringLiterals;

CSharpToken CSharpLexer::next()
{
    while (m_pos < m_s.size()) {
        const QChar c = m_s[m_pos];
        if (c == u'\n') {
            ++m_line;
            ++m_pos;
            m_lineStart = true;
        } else if (c.isSpace() || c == QChar(0xFEFF)) {
            ++m_pos;
        } else if (c == u'/' && at(m_pos + 1) == u'/') {
            skipLine();
        } else if (c == u'/' && at(m_pos + 1) == u'*') {
            skipBlockComment();
        } else if (c == u'#' && m_lineStart) {
            directive(); // #nullable, #pragma, #region, #if: a directive is one line
        } else {
            m_lineStart = false;
            return token();
        }
    }
    return { CSharpToken::End, {}, {}, false, m_line };
}

// At the '#' of a directive line. Inside a branch known not to be compiled, C# reads
// nothing but directives, so the following lines are skipped up to the next one.
void CSharpLexer::directive()
{
    for (;;) {
        const qsizetype start = m_pos;
        skipLine();
        m_conditionals.apply(m_s.sliced(start, m_pos - start).trimmed().toString());
        if (!m_conditionals.skipping())
            return;
        // Skip whole lines until one that is a directive.
        for (;;) {
            if (m_pos >= m_s.size())
                return;
            ++m_pos; // the '\n'
            ++m_line;
            qsizetype p = m_pos;
            while (p < m_s.size() && m_s[p] != u'\n' && m_s[p].isSpace())
                ++p;
            if (p < m_s.size() && m_s[p] == u'#') {
                m_pos = p;
                break;
            }
            m_pos = p;
            skipLine();
        }
    }
}

void CSharpLexer::skipLine()
{
    while (m_pos < m_s.size() && m_s[m_pos] != u'\n')
        ++m_pos;
}

// Block comments do not nest in C#.
void CSharpLexer::skipBlockComment()
{
    m_pos += 2;
    while (m_pos < m_s.size() && !(m_s[m_pos] == u'*' && at(m_pos + 1) == u'/')) {
        if (m_s[m_pos] == u'\n')
            ++m_line;
        ++m_pos;
    }
    m_pos = std::min(m_pos + 2, m_s.size());
}

qsizetype CSharpLexer::run(qsizetype from, QChar c) const
{
    qsizetype n = 0;
    while (at(from + n) == c)
        ++n;
    return n;
}

CSharpToken CSharpLexer::token()
{
    const qsizetype start = m_pos;
    const int line = m_line;
    const QChar c = m_s[m_pos];
    CSharpToken t { CSharpToken::Symbol, {}, {}, false, line };
    // String prefixes: @"..", $"..", $@"..", @$"..", $$"""..""" (and raw """...""").
    qsizetype p = m_pos;
    bool verbatim = at(p) == u'@';
    if (verbatim)
        ++p;
    const qsizetype dollars = run(p, u'$');
    p += dollars;
    if (!verbatim && dollars > 0 && at(p) == u'@') {
        verbatim = true;
        ++p;
    }
    if (at(p) == u'"') {
        m_pos = p;
        t.type = CSharpToken::String;
        t.interpolated = dollars > 0;
        const qsizetype quotes = run(m_pos, u'"');
        // @""" is a verbatim string starting with an escaped quote, not a raw one.
        t.value = quotes >= 3 && !verbatim ? raw(quotes, dollars) : quoted(verbatim, dollars);
    } else if (c == u'@' && identStart(at(m_pos + 1))) {
        ++m_pos;
        while (m_pos < m_s.size() && identPart(m_s[m_pos]))
            ++m_pos;
        t.type = CSharpToken::Ident;
        t.value = m_s.sliced(start + 1, m_pos - start - 1).toString();
    } else if (identStart(c)) {
        while (m_pos < m_s.size() && identPart(m_s[m_pos]))
            ++m_pos;
        t.type = CSharpToken::Ident;
        t.value = m_s.sliced(start, m_pos - start).toString();
    } else if (c.isDigit()) {
        while (m_pos < m_s.size() && (identPart(m_s[m_pos]) || m_s[m_pos] == u'.'))
            ++m_pos;
        t.type = CSharpToken::Number;
    } else if (c == u'\'') {
        charLiteral();
        t.type = CSharpToken::Char;
    } else {
        ++m_pos;
    }
    t.text = m_s.sliced(start, m_pos - start);
    return t;
}

void CSharpLexer::charLiteral()
{
    ++m_pos;
    for (int n = 0; n < 12 && m_pos < m_s.size() && m_s[m_pos] != u'\n'; ++n) {
        const QChar c = m_s[m_pos++];
        if (c == u'\\')
            ++m_pos;
        else if (c == u'\'')
            return;
    }
    m_pos = std::min(m_pos, m_s.size());
}

// m_pos is on the opening quote of "..." or @"...". Returns the value; an interpolated
// string's holes are lexed as code (they hold expressions, strings included).
QString CSharpLexer::quoted(bool verbatim, qsizetype interpolation)
{
    QString value;
    ++m_pos;
    while (m_pos < m_s.size()) {
        const QChar c = m_s[m_pos];
        if (c == u'\n') {
            if (!verbatim)
                return value; // unterminated: a regular string ends at the line
            ++m_line;
        }
        if (c == u'"') {
            ++m_pos;
            if (verbatim && at(m_pos) == u'"') {
                value += u'"';
                ++m_pos;
                continue;
            }
            return value;
        }
        if (c == u'\\' && !verbatim) {
            value += escape();
            continue;
        }
        if (interpolation > 0 && (c == u'{' || c == u'}')) {
            if (at(m_pos + 1) == c) { // {{ and }} are literal braces
                value += c;
                m_pos += 2;
                continue;
            }
            ++m_pos;
            if (c == u'{')
                skipHole(1);
            continue;
        }
        value += c;
        ++m_pos;
    }
    return value;
}

// """...""" with QUOTES (3 or more) quotes; interpolated ones open holes with
// INTERPOLATION braces ($$""" ... {{x}} ... """).
QString CSharpLexer::raw(qsizetype quotes, qsizetype interpolation)
{
    m_pos += quotes;
    const qsizetype start = m_pos;
    while (m_pos < m_s.size()) {
        const QChar c = m_s[m_pos];
        if (c == u'"' && run(m_pos, u'"') >= quotes) {
            const QString body = m_s.sliced(start, m_pos - start).toString();
            m_pos += run(m_pos, u'"');
            return rawValue(body);
        }
        if (c == u'\n')
            ++m_line;
        if (interpolation > 0 && c == u'{' && run(m_pos, u'{') >= interpolation) {
            m_pos += run(m_pos, u'{');
            skipHole(interpolation);
            continue;
        }
        ++m_pos;
    }
    return m_s.sliced(start).toString();
}

// A multi-line raw string drops its first and last line and the last line's indentation.
QString CSharpLexer::rawValue(const QString &body)
{
    if (!body.contains(u'\n'))
        return body;
    QStringList lines = body.split(u'\n');
    const QString indent = lines.takeLast();
    lines.removeFirst();
    for (QString &line : lines) {
        if (line.startsWith(indent))
            line.remove(0, indent.size());
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    return lines.join(u'\n');
}

// After the opening brace(s) of an interpolation hole: lexes up to its closing brace.
void CSharpLexer::skipHole(qsizetype closing)
{
    // Nested interpolated strings recurse; a hostile file must not exhaust the stack.
    if (m_holeDepth == 32) {
        m_pos = m_s.size();
        return;
    }
    ++m_holeDepth;
    int depth = 0;
    for (CSharpToken t = next(); t.type != CSharpToken::End; t = next()) {
        if (t.is(u'{')) {
            ++depth;
        } else if (t.is(u'}') && depth-- == 0) {
            m_pos += std::min(run(m_pos, u'}'), closing - 1);
            break;
        }
    }
    --m_holeDepth;
}

// m_pos on the backslash
QString CSharpLexer::escape()
{
    const QChar e = at(m_pos + 1);
    // A backslash that ends the file escapes nothing: step onto the end, not past it (the
    // fuzzer's truncated .cs file left m_pos one beyond the text, and slicing the token failed).
    m_pos = std::min(m_pos + 2, m_s.size());
    switch (e.unicode()) {
    case u'n':
        return u"\n"_s;
    case u't':
        return u"\t"_s;
    case u'r':
        return u"\r"_s;
    case u'0':
        return QString(QChar(0));
    case u'u':
    case u'U':
    case u'x': {
        const qsizetype digits = e == u'u' ? 4 : e == u'U' ? 8 : 4;
        qsizetype n = 0;
        const auto hex
            = [](QChar h) { return h.isDigit() || (h.toLower() >= u'a' && h.toLower() <= u'f'); };
        while (n < digits && hex(at(m_pos + n)))
            ++n;
        bool ok = false;
        const uint code = m_s.sliced(m_pos, n).toUInt(&ok, 16);
        m_pos += n;
        if (!ok)
            return {};
        const char32_t ucs4[] = { char32_t(code) };
        return QString::fromUcs4(ucs4, 1);
    }
    default:
        return e.isNull() ? QString() : QString(e);
    }
}

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// SqlLexer's rules (comments, quotes, dollar quotes, DO bodies) and the token helpers.

#include "migrations/sqllexer.h"

#include <algorithm>

namespace SqlLex {

Token SqlLexer::next()
{
    Token t = lex();
    m_afterDo = t.type == Token::Word && t.text.compare(u"DO", Qt::CaseInsensitive) == 0;
    return t;
}

bool SqlLexer::isWordChar(QChar c, bool first)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'@' || c == u'#' || (!first && c == u'$');
}

Token SqlLexer::lex()
{
    while (m_pos < m_sql.size()) {
        const QChar c = m_sql[m_pos];
        if (c == u'\n') {
            ++m_line;
            ++m_pos;
        } else if (c.isSpace() || c == QChar(0xFEFF)) {
            ++m_pos;
        } else if (c == u'-' && at(m_pos + 1) == u'-') {
            while (m_pos < m_sql.size() && m_sql[m_pos] != u'\n')
                ++m_pos;
        } else if (c == u'/' && at(m_pos + 1) == u'*') {
            skipBlockComment();
        } else if (c == u'$' && dollarTagLength() > 0) {
            const QStringView tag = m_sql.mid(m_pos, dollarTagLength());
            const qsizetype start = m_pos;
            m_pos += tag.size();
            // The body of DO $EF$ ... $EF$ is where Npgsql puts every statement, so it
            // is read as code; any other dollar-quoted text is a string.
            if (m_inBody && tag == m_bodyTag) {
                m_inBody = false;
            } else if (!m_inBody && m_afterDo) {
                m_inBody = true;
                m_bodyTag = tag;
                m_afterDo = false;
            } else {
                const int line = m_line;
                const qsizetype close = m_sql.indexOf(tag, m_pos);
                const qsizetype end = close < 0 ? m_sql.size() : close + tag.size();
                m_line += int(m_sql.sliced(m_pos, end - m_pos).count(u'\n'));
                m_pos = end;
                return { Token::String, m_sql.sliced(start, end - start), line };
            }
        } else {
            return token(c);
        }
    }
    return { Token::End, {}, m_line };
}

Token SqlLexer::token(QChar c)
{
    const qsizetype start = m_pos;
    const int line = m_line;
    const QChar n = at(m_pos + 1);
    if (c == u'\'')
        return quoted(start, line, u'\'', Token::String, false);
    if ((c == u'N' || c == u'n' || c == u'E' || c == u'e') && n == u'\'') {
        ++m_pos;
        return quoted(start, line, u'\'', Token::String, c == u'E' || c == u'e');
    }
    if (c == u'"')
        return quoted(start, line, u'"', Token::Ident, false);
    if (c == u'[')
        return quoted(start, line, u']', Token::Ident, false);
    if (isWordChar(c, true)) {
        while (m_pos < m_sql.size() && isWordChar(m_sql[m_pos], false))
            ++m_pos;
        return { Token::Word, m_sql.sliced(start, m_pos - start), line };
    }
    ++m_pos;
    return { Token::Symbol, m_sql.sliced(start, 1), line };
}

// m_pos is on the opening quote; a doubled closing quote is an escaped one.
Token SqlLexer::quoted(qsizetype start, int line, QChar close, Token::Type type, bool backslashes)
{
    ++m_pos;
    while (m_pos < m_sql.size()) {
        const QChar c = m_sql[m_pos];
        if (c == u'\n')
            ++m_line;
        if (backslashes && c == u'\\') {
            if (at(m_pos + 1) == u'\n')
                ++m_line;
            m_pos += 2;
            continue;
        }
        ++m_pos;
        if (c == close) {
            if (at(m_pos) != close)
                break;
            ++m_pos;
        }
    }
    m_pos = std::min(m_pos, m_sql.size());
    return { type, m_sql.sliced(start, m_pos - start), line };
}

void SqlLexer::skipBlockComment()
{
    int depth = 0; // both PostgreSQL and SQL Server nest block comments
    while (m_pos < m_sql.size()) {
        if (m_sql[m_pos] == u'/' && at(m_pos + 1) == u'*') {
            ++depth;
            m_pos += 2;
        } else if (m_sql[m_pos] == u'*' && at(m_pos + 1) == u'/') {
            m_pos += 2;
            if (--depth == 0)
                return;
        } else {
            if (m_sql[m_pos] == u'\n')
                ++m_line;
            ++m_pos;
        }
    }
}

// Length of a $tag$ or $$ at m_pos, 0 when it is not one (e.g. the $1 of a parameter).
qsizetype SqlLexer::dollarTagLength() const
{
    qsizetype j = m_pos + 1;
    if (at(j).isLetter() || at(j) == u'_') {
        while (at(j).isLetterOrNumber() || at(j) == u'_')
            ++j;
    }
    return at(j) == u'$' ? j + 1 - m_pos : 0;
}

QString identName(const Token &t)
{
    if (t.type != Token::Ident || t.text.size() < 2)
        return t.text.toString();
    const QChar close = t.text.startsWith(u'[') ? u']' : u'"';
    const QString twice(2, close);
    return t.text.sliced(1, t.text.size() - 2).toString().replace(twice, QString(close));
}

QString stringValue(QStringView raw)
{
    if (raw.startsWith(u'$')) {
        const qsizetype tagLength = raw.indexOf(u'$', 1) + 1;
        // Unterminated (the lexer's token runs to the end of the input): no closing tag to
        // take off, the value is all that follows the opening one.
        if (raw.size() < 2 * tagLength || !raw.endsWith(raw.first(tagLength)))
            return raw.sliced(tagLength).toString();
        return raw.sliced(tagLength, raw.size() - 2 * tagLength).toString();
    }
    const bool backslashes = raw.startsWith(u'E') || raw.startsWith(u'e');
    if (!raw.startsWith(u'\''))
        raw = raw.sliced(1);
    raw = raw.sliced(1);
    if (raw.endsWith(u'\''))
        raw.chop(1);
    QString value;
    value.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if ((raw[i] == u'\'' || (backslashes && raw[i] == u'\\')) && i + 1 < raw.size())
            ++i;
        value += raw[i];
    }
    return value;
}

bool isIdent(const Token &t)
{
    return t.type == Token::Word || t.type == Token::Ident;
}

bool isSymbol(const Token &t, char16_t c)
{
    return t.type == Token::Symbol && t.text[0] == c;
}

bool isKeyword(const Token &t, QStringView word)
{
    return t.type == Token::Word && t.text.compare(word, Qt::CaseInsensitive) == 0;
}

bool isColumn(const Token &t, QStringView name)
{
    return isIdent(t) && identName(t).compare(name, Qt::CaseInsensitive) == 0;
}

} // namespace SqlLex

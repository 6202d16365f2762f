// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QString>
#include <QStringView>

// Just enough of a SQL lexer to tell code from comments and string literals in PostgreSQL
// and T-SQL scripts: a migration may carry SQL that mentions the history table in a
// comment, a string, a function body or an EXEC(N'...'), and that must not count as code.
// Internal to the expected-migration readers.
//
// Hand-written: the readers need PostgreSQL's and SQL Server's lexical rules at once
// (dollar quotes and E'' strings beside [bracketed] names and N'' strings), with line
// numbers, on scripts that need not be valid; no SQL library linked here lexes both.
namespace SqlLex {

struct Token
{
    enum Type {
        End, // no more input
        Word, // a keyword or unquoted name: letters, digits, _ @ # and $ after the first
        Ident, // a quoted name: "name" or [name], quotes included in text
        String, // '...', N'...', E'...' or a dollar-quoted $tag$...$tag$ string
        Symbol, // any other single character
    };
    Type type = End;
    QStringView text; // raw text as written, quotes and prefixes included; views the input
    int line = 0; // 1-based line where the token starts
};

// Yields tokens with their line; copy it to look ahead and assign the copy back to rewind.
// The lexer views SQL: the text must outlive it and every token it returned.
//
// Comments (-- and nested /* */) are skipped. Dollar-quoted text is a String, except the
// body of DO $tag$ ... $tag$, where Npgsql's idempotent scripts put every statement: that
// is lexed as code. Unterminated strings and comments run to the end of the input; lexing
// never fails.
class SqlLexer
{
public:
    explicit SqlLexer(QStringView sql)
        : m_sql(sql)
    { }

    // The next token; Token::End (again and again) at the end of the input.
    Token next();

private:
    QChar at(qsizetype i) const { return i < m_sql.size() ? m_sql[i] : QChar(); }
    static bool isWordChar(QChar c, bool first);
    Token lex();
    Token token(QChar c);
    Token quoted(qsizetype start, int line, QChar close, Token::Type type, bool backslashes);
    void skipBlockComment();
    qsizetype dollarTagLength() const;

    QStringView m_sql;
    qsizetype m_pos = 0;
    int m_line = 1;
    bool m_afterDo = false;
    bool m_inBody = false;
    QStringView m_bodyTag;
};

// The name a quoted identifier stands for: "a""b" -> a"b, [a]]b] -> a]b; a Word as written.
QString identName(const Token &t);
// The value of a String token's text: quotes taken off, doubled quotes (and in E'' strings
// backslash escapes) reduced to the character; a dollar-quoted string's body as is.
QString stringValue(QStringView raw);
// A Word or a quoted identifier.
bool isIdent(const Token &t);
// The Symbol c.
bool isSymbol(const Token &t, char16_t c);
// The unquoted Word `word`, case ignored ("insert" is INSERT).
bool isKeyword(const Token &t, QStringView word);
// A name (quoted or not) that reads as `name`, case ignored.
bool isColumn(const Token &t, QStringView name);

} // namespace SqlLex

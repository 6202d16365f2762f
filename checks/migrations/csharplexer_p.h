// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/csharpconditionals_p.h"

#include <QString>
#include <QStringView>

// C#'s lexical grammar, enough to skip what is not code (C# spec, "Lexical structure"):
// comments, preprocessor lines, regular, verbatim, raw and interpolated strings, char
// literals, @identifiers. Internal to CSharpClasses (csharpclasses.cpp).

struct CSharpToken
{
    enum Type { End, Ident, String, Char, Number, Symbol };
    Type type = End;
    QStringView text; // as written; views the source
    QString value; // Ident: the name without '@'; String: the value (not for interpolated ones)
    bool interpolated = false;
    int line = 0; // 1-based

    bool is(char16_t symbol) const { return type == Symbol && text.front() == symbol; }
    bool isWord(QStringView word) const { return type == Ident && value == word; }
};

// Yields the tokens of a C# source, skipping comments, directives and the branches of
// #if false. Copy it to look ahead; assign the copy back to rewind. The source must
// outlive the lexer and its tokens. Malformed or cut-off source ends in CSharpToken::End;
// lexing never fails.
class CSharpLexer
{
public:
    explicit CSharpLexer(QStringView source)
        : m_s(source)
    { }

    // The next token; CSharpToken::End (again and again) at the end of the source.
    CSharpToken next();
    // Offset in the source (UTF-16 code units) after the last token read.
    qsizetype position() const { return m_pos; }
    // The #if conditions on build symbols around the current position (see
    // CSharpConditionals::condition()).
    QString condition() const { return m_conditionals.condition(); }

private:
    void directive();
    QChar at(qsizetype i) const { return i < m_s.size() ? m_s[i] : QChar(); }
    static bool identStart(QChar c) { return c.isLetter() || c == u'_'; }
    static bool identPart(QChar c) { return c.isLetterOrNumber() || c == u'_'; }
    void skipLine();
    void skipBlockComment();
    qsizetype run(qsizetype from, QChar c) const;
    CSharpToken token();
    void charLiteral();
    QString quoted(bool verbatim, qsizetype interpolation);
    QString raw(qsizetype quotes, qsizetype interpolation);
    static QString rawValue(const QString &body);
    void skipHole(qsizetype closing);
    QString escape();

    QStringView m_s;
    qsizetype m_pos = 0;
    int m_line = 1;
    bool m_lineStart = true;
    int m_holeDepth = 0;
    CSharpConditionals m_conditionals;
};

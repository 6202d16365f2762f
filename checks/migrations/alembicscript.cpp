// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// AlembicScript::parse(): a Python tokenizer reduced to what module-level assignments of
// string literals need (names, strings, brackets, comments, logical lines). No Python parser
// is available as a C++ library here, and running the project's Python is not an option
// for a read-only diagnostic.

#include "migrations/alembicscript.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace {

struct Token
{
    enum Kind { Name, String, Op, Newline } kind;
    QString text; // a String's value, an Op's characters
    int line;
    int column;
    int depth; // bracket depth before the token
};

bool isNameStart(QChar c)
{
    return c == u'_' || c.isLetter();
}

bool isStringPrefix(QStringView word)
{
    static const QStringList prefixes
        = { u"r"_s, u"u"_s, u"b"_s, u"f"_s, u"br"_s, u"rb"_s, u"fr"_s, u"rf"_s };
    return prefixes.contains(word.toString().toLower());
}

class Tokenizer
{
public:
    explicit Tokenizer(const QString &text)
        : s(text)
    { }

    QList<Token> run()
    {
        while (i < s.size()) {
            const QChar c = s[i];
            if (c == u'\n') {
                newline();
            } else if (c == u'#') {
                while (i < s.size() && s[i] != u'\n')
                    ++i;
            } else if (c == u'\\' && i + 1 < s.size() && (s[i + 1] == u'\n' || s[i + 1] == u'\r')) {
                i += s[i + 1] == u'\r' && i + 2 < s.size() && s[i + 2] == u'\n' ? 3 : 2;
                ++line;
                lineStart = i;
            } else if (c.isSpace()) {
                ++i;
            } else {
                mark();
                if (c == u'\'' || c == u'"') {
                    string(false);
                } else if (isNameStart(c)) {
                    name();
                } else if (c.isDigit()) {
                    while (
                        i < s.size() && (s[i].isLetterOrNumber() || s[i] == u'.' || s[i] == u'_'))
                        ++i;
                    emit(Token::Op, u"0"_s); // a number: a value that is not a string
                } else {
                    op();
                }
            }
        }
        newline();
        return tokens;
    }

private:
    void emit(Token::Kind kind, const QString &text)
    {
        tokens.append(Token { kind, text, startLine, int(tokenStart - startLineStart), depth });
    }

    void newline()
    {
        if (depth == 0 && !tokens.isEmpty() && tokens.last().kind != Token::Newline)
            tokens.append(Token { Token::Newline, {}, line, 0, 0 });
        ++i;
        ++line;
        lineStart = i;
        startLine = line;
        startLineStart = lineStart;
    }

    void name()
    {
        const qsizetype start = i;
        while (i < s.size() && (s[i] == u'_' || s[i].isLetterOrNumber()))
            ++i;
        const QStringView word = QStringView(s).sliced(start, i - start);
        if (i < s.size() && (s[i] == u'\'' || s[i] == u'"') && isStringPrefix(word)) {
            string(word.contains(u'r') || word.contains(u'R'));
            return;
        }
        emit(Token::Name, word.toString());
    }

    // A string literal from s[i] (its quote); RAW: backslashes are kept.
    void string(bool raw)
    {
        const QChar quote = s[i];
        const bool triple = i + 2 < s.size() && s[i + 1] == quote && s[i + 2] == quote;
        i += triple ? 3 : 1;
        QString value;
        while (i < s.size()) {
            const QChar c = s[i];
            if (c == quote
                && (!triple || (i + 2 < s.size() && s[i + 1] == quote && s[i + 2] == quote))) {
                i += triple ? 3 : 1;
                break;
            }
            if (c == u'\n') {
                if (!triple)
                    break; // unterminated: Python's SyntaxError; the value is not used
                ++line;
                lineStart = i + 1;
            }
            if (c == u'\\' && i + 1 < s.size()) {
                if (raw)
                    value.append(c);
                value.append(s[i + 1]);
                if (s[i + 1] == u'\n') {
                    ++line;
                    lineStart = i + 2;
                }
                i += 2;
                continue;
            }
            value.append(c);
            ++i;
        }
        emit(Token::String, value);
    }

    void op()
    {
        const QChar c = s[i];
        if (c == u'(' || c == u'[' || c == u'{') {
            emit(Token::Op, QString(c));
            ++depth;
            ++i;
            return;
        }
        if (c == u')' || c == u']' || c == u'}') {
            depth = qMax(0, depth - 1);
            emit(Token::Op, QString(c));
            ++i;
            return;
        }
        // Two-character operators ending in '=' (==, <=, :=, += ...) are not an assignment.
        const bool pair
            = i + 1 < s.size() && s[i + 1] == u'=' && QStringView(u"=!<>:+-*/%&|^@").contains(c);
        emit(Token::Op, s.sliced(i, pair ? 2 : 1));
        i += pair ? 2 : 1;
    }

    // The line and column a token starts at.
    void mark()
    {
        tokenStart = i;
        startLine = line;
        startLineStart = lineStart;
    }

    const QString &s;
    qsizetype i = 0;
    int line = 1;
    qsizetype lineStart = 0;
    qsizetype tokenStart = 0;
    int startLine = 1;
    qsizetype startLineStart = 0;
    int depth = 0;
    QList<Token> tokens;
};

// The value after '=': None, strings, or a tuple/list of strings. False when it is anything
// else.
bool literalList(const QList<Token> &v, QStringList &out, bool &isNone)
{
    out.clear();
    isNone = false;
    if (v.size() == 1 && v[0].kind == Token::Name && v[0].text == u"None") {
        isNone = true;
        return true;
    }
    qsizetype from = 0;
    qsizetype to = v.size();
    if (to >= 2 && v[0].kind == Token::Op && (v[0].text == u"(" || v[0].text == u"[")) {
        const QString close = v[0].text == u"(" ? u")"_s : u"]"_s;
        if (v.last().kind != Token::Op || v.last().text != close)
            return false;
        from = 1;
        to -= 1;
        if (from == to)
            return true; // () or []: no down revision
    } else if (to == 0) {
        return false;
    }
    bool expectString = true;
    for (qsizetype k = from; k < to; ++k) {
        const Token &t = v[k];
        if (t.kind == Token::String) {
            if (expectString)
                out.append(t.text);
            else if (k > from && v[k - 1].kind == Token::String)
                out.last() += t.text; // adjacent literals concatenate
            else
                return false;
            expectString = false;
        } else if (t.kind == Token::Op && t.text == u"," && !expectString) {
            expectString = true;
        } else {
            return false;
        }
    }
    return !out.isEmpty();
}

} // namespace

AlembicScript AlembicScript::parse(const QString &text, const QString &file)
{
    AlembicScript script;
    script.file = file;
    const QList<Token> tokens = Tokenizer(text).run();
    qsizetype start = 0;
    for (qsizetype k = 0; k < tokens.size(); ++k) {
        if (tokens[k].kind != Token::Newline)
            continue;
        const QList<Token> stmt = tokens.mid(start, k - start);
        start = k + 1;
        if (stmt.size() < 2 || stmt[0].kind != Token::Name || stmt[0].column != 0)
            continue;
        const QString &target = stmt[0].text;
        if (target != u"revision" && target != u"down_revision")
            continue;
        // `name = value` or `name: annotation = value`; the first '=' outside brackets.
        qsizetype eq = -1;
        if (stmt[1].kind == Token::Op && (stmt[1].text == u"=" || stmt[1].text == u":")) {
            for (qsizetype e = 1; e < stmt.size() && eq < 0; ++e)
                if (stmt[e].kind == Token::Op && stmt[e].text == u"=" && stmt[e].depth == 0)
                    eq = e;
        }
        if (eq < 0)
            continue; // a comparison, a call, a bare annotation: not an assignment
        QStringList values;
        bool isNone = false;
        const QList<Token> value = stmt.mid(eq + 1);
        if (!literalList(value, values, isNone)) {
            script.error = u"%1:%2: %3 is not None, a string or a tuple of strings; Alembic "
                           "writes it as %3 = 'ae1027a6acf' (the doctor does not run the "
                           "script)"_s.arg(file, QString::number(stmt[0].line), target);
            continue;
        }
        if (target == u"revision") {
            if (isNone || values.size() != 1 || values[0].trimmed().isEmpty()) {
                script.error = u"%1:%2: revision must be one non-empty string"_s.arg(
                    file, QString::number(stmt[0].line));
                continue;
            }
            script.revision = values[0];
            script.revisionLine = stmt[0].line;
        } else {
            script.hasDownRevision = true;
            script.downRevisions = values;
            script.downRevisionLine = stmt[0].line;
        }
    }
    return script;
}

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrations/csharpclasses.h"

using namespace Qt::StringLiterals;

namespace {

struct Token
{
    enum Type { End, Ident, String, Char, Number, Symbol };
    Type type = End;
    QStringView text; // as written
    QString value; // Ident: the name without '@'; String: the value (not for interpolated ones)
    bool interpolated = false;
    int line = 0;

    bool is(char16_t symbol) const { return type == Symbol && text.front() == symbol; }
    bool isWord(QStringView word) const { return type == Ident && value == word; }
};

// C#'s lexical grammar, enough to skip what is not code (C# spec, "Lexical structure").
// Copy it to look ahead; assign the copy back to rewind.
class Lexer
{
public:
    explicit Lexer(QStringView source)
        : m_s(source)
    { }

    Token next()
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
        return { Token::End, {}, {}, false, m_line };
    }

    qsizetype position() const { return m_pos; }

    // The #if conditions around the current position that depend on the build's symbols,
    // "LEGACY", "NET8_0 && !DEBUG"; empty where the code is compiled whatever they are.
    QString condition() const
    {
        QStringList parts;
        for (const Conditional &c : m_conditionals) {
            if (!c.unknown.isEmpty())
                parts << c.unknown;
        }
        return parts.join(u" && "_s);
    }

private:
    // One #if ... #endif. Only the literals true and false are evaluated (#if false is how
    // code is switched off by hand); a branch on a symbol is read as live code, and its
    // condition is recorded, since which symbols the build defines is not known here.
    struct Conditional
    {
        bool done = false; // a branch known to be compiled was seen, or the parent is dead
        bool skipping = false; // the current branch is known not to be compiled
        QStringList earlier; // the unknown conditions of earlier branches
        QString unknown; // the current branch's condition when it depends on symbols
    };
    enum class Truth { False, True, Unknown };

    static Truth evaluate(QString condition)
    {
        if (const qsizetype comment = condition.indexOf(u"//"_s); comment >= 0)
            condition.truncate(comment);
        condition = condition.simplified().remove(u' ');
        bool negate = false;
        while (condition.startsWith(u'!')) {
            negate = !negate;
            condition.remove(0, 1);
        }
        if (condition == u"true" || condition == u"false")
            return (condition == u"true") != negate ? Truth::True : Truth::False;
        return Truth::Unknown;
    }

    bool skipping() const { return !m_conditionals.isEmpty() && m_conditionals.last().skipping; }

    // A branch is taken: true, false or unknown (then labelled with LABEL).
    static void enter(Conditional &c, Truth truth, const QString &label)
    {
        c.skipping = c.done || truth == Truth::False;
        c.unknown.clear();
        if (c.skipping)
            return;
        if (truth == Truth::Unknown || !c.earlier.isEmpty()) {
            QStringList parts;
            for (const QString &e : std::as_const(c.earlier))
                parts << u"!(%1)"_s.arg(e);
            if (truth == Truth::Unknown)
                parts << label;
            c.unknown = parts.join(u" && "_s);
        }
        if (truth == Truth::True)
            c.done = true;
        if (truth == Truth::Unknown)
            c.earlier << label;
    }

    // At the '#' of a directive line. Inside a branch known not to be compiled, C# reads
    // nothing but directives, so the following lines are skipped up to the next one.
    void directive()
    {
        for (;;) {
            const qsizetype start = m_pos;
            skipLine();
            const QString text = m_s.sliced(start, m_pos - start).trimmed().toString();
            qsizetype letters = 0; // "#if(A)" and "# if A" are directives too
            const QString body = text.sliced(1).trimmed();
            while (letters < body.size() && body[letters].isLetter())
                ++letters;
            const QString word = body.first(letters);
            const QString rest = body.sliced(letters).trimmed();
            if (word == u"if") {
                Conditional c;
                c.done = skipping();
                enter(c, evaluate(rest), rest.section(u"//"_s, 0, 0).simplified());
                m_conditionals.append(c);
            } else if (word == u"elif" && !m_conditionals.isEmpty()) {
                enter(m_conditionals.last(), evaluate(rest),
                    rest.section(u"//"_s, 0, 0).simplified());
            } else if (word == u"else" && !m_conditionals.isEmpty()) {
                enter(m_conditionals.last(), Truth::True, {});
            } else if (word == u"endif" && !m_conditionals.isEmpty()) {
                m_conditionals.removeLast();
            }
            if (!skipping())
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

    QChar at(qsizetype i) const { return i < m_s.size() ? m_s[i] : QChar(); }
    static bool identStart(QChar c) { return c.isLetter() || c == u'_'; }
    static bool identPart(QChar c) { return c.isLetterOrNumber() || c == u'_'; }

    void skipLine()
    {
        while (m_pos < m_s.size() && m_s[m_pos] != u'\n')
            ++m_pos;
    }

    void skipBlockComment() // not nested in C#
    {
        m_pos += 2;
        while (m_pos < m_s.size() && !(m_s[m_pos] == u'*' && at(m_pos + 1) == u'/')) {
            if (m_s[m_pos] == u'\n')
                ++m_line;
            ++m_pos;
        }
        m_pos = std::min(m_pos + 2, m_s.size());
    }

    qsizetype run(qsizetype from, QChar c) const
    {
        qsizetype n = 0;
        while (at(from + n) == c)
            ++n;
        return n;
    }

    Token token()
    {
        const qsizetype start = m_pos;
        const int line = m_line;
        const QChar c = m_s[m_pos];
        Token t { Token::Symbol, {}, {}, false, line };
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
            t.type = Token::String;
            t.interpolated = dollars > 0;
            const qsizetype quotes = run(m_pos, u'"');
            // @""" is a verbatim string starting with an escaped quote, not a raw one.
            t.value = quotes >= 3 && !verbatim ? raw(quotes, dollars) : quoted(verbatim, dollars);
        } else if (c == u'@' && identStart(at(m_pos + 1))) {
            ++m_pos;
            while (m_pos < m_s.size() && identPart(m_s[m_pos]))
                ++m_pos;
            t.type = Token::Ident;
            t.value = m_s.sliced(start + 1, m_pos - start - 1).toString();
        } else if (identStart(c)) {
            while (m_pos < m_s.size() && identPart(m_s[m_pos]))
                ++m_pos;
            t.type = Token::Ident;
            t.value = m_s.sliced(start, m_pos - start).toString();
        } else if (c.isDigit()) {
            while (m_pos < m_s.size() && (identPart(m_s[m_pos]) || m_s[m_pos] == u'.'))
                ++m_pos;
            t.type = Token::Number;
        } else if (c == u'\'') {
            charLiteral();
            t.type = Token::Char;
        } else {
            ++m_pos;
        }
        t.text = m_s.sliced(start, m_pos - start);
        return t;
    }

    void charLiteral()
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
    QString quoted(bool verbatim, qsizetype interpolation)
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
    QString raw(qsizetype quotes, qsizetype interpolation)
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
    static QString rawValue(const QString &body)
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
    void skipHole(qsizetype closing)
    {
        // Nested interpolated strings recurse; a hostile file must not exhaust the stack.
        if (m_holeDepth == 32) {
            m_pos = m_s.size();
            return;
        }
        ++m_holeDepth;
        int depth = 0;
        for (Token t = next(); t.type != Token::End; t = next()) {
            if (t.is(u'{')) {
                ++depth;
            } else if (t.is(u'}') && depth-- == 0) {
                m_pos += std::min(run(m_pos, u'}'), closing - 1);
                break;
            }
        }
        --m_holeDepth;
    }

    QString escape() // m_pos on the backslash
    {
        const QChar e = at(m_pos + 1);
        m_pos += 2;
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
            const auto hex = [](QChar h) {
                return h.isDigit() || (h.toLower() >= u'a' && h.toLower() <= u'f');
            };
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

    QStringView m_s;
    qsizetype m_pos = 0;
    int m_line = 1;
    bool m_lineStart = true;
    int m_holeDepth = 0;
    QList<Conditional> m_conditionals;
};

// ---- declarations -----------------------------------------------------------------------

QString withoutGlobal(QString name)
{
    if (name.startsWith(u"global::"_s))
        name.remove(0, 8);
    return name.replace(u"::"_s, u"."_s); // an extern alias qualifier reads like a namespace
}

// The tokens of a type or attribute name, joined without spaces.
QString joined(const QList<Token> &tokens)
{
    QString text;
    for (const Token &t : tokens)
        text += t.type == Token::Ident ? t.value : t.text.toString();
    return text;
}

bool isModifier(const Token &t)
{
    static const QStringList modifiers = { u"public"_s, u"private"_s, u"protected"_s,
        u"internal"_s, u"static"_s, u"sealed"_s, u"abstract"_s, u"partial"_s, u"unsafe"_s,
        u"new"_s, u"file"_s, u"readonly"_s };
    return t.type == Token::Ident && modifiers.contains(t.value);
}

class Scanner
{
public:
    explicit Scanner(QStringView source)
        : m_lx(source)
        , m_stopAfter(lastClassWord(source))
    { }

    QList<CSharpClass> run()
    {
        for (Token t = m_lx.next(); t.type != Token::End; t = m_lx.next()) {
            if (t.is(u'[') && m_declStart) {
                attributeSection();
                continue; // more attributes or modifiers may follow
            }
            if (isModifier(t)) {
                m_abstract = m_abstract || t.value == u"abstract";
                continue;
            }
            bool declaration = true;
            // A type's name follows its keyword; "where T : class where U : struct" is not one.
            const bool typeKeyword = t.isWord(u"class") || t.isWord(u"record")
                || t.isWord(u"struct") || t.isWord(u"interface") || t.isWord(u"enum");
            const Token after = typeKeyword ? peek() : Token();
            const bool named = after.type == Token::Ident && !after.isWord(u"where");
            if (t.isWord(u"namespace")) {
                namespaceDeclaration();
            } else if (t.isWord(u"class") && named) {
                classDeclaration(true);
            } else if (t.isWord(u"record") && (after.isWord(u"class") || after.isWord(u"struct"))) {
                m_lx.next();
                classDeclaration(false); // records derive from records, never Migration
            } else if ((t.isWord(u"struct") || t.isWord(u"interface") || t.isWord(u"enum")
                           || t.isWord(u"record"))
                && named) {
                classDeclaration(false); // scanned for the names of nested classes
            } else if (t.is(u'{')) {
                m_scopes.append(Scope { Scope::Other, {} });
            } else if (t.is(u'}')) {
                if (!m_scopes.isEmpty())
                    m_scopes.removeLast();
            } else {
                declaration = t.is(u';');
            }
            clearPending();
            m_declStart = declaration;
            // No class can be declared after the last "class" in the file.
            if (m_lx.position() > m_stopAfter)
                break;
        }
        return m_classes;
    }

private:
    struct Scope
    {
        enum Kind { Namespace, Type, Other } kind;
        QString name;
    };

    static qsizetype lastClassWord(QStringView s)
    {
        for (qsizetype at = s.lastIndexOf(u"class"); at >= 0;
             at = at == 0 ? -1 : s.lastIndexOf(u"class", at - 1)) {
            const bool before = at == 0 || !(s[at - 1].isLetterOrNumber() || s[at - 1] == u'_');
            const bool after
                = at + 5 >= s.size() || !(s[at + 5].isLetterOrNumber() || s[at + 5] == u'_');
            if (before && after)
                return at + 5;
        }
        return -1;
    }

    Token peek() const
    {
        Lexer copy = m_lx;
        return copy.next();
    }

    void clearPending()
    {
        m_pending.clear();
        m_abstract = false;
    }

    QString prefix() const
    {
        QStringList parts;
        if (!m_fileNamespace.isEmpty())
            parts << m_fileNamespace;
        for (const Scope &s : m_scopes) {
            if (s.kind != Scope::Other)
                parts << s.name;
        }
        return parts.join(u'.');
    }

    // A dotted name: A.B.C, global::A.B
    QString qualifiedName()
    {
        QList<Token> parts;
        for (;;) {
            const Token t = peek();
            if (t.type == Token::Ident || t.is(u'.') || t.is(u':'))
                parts << m_lx.next();
            else
                return withoutGlobal(joined(parts));
        }
    }

    void namespaceDeclaration()
    {
        const QString name = qualifiedName();
        const Token t = m_lx.next();
        if (t.is(u'{'))
            m_scopes.append(Scope { Scope::Namespace, name });
        else if (t.is(u';'))
            m_fileNamespace = name;
    }

    // After class/struct/...: name, type parameters, primary constructor, base list and
    // constraints, up to the body's '{' (pushed as the class's scope) or a ';'.
    void classDeclaration(bool isClass)
    {
        const Token name = m_lx.next();
        CSharpClass c;
        c.name = name.value;
        c.line = name.line;
        const QString outer = prefix();
        c.fullName = outer.isEmpty() ? c.name : outer + u'.' + c.name;
        c.attributes = m_pending;
        c.isAbstract = m_abstract;
        c.condition = m_lx.condition();
        enum { Header, Bases, Constraints } part = Header;
        int depth = 0; // of <> and ()
        QList<Token> base;
        const auto endBase = [&] {
            QString text = withoutGlobal(joined(base));
            if (const qsizetype args = text.indexOf(u'('); args >= 0)
                text.truncate(args); // class B(int x) : A(x)
            if (!text.isEmpty())
                c.bases << text;
            base.clear();
        };
        for (Token t = m_lx.next(); t.type != Token::End; t = m_lx.next()) {
            if (depth == 0 && (t.is(u'{') || t.is(u';'))) {
                if (t.is(u'{'))
                    m_scopes.append(Scope { Scope::Type, c.name });
                break;
            }
            if (t.is(u'<') || t.is(u'('))
                ++depth;
            else if ((t.is(u'>') || t.is(u')')) && depth > 0)
                --depth;
            if (depth == 0 && t.isWord(u"where"))
                part = Constraints;
            else if (part == Header && depth == 0 && t.is(u':'))
                part = Bases;
            else if (part == Bases && depth == 0 && t.is(u','))
                endBase();
            else if (part == Bases)
                base << t;
        }
        endBase();
        if (isClass)
            m_classes.append(c);
    }

    // After '[': one attribute section, up to its ']'.
    void attributeSection()
    {
        QList<QList<Token>> attributes(1);
        int depth = 0; // of () and []
        for (Token t = m_lx.next(); t.type != Token::End; t = m_lx.next()) {
            if (depth == 0 && t.is(u']'))
                break;
            if (t.is(u'(') || t.is(u'['))
                ++depth;
            else if ((t.is(u')') || t.is(u']')) && depth > 0)
                --depth;
            if (depth == 0 && t.is(u','))
                attributes.append(QList<Token>());
            else
                attributes.last() << t;
        }
        // [assembly: ...], [return: ...]: only type: (or no target) applies to the class.
        QList<Token> &first = attributes.first();
        if (first.size() >= 2 && first[0].type == Token::Ident && first[1].is(u':')
            && !(first.size() >= 3 && first[2].is(u':'))) {
            if (first[0].value != u"type")
                return;
            first.remove(0, 2);
        }
        for (const QList<Token> &tokens : std::as_const(attributes)) {
            if (!tokens.isEmpty() && tokens.first().type == Token::Ident)
                m_pending << attribute(tokens);
        }
    }

    static CSharpAttribute attribute(const QList<Token> &tokens)
    {
        CSharpAttribute a;
        a.line = tokens.first().line;
        qsizetype i = 0;
        QList<Token> name;
        while (i < tokens.size() && !tokens[i].is(u'(') && !tokens[i].is(u'<'))
            name << tokens[i++];
        a.name = withoutGlobal(joined(name));
        if (a.name.endsWith(u"Attribute"_s) && a.name.size() > 9
            && !a.name.endsWith(u".Attribute"_s))
            a.name.chop(9);
        while (i < tokens.size() && !tokens[i].is(u'('))
            ++i; // generic attribute arguments
        if (i == tokens.size())
            return a;
        // The first argument, up to a ',' or the closing ')' at depth 0.
        QList<Token> argument;
        int depth = 0;
        for (++i; i < tokens.size(); ++i) {
            const Token &t = tokens[i];
            if (depth == 0 && (t.is(u',') || t.is(u')')))
                break;
            if (t.is(u'(') || t.is(u'['))
                ++depth;
            else if (t.is(u')') || t.is(u']'))
                --depth;
            argument << t;
        }
        // id: "..." names the parameter; Name = value sets a property (not positional).
        if (argument.size() >= 2 && argument[0].type == Token::Ident && argument[1].is(u':'))
            argument.remove(0, 2);
        else if (argument.size() >= 2 && argument[0].type == Token::Ident && argument[1].is(u'='))
            return a;
        if (argument.isEmpty())
            return a;
        a.value = joined(argument);
        a.argument = CSharpAttribute::Argument::Other;
        if (argument.size() == 1 && argument[0].type == Token::Number) {
            a.argument = CSharpAttribute::Argument::Number;
        } else if (argument.size() >= 3 && argument[0].isWord(u"typeof") && argument[1].is(u'(')
            && argument.last().is(u')')) {
            a.argument = CSharpAttribute::Argument::TypeOf;
            a.value = withoutGlobal(joined(argument.mid(2, argument.size() - 3)));
        } else {
            // "a" or "a" + "b": a constant the doctor can read without compiling.
            QString value;
            bool literal = true;
            for (qsizetype k = 0; k < argument.size() && literal; ++k) {
                const Token &t = argument[k];
                if (k % 2 == 0)
                    literal = t.type == Token::String && !t.interpolated;
                else
                    literal = t.is(u'+') && k + 1 < argument.size();
                if (literal && k % 2 == 0)
                    value += t.value;
            }
            if (literal) {
                a.argument = CSharpAttribute::Argument::String;
                a.value = value;
            }
        }
        return a;
    }

    Lexer m_lx;
    qsizetype m_stopAfter;
    QList<Scope> m_scopes;
    QString m_fileNamespace;
    QList<CSharpAttribute> m_pending;
    bool m_abstract = false;
    bool m_declStart = true;
    QList<CSharpClass> m_classes;
};

} // namespace

namespace CSharpClasses {

QList<CSharpClass> scan(QStringView source)
{
    return Scanner(source).run();
}

QString simpleTypeName(const QString &type)
{
    QString name = withoutGlobal(type);
    if (const qsizetype angle = name.indexOf(u'<'); angle >= 0)
        name.truncate(angle);
    return name.section(u'.', -1);
}

} // namespace CSharpClasses

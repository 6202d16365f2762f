// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// CSharpClasses: the declarations (namespaces, attributes, class headers) read from
// CSharpLexer's tokens. The lexer is in csharplexer.cpp.

#include "migrations/csharpclasses.h"

#include "migrations/csharplexer_p.h"

using namespace Qt::StringLiterals;

namespace {

using Token = CSharpToken;

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
    static const QStringList modifiers
        = { u"public"_s, u"private"_s, u"protected"_s, u"internal"_s, u"static"_s, u"sealed"_s,
              u"abstract"_s, u"partial"_s, u"unsafe"_s, u"new"_s, u"file"_s, u"readonly"_s };
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
        CSharpLexer copy = m_lx;
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

    CSharpLexer m_lx;
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

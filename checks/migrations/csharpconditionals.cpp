// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// CSharpConditionals: C#'s #if/#elif/#else/#endif, with #if true and #if false evaluated.

#include "migrations/csharpconditionals_p.h"

using namespace Qt::StringLiterals;

void CSharpConditionals::apply(const QString &text)
{
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
        m_stack.append(c);
    } else if (word == u"elif" && !m_stack.isEmpty()) {
        enter(m_stack.last(), evaluate(rest), rest.section(u"//"_s, 0, 0).simplified());
    } else if (word == u"else" && !m_stack.isEmpty()) {
        enter(m_stack.last(), Truth::True, {});
    } else if (word == u"endif" && !m_stack.isEmpty()) {
        m_stack.removeLast();
    }
}

QString CSharpConditionals::condition() const
{
    QStringList parts;
    for (const Conditional &c : m_stack) {
        if (!c.unknown.isEmpty())
            parts << c.unknown;
    }
    return parts.join(u" && "_s);
}

CSharpConditionals::Truth CSharpConditionals::evaluate(QString condition)
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

// A branch is taken: true, false or unknown (then labelled with LABEL).
void CSharpConditionals::enter(Conditional &c, Truth truth, const QString &label)
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

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The #if ... #endif nesting a C# lexer is inside, for CSharpLexer (csharplexer_p.h).
// Only the literals true and false are evaluated (#if false is how code is switched off
// by hand); a branch on a symbol is read as live code, and its condition is recorded,
// since which symbols the build defines is not known here.
class CSharpConditionals
{
public:
    // One directive line, trimmed, from its '#': #if, #elif, #else and #endif change the
    // nesting; any other directive (#region, #nullable, #pragma ...) leaves it.
    void apply(const QString &directive);
    // Inside a branch known not to be compiled: C# reads nothing there but directives.
    bool skipping() const { return !m_stack.isEmpty() && m_stack.last().skipping; }
    // The conditions on build symbols around the current position, joined with " && ":
    // "LEGACY", "NET8_0 && !(DEBUG)"; empty where the code is compiled whatever they are.
    QString condition() const;

private:
    // One #if ... #endif.
    struct Conditional
    {
        bool done = false; // a branch known to be compiled was seen, or the parent is dead
        bool skipping = false; // the current branch is known not to be compiled
        QStringList earlier; // the unknown conditions of earlier branches
        QString unknown; // the current branch's condition when it depends on symbols
    };
    enum class Truth { False, True, Unknown };

    static Truth evaluate(QString condition);
    static void enter(Conditional &c, Truth truth, const QString &label);

    QList<Conditional> m_stack;
};

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

// When a knowledge-base fix block applies: a condition on the evidence of a check result,
// declared in the block's first line ("# When: Reachable=false", "-- When: ..." in SQL,
// "// When: ..." in JSON), so that the panel, `doctor kb show --result` and the JSON
// report offer only the fixes that match what the check found.
//
// Syntax (one line):
//   condition   := "always" | alternative { ("|" | "or") alternative }
//   alternative := comparison { ("," | "and") comparison }
//   comparison  := Key op value
//   op          := "=" | "!=" | ">" | ">=" | "<" | "<="
//   value       := true | false | a number (17, 0.5, -1) | "quoted text" | bare-text
// "and" binds tighter than "or"; there are no parentheses (any condition can be written
// as alternatives of comparisons). Keys are evidence keys, case-sensitive. Bare text runs
// up to a space, "," or "|". Example: `PendingCount>0 | TableExists=false`.
class KbEvidenceCondition
{
public:
    enum class Op { Eq, Ne, Gt, Ge, Lt, Le };
    struct Comparison
    {
        QString key;
        Op op = Op::Eq;
        QVariant value; // bool, double or QString (quoted or bare text)
        int column = 0; // 1-based column of the key in the condition text
    };

    struct Parsed;
    // Parses the text after "When:". Never throws; problems come back in Parsed::error.
    static Parsed parse(const QString &text);

    // True when the evidence satisfies one alternative (every comparison in it). A
    // comparison with a key the evidence lacks, or whose value is null or of another kind
    // (text against a number, say), is false whatever the operator, so "Authenticated=false"
    // does not match a result that never got as far as the authentication. A list compared
    // with a number compares its length: "PendingMigrations>0".
    bool matches(const Evidence &evidence) const;
    bool isAlways() const { return m_alternatives.isEmpty(); }
    QStringList keys() const; // every key named, in order of appearance, without repeats
    // Canonical text: "Reachable = true, Authenticated = false | ...", or "always".
    QString toString() const;
    const QList<QList<Comparison>> &alternatives() const { return m_alternatives; }

    static QString opText(Op op); // "=", "!=", ">" ...
    static bool isOrdering(Op op) { return op != Op::Eq && op != Op::Ne; }

    // If the first line of a code block's text is a "When:" line (after "#", "--" or "//"),
    // returns the condition text after "When:" (trimmed), its 0-based offset in that line,
    // and the block text without the line. Otherwise found is false and rest is the text.
    struct WhenLine
    {
        bool found = false;
        QString condition;
        int offset = 0;
        QString rest;
    };
    static WhenLine splitWhenLine(const QString &blockText);

private:
    QList<QList<Comparison>> m_alternatives; // empty: always
};

struct KbEvidenceCondition::Parsed
{
    KbEvidenceCondition condition;
    QString error; // what is wrong and how to write it; empty on success
    int column = 0; // 1-based column in the condition text where the problem is
    bool ok() const { return error.isEmpty(); }
};

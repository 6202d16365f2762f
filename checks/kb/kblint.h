// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// One problem in the knowledge base, located in an article's source file.
struct KbLintFinding
{
    enum class Severity { Error, Warning };

    QString file; // the article, or the folder for a finding about the whole KB
    int line = 0; // 1-based; 0 when no single line is to blame
    Severity severity = Severity::Error;
    QString message;
    int column = 0; // 1-based; 0 when the whole line is meant

    // "FILE:LINE[:COLUMN]: error: message", the compilers' format, so editors jump there.
    QString toString() const;
    bool operator==(const KbLintFinding &) const = default;
};

namespace KbLint {
// The level-2 sections every article has, in this order.
QStringList requiredSections();

// Lints the *.md articles under dirs (recursively; ":/kb" for the shipped ones) as one
// knowledge base, later folders overriding earlier ones as in KbLibrary. Per file: it
// parses; front matter complete; required sections present and in order; "How to fix"
// has a block for every deployment style; bash/sh blocks pass `bash -n`, yaml and json
// blocks parse (placeholders filled with dummies first); placeholders in code blocks
// are known ones (warnings); fix blocks' "When:" conditions parse, use only the evidence
// keys the front matter declares, with operators and values that fit each key's type,
// and every block under "How to fix" has one when the article declares evidence (see
// KbEvidenceCondition). Across files: every id in checkIds has an article, every
// article a check id, related checks name existing articles, and no two files in one
// folder claim the same check. Folder problems first, then each file's findings by line
// in load order, then checks without an article.
QList<KbLintFinding> lint(const QStringList &dirs, const QStringList &checkIds);

bool hasErrors(const QList<KbLintFinding> &findings);
} // namespace KbLint

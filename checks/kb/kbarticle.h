// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/deploymentstyle.h"
#include "kb/kbevidencecondition.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// A knowledge-base article as values, read once by KbParser (kb/kbparser.h) and used by
// the remediation panel, the KB browser, the CLI and the lint.

// A fix block's "When:" line: the evidence condition under which the block applies.
struct KbFixCondition
{
    QString text; // as written after "When:"
    int line = 0; // 1-based line in the source file (the line after the opening fence)
    int column = 0; // 1-based column of `text` in that line
    KbEvidenceCondition condition; // parsed once here; "always" when the text is broken
    QString error; // why the text does not parse (KbEvidenceCondition::Parsed::error)
    int errorColumn = 0; // 1-based column of the problem in the source line
};

struct KbCodeBlock
{
    QString language; // first word of the fence info, lower case: "bash", "yaml", "json", "sql"
    // Exactly the block's content, ending without a trailing newline; a first "When:"
    // comment line is taken off into `when`, so a copied command never carries it.
    QString text;
    std::optional<KbFixCondition> when;
    QString section; // title of the enclosing heading
    std::optional<DeploymentStyle> deployment; // set inside "How to fix" subsections
    bool fix = false; // anywhere under "How to fix" (its subsections included)
    // What introduces the block: the paragraph just before it under the same heading (a
    // paragraph captions one block only), else its first comment line ("# " in bash and
    // yaml, "-- " in sql) without the marker; empty if neither exists.
    QString caption;
    int line = 0; // 1-based line of the opening fence in the source file

    // The block's condition holds for this evidence: true without a "When:" line, false
    // when the line does not parse (the lint reports it; a broken condition chooses nothing).
    bool appliesTo(const Evidence &evidence) const;
    // 1-based file line of the first line of `text` (after the fence and any "When:" line).
    int firstTextLine() const { return line + (when ? 2 : 1); }
};

// An evidence key an article declares in its front matter, e.g.
// "evidence: {Reachable: bool, PendingCount: number}", so that the lint can hold the fix
// blocks' conditions against the evidence the check really reports.
struct KbEvidenceKey
{
    enum class Type { Bool, Number, Text, List, Map };
    QString name;
    Type type = Type::Text;
    int line = 0; // 1-based line in the source file
    static QString typeName(Type type); // "bool", "number", "text", "list", "map"
};

struct KbSection
{
    QString title;
    int level = 2;
    int line = 0; // 1-based line of the heading
    // The section's body as raw markdown from the source, without its heading line and up
    // to the next heading of level 1 or 2; headings of sub-sections included.
    QString markdown;
};

struct KbArticle
{
    QString checkId;
    // A variant of the check's article, for the results its "when" condition matches: front
    // matter "articleId: check.postgres.migrations.flyway" and "when: Tool=flyway" (one
    // migration tool's states and commands). Empty for the check's own article, which every
    // result no variant matches gets. KbLibrary::articleFor() chooses; the lint holds
    // articleId to "<checkId>.<name>" and the condition to the declared evidence.
    QString articleId;
    std::optional<KbFixCondition> when; // "when:" parsed like a fix block's "When:" line

    QString plugin;
    QString severity;
    QStringList tags;
    // The evidence the check reports, in the order declared; empty when the front matter
    // has no "evidence:" (then fix blocks need no condition and keys are not checked).
    QList<KbEvidenceKey> evidence;
    QString title; // the first level-1 heading (the checkId when there is none)
    QString sourcePath; // file it was read from (":/kb/..." for shipped articles)
    QString body; // the markdown after the front matter
    int bodyLine = 1; // 1-based line in the file where body starts
    QList<KbSection> sections; // level-2 sections in order
    QList<KbCodeBlock> codeBlocks; // every fenced block in order (indented ones are prose)

    // The id results name in Remediation::article: articleId for a variant, else checkId.
    QString id() const { return articleId.isEmpty() ? checkId : articleId; }
    bool isVariant() const { return !articleId.isEmpty(); }
    // A variant is for these evidence values: its "when" parses and holds. False for a variant
    // without one and for the check's own article (which is the fallback, not a match).
    bool variantFor(const Evidence &values) const;

    QList<KbCodeBlock> fixesFor(DeploymentStyle style) const; // blocks under How to fix / style
    const KbEvidenceKey *evidenceKey(const QString &name) const; // nullptr when not declared
    QStringList relatedChecks() const; // check ids named in the "Related checks" section
    const KbSection *section(const QString &title) const; // case-insensitive; nullptr if absent
};

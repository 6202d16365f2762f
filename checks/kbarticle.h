#pragma once

#include "deploymentstyle.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// A knowledge-base article, parsed once (md4c for structure, yaml-cpp for the front
// matter) and used by both the remediation panel and the CLI.

struct KbCodeBlock
{
    QString language; // first word of the fence info, lower case: "bash", "yaml", "json", "sql"
    QString text; // exactly the block's content, ending without a trailing newline
    QString section; // title of the enclosing heading
    std::optional<DeploymentStyle> deployment; // set inside "How to fix" subsections
    // What introduces the block: the paragraph just before it under the same heading (a
    // paragraph captions one block only), else its first comment line ("# " in bash and
    // yaml, "-- " in sql) without the marker; empty if neither exists.
    QString caption;
    int line = 0; // 1-based line of the opening fence in the source file
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
    QString plugin;
    QString severity;
    QStringList tags;
    QString title; // the first level-1 heading (the checkId when there is none)
    QString sourcePath; // file it was read from (":/kb/..." for shipped articles)
    QString body; // the markdown after the front matter
    int bodyLine = 1; // 1-based line in the file where body starts
    QList<KbSection> sections; // level-2 sections in order
    QList<KbCodeBlock> codeBlocks; // every fenced block in order (indented ones are prose)

    QList<KbCodeBlock> fixesFor(DeploymentStyle style) const; // blocks under How to fix / style
    QStringList relatedChecks() const; // check ids named in the "Related checks" section
    const KbSection *section(const QString &title) const; // case-insensitive; nullptr if absent
};

struct KbParseResult
{
    KbArticle article;
    QString error; // "FILE:LINE: what is wrong"; empty on success
    bool ok() const { return error.isEmpty(); }
};

namespace KbParser {
// Larger inputs are rejected with an error rather than parsed.
inline constexpr qsizetype MaxArticleBytes = 1024 * 1024;

// Never throws and never crashes, whatever the bytes: problems come back in error.
KbParseResult parse(const QByteArray &markdown, const QString &sourcePath);
} // namespace KbParser

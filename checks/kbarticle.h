#pragma once

#include "deploymentstyle.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// A knowledge-base article, parsed once (md4c for structure, yaml-cpp for the front
// matter) and used by both the remediation panel and the CLI.

struct KbCodeBlock
{
    QString language; // fence info, lower case: "bash", "yaml", "json", "sql", ...
    QString text; // exactly the block's content, ending without a trailing newline
    QString section; // title of the enclosing heading
    std::optional<DeploymentStyle> deployment; // set inside "How to fix" subsections
    QString caption; // the comment or paragraph that introduces it, if any
    int line = 0; // 1-based line of the opening fence in the source file
};

struct KbSection
{
    QString title;
    int level = 2;
    int line = 0; // 1-based line of the heading
    QString markdown; // the section's body as markdown, headings of sub-sections included
};

struct KbArticle
{
    QString checkId;
    QString plugin;
    QString severity;
    QStringList tags;
    QString title; // the first level-1 heading
    QString sourcePath; // file it was read from (":/kb/..." for shipped articles)
    QString body; // the markdown after the front matter
    int bodyLine = 1; // 1-based line in the file where body starts
    QList<KbSection> sections; // level-2 sections in order
    QList<KbCodeBlock> codeBlocks; // every fenced block in order

    QList<KbCodeBlock> fixesFor(DeploymentStyle style) const; // blocks under How to fix / style
    QStringList relatedChecks() const; // check ids named in the "Related checks" section
};

struct KbParseResult
{
    KbArticle article;
    QString error; // "FILE:LINE: what is wrong"; empty on success
    bool ok() const { return error.isEmpty(); }
};

namespace KbParser {
KbParseResult parse(const QByteArray &markdown, const QString &sourcePath);
}

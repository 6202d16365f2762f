// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// One Liquibase changelog file, read for what its history rows are made of: the changesets
// (id, author, logicalFilePath) and the includes, in file order. The formats and attribute
// names follow Liquibase's parsers (liquibase/liquibase, liquibase-standard:
// XMLChangeLogSAXHandler, YamlChangeLogParser, AbstractFormattedChangeLogParser,
// SqlChangeLogParser, and DatabaseChangeLog's handling of include/includeAll). Following the
// includes is LiquibaseChangelog's (liquibasechangelog.h).
struct LiquibaseChangelogFile
{
    enum class Format { Xml, Yaml, FormattedSql, RawSql, Unknown };

    struct Entry
    {
        enum class Kind { ChangeSet, Include, IncludeAll } kind = Kind::ChangeSet;
        int line = 0;
        // ChangeSet
        QString id;
        QString author;
        // ChangeSet's own logicalFilePath, or an include's logicalFilePath attribute
        QString logicalFilePath;
        // Include: `file`; IncludeAll: `path`
        QString path;
        bool relativeToChangelogFile = false;
        bool errorIfMissing = true; // errorIfMissing / errorIfMissingOrEmpty
    };

    Format format = Format::Unknown;
    QString logicalFilePath; // the changelog's own (databaseChangeLog's attribute)
    QList<Entry> entries;
    QString error; // "FILE:LINE[:COL]: what"; empty on success
    QStringList warnings;

    // Liquibase's choice of parser, by FILE's extension and, for .sql, whether the first
    // non-blank line is `--liquibase formatted ...` (case ignored): .xml Xml; .yaml, .yml
    // and .json Yaml (yaml-cpp reads JSON as YAML); .sql FormattedSql or RawSql; else Unknown.
    static Format formatOf(const QString &file, const QString &text);
    // Whether TEXT is a changelog by content: an XML document whose root element is
    // databaseChangeLog, a YAML/JSON document with a top-level databaseChangeLog key, or a
    // formatted SQL changelog.
    static bool looksLikeChangelog(const QString &text);

    // Parses TEXT in FORMAT, FILE naming it in messages. Changesets whose dbms attribute
    // excludes PostgreSQL ("oracle", "!postgresql", "none") are left out, as Liquibase
    // leaves them out of the changelog; contexts and labels are not evaluated (every
    // changeset counts). Properties (${name}) are not expanded: an id, author or path using
    // one gives a warning. Errors: malformed XML or YAML (with the line), a root that is not
    // databaseChangeLog, a changeset without id or author, a formatted SQL changeset line
    // that is not `--changeset author:id`, an empty raw SQL file.
    static LiquibaseChangelogFile parse(const QString &text, const QString &file, Format format);
};

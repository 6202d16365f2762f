// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/expectedmigrations.h"

#include <QString>

// A Liquibase master changelog and everything it includes, as an expected set whose ids are
// the changesets' identities as DATABASECHANGELOG records them.
//
// Identity: "<file>::<id>::<author>", <file> being what Liquibase writes to the FILENAME
// column: ChangeSet.getFilePath(), i.e. the changeset's logicalFilePath, else its changelog's
// logicalFilePath, else (Liquibase 4.31+ with allowInheritLogicalFilePath, the default) the
// include's logicalFilePath or the nearest including changelog's, else the changelog's path
// as Liquibase resolved it (liquibase/liquibase: DatabaseChangeLog.include() and
// normalizePath(), ChangeSet.load()). That path is relative to Liquibase's search path,
// which the doctor cannot know (it is the CLI's --search-path, the classpath of a Spring
// Boot application ...). Chosen here: the search path is the folder a non-relative include
// resolves from, looking from the master changelog's folder upwards (the nearest folder
// that has the included file, at most six levels up, never the file system's root); with
// no such include, the master changelog's own folder, so
// the master is recorded as its file name. A relativeToChangelogFile include resolves
// against its changelog's folder; includeAll lists its folder recursively, sorted by path
// as Liquibase's default comparator does. Paths are normalised as normalizePath() does
// ('\' to '/', "classpath:" and a leading '/' dropped, "." and ".." resolved); Liquibase
// keeps a non-relative XML include's path as written, so "./x.xml" there differs. The
// migrations check matches ids on id, author and the file's last path component, which
// does not depend on this choice.
//
// No checksum: DATABASECHANGELOG.MD5SUM is computed over Liquibase's normalised form of each
// change (per change type, with its own whitespace rules and version prefix "9:"), which is
// out of scope; a changed changeset does not show as Modified.
namespace LiquibaseChangelog {

// Whether the file at PATH whose text is TEXT is a Liquibase changelog (see
// LiquibaseChangelogFile::looksLikeChangelog()).
bool isChangelog(const QString &text);

// The expected set of the master changelog at PATH: kind ToolSource, tool Liquibase, ids in
// the order Liquibase runs them (each once). Errors, naming FILE:LINE of the include: an
// include cycle (the chain is listed), a missing include file or includeAll folder (unless
// errorIfMissing / errorIfMissingOrEmpty is false: then a warning), an included file of
// no changelog format (include fails on it; includeAll skips it with a warning, as
// Liquibase does), and every error of LiquibaseChangelogFile::parse(). A changeset
// identity seen twice is a warning (Liquibase's validation refuses duplicates).
ExpectedSet read(const QString &path);

} // namespace LiquibaseChangelog

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/alembicscript.h"
#include "migrations/expectedmigrations.h"

#include <QList>
#include <QString>
#include <QStringList>

// Alembic's revision scripts as an expected set: the revisions and their graph, as
// alembic.script.ScriptDirectory and revision.RevisionMap build it (sqlalchemy/alembic,
// alembic/script/base.py and revision.py).
namespace AlembicVersions {

// The version folders of the Alembic project at PATH, or none when it is not one: PATH
// itself when it is named versions/ and holds a *.py file; with an alembic.ini, the
// [alembic] section's version_locations (split on blanks, commas or the path_separator's
// character, %(here)s being PATH) or else <script_location>/versions; with an env.py and
// a versions/ folder, that folder.
QStringList versionFolders(const QString &path);

// The revisions of SCRIPTS (one per file, in the order Alembic lists the files): kind
// ToolSource, tool Alembic, source SOURCE. ids: every revision in topological order from
// the bases (a revision after all its down revisions; among those ready at once, the one
// whose file comes first). parents: revision -> its down_revisions (empty for a base).
// Errors, each naming FILE:LINE: a script without a `revision` assignment (a legacy
// <hex>.py file name stands for it, as in Alembic) or without `down_revision`; an
// assignment the reader cannot read (AlembicScript::error); a down_revision naming no
// revision of the set (Alembic fails on it: "Revision X referenced from Y is not
// present"); a cycle. Warnings: a revision id present twice (the later file wins, as in
// Alembic's map); several heads (`alembic upgrade head` refuses them; list them with
// `alembic heads`, join them with `alembic merge heads`). depends_on and branch_labels
// are not read: they change neither the ids nor the down_revision graph.
ExpectedSet fromScripts(const QList<AlembicScript> &scripts, const QString &source);

// Reads every revision script of the project at PATH (see versionFolders(); the files
// Alembic reads: *.py but __init__.py and editor locks ".#*", not recursing into
// subfolders, which Alembic does only with recursive_version_locations) and hands them to
// fromScripts(). A folder with no revision script is an error.
ExpectedSet read(const QString &path);

} // namespace AlembicVersions

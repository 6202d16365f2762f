// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QString>
#include <QStringList>

// One Alembic revision script (versions/<rev>_<slug>.py) as far as the revision graph needs
// it: the module-level `revision` and `down_revision` assignments. Alembic itself imports
// the script and reads the module's attributes; the doctor never runs a project's Python,
// so it reads the assignments from the source as `alembic revision` writes them:
//   revision = 'ae1027a6acf'                        down_revision = None
//   revision: str = "ae1027a6acf"                   down_revision: Union[str, None] =
//   "1975ea83b712" down_revision = ('27c6a30d7c24', '4a2b7c9d1e0f')  (a merge; a list or a bare
//   tuple as well)
// Only statements that start in column 0 count (an assignment inside a function or an `if`
// is not the module's); strings, comments, brackets and line continuations are skipped as
// Python's tokenizer skips them, so a docstring's "Revision ID: x" is not an assignment.
struct AlembicScript
{
    QString file;
    QString revision; // empty when the script assigns none
    int revisionLine = 0;
    bool hasDownRevision = false;
    QStringList downRevisions; // empty for None or (): a base
    int downRevisionLine = 0;
    // "FILE:LINE: what" for an assignment whose value is not None, a string literal (adjacent
    // literals concatenated) or a tuple/list of them; empty otherwise.
    QString error;

    // Reads TEXT (the script's source) named FILE in messages. Later assignments win, as
    // in Python.
    static AlembicScript parse(const QString &text, const QString &file);
};

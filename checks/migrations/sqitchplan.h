// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/expectedmigrations.h"

#include <QList>
#include <QString>
#include <QStringList>

// Sqitch's plan (sqitch.plan) as an expected set: the changes Sqitch would deploy and the
// hash of each deploy script as Sqitch stores it in sqitch.changes.script_hash. The plan's
// grammar and the rework rules follow App::Sqitch::Plan::_parse and App::Sqitch::Plan::Change
// (sqitchers/sqitch, lib/App/Sqitch/Plan.pm and Plan/Change.pm).
namespace SqitchPlan {

// One change line of the plan.
struct Change
{
    QString name; // "users", or "schemas/users" (a name may hold '/': a subfolder)
    int line = 0;
    QStringList tags; // the tags declared right after it ("v1.0", without '@')
    // Set when the change is reworked later in the plan: the tags between this change and
    // its reworking, latest first, then its own (Change::rework_tags). Its scripts are
    // then deploy/<name>@<tag>.sql for the first of these tags whose file exists.
    QStringList reworkTags;
};

struct Plan
{
    QString project; // the %project pragma
    QList<Change> changes; // in plan order; a reworked name appears once per version
    QString error; // "FILE:LINE: what is wrong"; empty on success
};

// Parses a plan's text as Sqitch does: pragmas (`%project=...`, `%syntax-version=...`)
// until the first blank line, then change lines `[+|-]name [deps] YYYY-MM-DDTHH:MM:SSZ
// planner <email> # note`, tag lines `@tag timestamp planner <email>`, notes after '#'.
// Errors, as Sqitch raises them: a missing %project; a name that breaks Sqitch's name
// rules, a reserved name (HEAD, ROOT) or one like a SHA-1; a missing timestamp or
// planner; a change declared twice since the last tag; a tag declared twice or before any
// change. Dependencies are not checked (Sqitch sorts by them only to report bad ones).
Plan parse(const QString &text, const QString &file);

// Whether DIR holds a sqitch.plan.
bool isProjectFolder(const QString &dir);

// The expected set of the Sqitch project in DIR (or of the plan file PATH, its folder
// being the project's top): kind ToolSource, tool Sqitch; ids the change names in plan
// order, each once (a reworked change keeps the place of its first version; Sqitch's
// history holds a row per deployed version, all with that name). checksums: name -> the
// lowercase hex SHA-1 of the bytes of deploy/<name>.sql (Change::_deploy_hash: Digest::SHA
// over the raw file, no prefix), the current version's; and for each earlier version of a
// reworked change "<name>@<tag>" -> the hash of deploy/<name>@<tag>.sql, the tag as Sqitch
// names that version (its first own tag, else its first rework tag). These keys are not
// ids: a stored hash equal to any version's is not a modification. A missing deploy script
// has no checksum (Sqitch stores NULL) and is a warning. sqitch.conf is not read: the
// default layout (deploy/ beside the plan, extension .sql) is assumed, and a sqitch.conf
// that sets top_dir, deploy_dir, reworked_dir or extension gives a warning.
ExpectedSet read(const QString &path);

} // namespace SqitchPlan

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Alembic revision scripts: AlembicScript::parse (the reduced Python tokenizer) on each
// script, then AlembicVersions::fromScripts (the revision graph) on all of them.
//
// Input: one or more scripts separated by 0xFF bytes (never in UTF-8), named
// v0_x.py, v1_x.py ... in that order.

#include "fuzzsupport.h"
#include "migrations/alembicversions.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> parts = Fuzz::bytes(data, size).split('\xff');
    QList<AlembicScript> scripts;
    for (qsizetype i = 0; i < parts.size() && i < 64; ++i) {
        const QString file = u"v%1_x.py"_s.arg(i);
        const AlembicScript s = AlembicScript::parse(QString::fromUtf8(parts[i]), file);
        Fuzz::require(s.file == file, "the script's file name changed");
        if (!s.error.isEmpty())
            Fuzz::require(
                s.error.startsWith(file + u':'), "an error not naming FILE:LINE", s.error);
        if (!s.revision.isEmpty())
            Fuzz::require(s.revisionLine >= 1, "a revision without its line", s.revision);
        if (s.hasDownRevision)
            Fuzz::require(s.downRevisionLine >= 1, "a down_revision without its line");
        scripts.append(s);
    }
    const ExpectedSet set = AlembicVersions::fromScripts(scripts, u"versions"_s);
    Fuzz::require(set.tool == MigrationTool::Alembic, "not Alembic's set");
    if (!set.error.isEmpty()) {
        Fuzz::require(set.ids.isEmpty() && set.parents.isEmpty(), "ids beside an error", set.error);
        return 0;
    }
    // Known: every revision once, each after all its down revisions, every down revision known.
    Fuzz::require(!set.ids.isEmpty(), "a known set without revisions");
    QHash<QString, qsizetype> place;
    for (qsizetype i = 0; i < set.ids.size(); ++i) {
        Fuzz::require(!set.ids[i].isEmpty(), "an empty revision");
        Fuzz::require(!place.contains(set.ids[i]), "a revision twice", set.ids[i]);
        place.insert(set.ids[i], i);
    }
    Fuzz::require(set.parents.size() == set.ids.size(), "parents and ids differ");
    for (auto it = set.parents.cbegin(); it != set.parents.cend(); ++it) {
        Fuzz::require(place.contains(it.key()), "parents of an unknown revision", it.key());
        for (const QString &down : it.value())
            Fuzz::require(place.contains(down) && place[down] < place[it.key()],
                "a revision before its down revision", it.key() + u" <- "_s + down);
    }
    return 0;
}

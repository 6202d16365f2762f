// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// sqitch.plan: SqitchPlan::parse on the input, then SqitchPlan::read on it written as a
// project's plan (deploy/ holds one script, a.sql, so the hashing and the rework file
// choice run).

#include "fuzzsupport.h"
#include "migrations/sqitchplan.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int run = 0;
    const QByteArray input = Fuzz::bytes(data, size);
    const auto plan = SqitchPlan::parse(QString::fromUtf8(input), u"sqitch.plan"_s);
    if (!plan.error.isEmpty()) {
        Fuzz::require(plan.error.startsWith(u"sqitch.plan:"_s), "an error without FILE:LINE");
        Fuzz::require(plan.changes.isEmpty(), "changes beside an error");
    } else {
        Fuzz::require(!plan.project.isEmpty(), "a plan without its project");
        QSet<QString> tags;
        for (const auto &change : plan.changes) {
            // Plan.pm's $name_re: brackets are allowed inside a name (sqitch 1.5.2 plans
            // "a]b"), blanks, ':', '@', '#' and '\' are not.
            static const QRegularExpression forbidden(u"[ \\t:@#\\\\]"_s);
            Fuzz::require(!change.name.isEmpty() && !change.name.contains(forbidden),
                "a change name Sqitch refuses", change.name);
            for (const QString &tag : change.tags) {
                Fuzz::require(!tags.contains(tag), "a tag twice", tag);
                tags.insert(tag);
            }
        }
    }
    const QString dir = Fuzz::scratchDir() + u"/s"_s + QString::number(run++);
    QDir().mkpath(dir + u"/deploy"_s);
    Fuzz::writeFile(dir + u"/sqitch.plan"_s, input);
    Fuzz::writeFile(dir + u"/deploy/a.sql"_s, "CREATE TABLE a ();\n");
    const ExpectedSet set = SqitchPlan::read(dir);
    QDir(dir).removeRecursively();
    Fuzz::require(set.tool == MigrationTool::Sqitch, "not Sqitch's set");
    if (!set.error.isEmpty()) {
        Fuzz::require(set.ids.isEmpty(), "ids beside an error", set.error);
        return 0;
    }
    const QSet<QString> ids(set.ids.cbegin(), set.ids.cend());
    Fuzz::require(ids.size() == set.ids.size(), "an id twice");
    static const QRegularExpression sha1(u"^[0-9a-f]{40}$"_s);
    for (auto it = set.checksums.cbegin(); it != set.checksums.cend(); ++it) {
        Fuzz::require(
            sha1.match(it.value()).hasMatch(), "a hash that is not SHA-1 hex", it.value());
        const QString name = it.key().section(u'@', 0, 0);
        Fuzz::require(ids.contains(name), "a checksum of no change", it.key());
    }
    return 0;
}

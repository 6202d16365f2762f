// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// EnvironmentReader::readTags: an environment's `tags: [eu-west, prod]`, the words a fleet
// view filters by (the results store keeps them per run: environment_tags).

#include "config/environmentreader_p.h"

#include <algorithm>

using namespace Qt::StringLiterals;

bool EnvironmentReader::readTags(const YAML::Node &list, Environment *env, QString *error)
{
    if (!list.IsSequence()) {
        *error = u"%1: 'tags' must be a list of words like [eu-west, prod]"_s.arg(
            where(path, list.Mark()));
        return false;
    }
    for (const YAML::Node &node : list) {
        if (!node.IsScalar()) {
            *error = u"%1: each tag must be one word like eu-west, not %2"_s.arg(
                where(path, node.Mark()), node.IsNull() ? u"nothing"_s : u"a list or mapping"_s);
            return false;
        }
        const QString tag = qs(node.Scalar());
        // One word, so that a tag reads the same in a filter box, a combo and a list
        // joined with ", " (a comma in a tag would split it there).
        const auto bad = std::find_if(tag.cbegin(), tag.cend(), [](QChar c) {
            return c.isSpace() || c == u',' || c.category() == QChar::Other_Control;
        });
        if (tag.isEmpty() || bad != tag.cend()) {
            *error = u"%1: tag '%2' must be one word without spaces or commas, like eu-west; "
                     "write several tags as a list: [eu-west, prod]"_s.arg(
                         where(path, node.Mark()), tag);
            return false;
        }
        if (env->tags.contains(tag)) {
            const QString warning
                = u"%1: tag '%2' is given twice (one kept)"_s.arg(where(path, node.Mark()), tag);
            if (!warnings.contains(warning))
                warnings << warning;
            continue;
        }
        env->tags << tag;
    }
    return true;
}

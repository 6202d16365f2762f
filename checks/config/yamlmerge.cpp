// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "config/yamlmerge.h"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace {

// Far beyond any configuration file; the bound keeps the recursion below off the end of
// the stack when a file chains aliases (`- &a2 [*a1]`, `- &a3 [*a2]`, ...), which yaml-cpp
// parses without nesting and so without its own depth guard.
constexpr int MaxDepth = 1000;
// Each merge copies references to the merged pairs, so a chain of mappings each merging
// the one before grows quadratically; a real environments file merges a few hundred pairs.
constexpr qsizetype MaxMergedPairs = 100000;

using Pairs = std::vector<std::pair<YAML::Node, YAML::Node>>;

bool isMergeKey(const YAML::Node &key)
{
    // yaml-cpp tags a plain scalar without a tag "?", a quoted one "!": per YAML 1.1 only
    // the plain (or explicitly !!merge-tagged) `<<` is the merge key; "<<" is a string.
    return key.IsScalar() && key.Scalar() == "<<"
        && (key.Tag() == "?" || key.Tag() == "tag:yaml.org,2002:merge");
}

QString describe(const YAML::Node &n)
{
    if (n.IsScalar()) {
        const QString text = QString::fromStdString(n.Scalar());
        return u"the text '%1'"_s.arg(text.size() > 40 ? text.left(40) + u"…"_s : text);
    }
    if (n.IsSequence())
        return u"a list"_s;
    return u"nothing (an empty value, ~ or an alias of one)"_s;
}

class Merger
{
public:
    explicit Merger(const QString &path)
        : m_path(path)
    { }

    QString error;

    bool resolve(const YAML::Node &node, int depth)
    {
        if (!node.IsMap() && !node.IsSequence())
            return true;
        // Merged already, or a mapping this one lies inside (an alias back up the tree,
        // which yaml-cpp allows): nothing to do twice, and no endless walk.
        if (state(node))
            return true;
        if (depth > MaxDepth)
            return fail(node.Mark(),
                u"the YAML nests more than %1 levels deep, counting aliases; an environments "
                "file needs a handful: flatten it"_s.arg(MaxDepth));
        State &mine = m_seen.emplace(node.Mark().pos, Entry { node, State::Open })->second.state;
        if (node.IsSequence()) {
            for (const YAML::Node &item : node) {
                if (!resolve(item, depth + 1))
                    return false;
            }
        } else {
            Pairs merges;
            std::unordered_set<std::string> keys; // the mapping's own: they win over merged ones
            for (const auto &kv : node) {
                if (isMergeKey(kv.first)) {
                    merges.emplace_back(kv.first, kv.second);
                    continue;
                }
                if (kv.first.IsScalar())
                    keys.insert(kv.first.Scalar());
                if (!resolve(kv.second, depth + 1))
                    return false;
            }
            // Changed only after the loop above: yaml-cpp's iterators do not survive it.
            if (!merges.empty() && !mergeInto(node, merges, &keys, depth))
                return false;
        }
        mine = State::Done;
        return true;
    }

private:
    enum class State { Open, Done };
    struct Entry
    {
        YAML::Node node;
        State state;
    };

    QString m_path;
    // yaml-cpp exposes a node's identity only through Node::is() (an alias is the anchored
    // node itself); bucketing by the position a node was parsed at keeps look-ups cheap.
    // Elements of an unordered_multimap stay where they are when it grows.
    std::unordered_multimap<int, Entry> m_seen;
    qsizetype m_added = 0;

    const State *state(const YAML::Node &node) const
    {
        const auto [begin, end] = m_seen.equal_range(node.Mark().pos);
        for (auto it = begin; it != end; ++it) {
            if (it->second.node.is(node))
                return &it->second.state;
        }
        return nullptr;
    }

    bool fail(const YAML::Mark &at, const QString &what)
    {
        // yaml-cpp marks are 0-based; editors count from 1.
        error = u"%1:%2:%3: %4"_s.arg(m_path).arg(at.line + 1).arg(at.column + 1).arg(what);
        return false;
    }

    bool mergeInto(
        YAML::Node map, const Pairs &merges, std::unordered_set<std::string> *keys, int depth)
    {
        Pairs taken;
        for (const auto &[key, value] : merges) {
            std::vector<YAML::Node> sources;
            if (value.IsMap()) {
                sources.push_back(value);
            } else if (value.IsSequence()) {
                int n = 0;
                for (const YAML::Node &item : value) {
                    ++n;
                    if (!item.IsMap())
                        return fail(key.Mark(),
                            u"item %1 of this merge list is %2, not a mapping; every item of "
                            "'<<: [...]' must be a mapping or an alias of one, such as *defaults"_s
                                .arg(n)
                                .arg(describe(item)));
                    sources.push_back(item);
                }
            } else {
                return fail(key.Mark(),
                    u"the merge key '<<' takes a mapping, an alias of one (<<: *defaults) or a "
                    "list of them (<<: [*a, *b]), but here it has %1; point it at an anchored "
                    "mapping, or quote the key (\"<<\") if it is meant as a plain key"_s.arg(
                        describe(value)));
            }
            for (const YAML::Node &source : sources) {
                if (const State *s = state(source); s && *s == State::Open)
                    return fail(key.Mark(),
                        u"this merge includes a mapping that contains it, which never ends; "
                        "merge a mapping defined outside this one"_s);
                if (!resolve(source, depth + 1))
                    return false;
                for (const auto &kv : source) {
                    // Only keys not set yet: the mapping's own, then earlier sources, win.
                    if (kv.first.IsScalar() && !keys->insert(kv.first.Scalar()).second)
                        continue;
                    taken.emplace_back(kv.first, kv.second);
                }
            }
        }
        m_added += qsizetype(taken.size());
        if (m_added > MaxMergedPairs)
            return fail(merges.front().first.Mark(),
                u"merges in this file add more than %1 keys in all; is it generated by "
                "something that repeats merges? Write the values out instead"_s.arg(
                    MaxMergedPairs));
        for (const auto &merge : merges)
            map.remove(merge.first);
        // The source's own nodes, not copies: their marks keep pointing at where they are written.
        for (const auto &[key, value] : taken)
            map.force_insert(key, value);
        return true;
    }
};

} // namespace

QString YamlMerge::apply(YAML::Node &root, const QString &path)
{
    Merger merger(path);
    merger.resolve(root, 0);
    return merger.error;
}

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QString>

namespace YAML {
class Node;
}

// YAML 1.1 merge keys (https://yaml.org/type/merge.html), applied to a tree yaml-cpp loaded.
//
// yaml-cpp (0.8, Debian 13) resolves anchors and aliases but reads `<<` as an ordinary
// key: merges are not part of YAML 1.2, and its maintainer keeps them out of the library
// (jbeder/yaml-cpp#41, #353, PR #300 closed in 2021). Files written the docker-compose way
// (`<<: *defaults`) need them, so this applies them on top of the parsed tree.
namespace YamlMerge {

// Replaces every merge key in the tree under root, in place, by the key/value pairs it
// merges, as YAML 1.1 defines:
// - `<<: *a` or `<<: {k: v}` merges one mapping; `<<: [*a, *b]` merges several, and an
//   earlier one wins over a later one for a key both have;
// - a key the mapping sets itself wins over every merged one (merges are shallow: a
//   mapping value set here replaces the merged one whole);
// - merged mappings have their own merges applied first, at any depth;
// - only a plain `<<` (or `!!merge <<`) is a merge key; a quoted "<<" is an ordinary key.
// Merged pairs are the source's own nodes, so their Mark() stays where they are written
// (the anchored mapping), which is where an error in a merged value is fixed. Keys of
// mappings are left as they are (nothing reads complex keys).
//
// Returns an empty string on success; otherwise "PATH:LINE:COL: ..." (1-based, at the `<<`
// key) saying what is wrong and what to write instead: a merge of something that is not
// a mapping (a scalar, an empty value or null alias, a list holding a non-mapping), a
// mapping that merges a mapping containing it, aliases nested deeper than 1000 levels, or
// merges adding more than 100000 pairs in all (a guard against files built to explode,
// as "billion laughs" does with aliases). On failure the tree may be partly merged.
QString apply(YAML::Node &root, const QString &path);

} // namespace YamlMerge

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <optional>

// `doctor run --shard I/N`: which environments of a file one of N scheduled jobs checks
// (issue 19, RELIABILITY 26). An environment belongs to shard
//     sha256(UTF-8 name)[0..7] read as a big-endian unsigned 64-bit number, modulo N
// so its shard depends on its own name and N alone: the N shards cover every environment
// exactly once, adding or removing an environment moves no other one, and the order of
// the file does not matter. Reproducible outside doctor:
//     printf %s NAME | sha256sum | cut -c1-16  -> hex, then modulo N.
// (A hash of the name rather than its position, because a position moves every later
// environment when one is added.)
namespace ShardSelection {

struct Shard
{
    int index = 0; // 0-based, below count
    int count = 1; // N, 1 to MaxCount
};

constexpr int MaxCount = 10000;

// The shard of environment NAME among COUNT shards (COUNT >= 1): 0 to COUNT - 1.
int shardOf(const QString &name, int count);

// The names of NAMES that fall in SHARD, in their order.
QStringList select(const QStringList &names, const Shard &shard);

// Reads --shard's value: "I/N" (0 <= I < N <= MaxCount), or "auto/N", which takes I from
// $JOB_COMPLETION_INDEX as a Kubernetes Indexed Job sets it (completions N, index 0 to N-1).
// Nothing, with *error set to the usage message, when the text or the variable (unset,
// not a number, not below N) is not that.
std::optional<Shard> parse(const QString &text, const QProcessEnvironment &env, QString *error);

} // namespace ShardSelection

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "config/shardselection.h"

#include <QCryptographicHash>
#include <QtEndian>

using namespace Qt::StringLiterals;

int ShardSelection::shardOf(const QString &name, int count)
{
    Q_ASSERT(count >= 1);
    const QByteArray digest = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256);
    const quint64 head = qFromBigEndian<quint64>(digest.constData());
    return int(head % quint64(count));
}

QStringList ShardSelection::select(const QStringList &names, const Shard &shard)
{
    QStringList picked;
    for (const QString &n : names) {
        if (shardOf(n, shard.count) == shard.index)
            picked << n;
    }
    return picked;
}

namespace {

// A whole decimal number, digits only ("+1", " 1", "1.0" refused).
std::optional<int> wholeNumber(const QString &text)
{
    if (text.isEmpty() || text.size() > 9)
        return {};
    for (const QChar c : text) {
        if (!c.isDigit() || c.unicode() > 0x7f)
            return {};
    }
    return text.toInt();
}

} // namespace

std::optional<ShardSelection::Shard> ShardSelection::parse(
    const QString &text, const QProcessEnvironment &env, QString *error)
{
    const QString form = u"--shard must be I/N (shard I of N, 0-based, N from 1 to %1) or "
                         "auto/N (I from $JOB_COMPLETION_INDEX), not '%2'"_s.arg(MaxCount)
                             .arg(text);
    const qsizetype slash = text.indexOf(u'/');
    const std::optional<int> count = slash < 0 ? std::nullopt : wholeNumber(text.mid(slash + 1));
    if (!count || *count < 1 || *count > MaxCount) {
        *error = form;
        return {};
    }
    const QString first = text.left(slash);
    if (first == u"auto") {
        const QString value = env.value(u"JOB_COMPLETION_INDEX"_s);
        if (!env.contains(u"JOB_COMPLETION_INDEX"_s)) {
            *error
                = u"--shard auto/%1 takes the shard from $JOB_COMPLETION_INDEX, which is not "
                  "set (a Kubernetes Indexed Job sets it); give --shard I/%1 instead"_s.arg(*count);
            return {};
        }
        const std::optional<int> index = wholeNumber(value);
        if (!index || *index >= *count) {
            *error = u"--shard auto/%1: $JOB_COMPLETION_INDEX must be a whole number from 0 to "
                     "%2, not '%3' (the Job's completions must equal N)"_s.arg(*count)
                         .arg(*count - 1)
                         .arg(value);
            return {};
        }
        return Shard { *index, *count };
    }
    const std::optional<int> index = wholeNumber(first);
    if (!index || *index >= *count) {
        *error = form;
        return {};
    }
    return Shard { *index, *count };
}

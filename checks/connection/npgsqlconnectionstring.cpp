// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Npgsql "Key=Value;Key=Value" strings (DbConnectionStringBuilder syntax), mapped to libpq.
// Hand-written: Npgsql is C#, and no C or C++ library reads its strings. The keys are in
// npgsqlkeys.cpp, their mapping to libpq in npgsqlapplier.cpp.

#include "connection/connectionstring_p.h"
#include "connection/npgsqlapplier.h"
#include "connection/npgsqlkeys.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace ConnectionStringDetail;

namespace {

// Splits the text into key/value pairs; returns an error or empty.
QString split(const QString &text, QList<std::pair<QString, QString>> &pairs)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    QString previousKey, keyBeforeThat;
    const auto name = [](const QString &key, const QString &before) {
        return keyForMessage(key, NpgsqlKeys::isKey(key), NpgsqlKeys::isPasswordKey(before));
    };
    for (;;) {
        while (i < n && (text.at(i).isSpace() || text.at(i) == u';'))
            ++i;
        if (i >= n)
            return {};
        const qsizetype keyStart = i;
        while (i < n && text.at(i) != u'=' && text.at(i) != u';')
            ++i;
        if (i >= n || text.at(i) == u';') {
            // The stray text is often the tail of an unquoted value: do not quote it.
            if (previousKey.isEmpty())
                return u"The connection string starts with text that is not Key=Value."_s;
            return u"The text after the value of %1 is not Key=Value. If that value contains "
                   "';', put it in quotes: Key='...'."_s.arg(name(previousKey, keyBeforeThat));
        }
        const QString key = text.mid(keyStart, i - keyStart).trimmed();
        ++i;
        if (key.isEmpty())
            return u"There is a '=' with no key in front of it."_s;
        while (i < n && text.at(i).isSpace())
            ++i;
        QString value;
        if (i < n && (text.at(i) == u'\'' || text.at(i) == u'"')) {
            const QChar quote = text.at(i++);
            bool closed = false;
            while (i < n && !closed) {
                if (text.at(i) != quote) {
                    value += text.at(i++);
                } else if (i + 1 < n && text.at(i + 1) == quote) {
                    value += quote; // a doubled quote is a literal one
                    i += 2;
                } else {
                    ++i;
                    closed = true;
                }
            }
            if (!closed)
                return u"The value of %1 starts with a quote that is never closed. Close it, "
                       "and double any quote inside the value."_s.arg(name(key, previousKey));
            while (i < n && text.at(i).isSpace())
                ++i;
            if (i < n && text.at(i) != u';')
                return u"The value of %1 has text after its closing quote. Put the whole "
                       "value in quotes and double any quote inside it."_s.arg(
                           name(key, previousKey));
        } else {
            const qsizetype valueStart = i;
            while (i < n && text.at(i) != u';')
                ++i;
            value = text.mid(valueStart, i - valueStart).trimmed();
        }
        pairs.append({ key, value });
        keyBeforeThat = previousKey;
        previousKey = key;
    }
}

bool sameSetting(const NpgsqlKeys::Key &a, const NpgsqlKeys::Key &b)
{
    return a.kind == b.kind && a.libpq == b.libpq && a.kind != NpgsqlKeys::Kind::NoEquivalent;
}

} // namespace

ParsedConnection ConnectionString::parseNpgsql(const QString &text)
{
    QList<std::pair<QString, QString>> pairs;
    if (const QString error = split(text, pairs); !error.isEmpty())
        return failure(error);

    ParsedConnection pc;
    // Duplicates: last value wins, at the place of the first (the order options are kept in).
    QList<NpgsqlApplier::Entry> entries;
    QString previousKey;
    for (const auto &[shownKey, value] : std::as_const(pairs)) {
        const bool afterPassword = NpgsqlKeys::isPasswordKey(previousKey);
        previousKey = shownKey;
        const std::optional<NpgsqlKeys::Key> key = NpgsqlKeys::find(shownKey);
        if (!key) {
            pc.warnings.append(unknownKeyWarning(shownKey, afterPassword));
            continue;
        }
        if (key->lenient)
            pc.warnings.append(
                u"\"%1\" is a libpq name; Npgsql rejects it (write %2). The doctor "
                "accepts it."_s.arg(shownKey,
                    key->kind == NpgsqlKeys::Kind::Database ? u"Database"_s : u"Username"_s));
        const auto same = std::find_if(entries.begin(), entries.end(),
            [&](const NpgsqlApplier::Entry &e) { return sameSetting(e.key, *key); });
        if (same == entries.end()) {
            entries.append({ *key, shownKey, value });
            continue;
        }
        pc.warnings.append(same->shownKey.compare(shownKey, Qt::CaseInsensitive) == 0
                ? u"\"%1\" is given more than once; the last value is used."_s.arg(shownKey)
                : u"\"%1\" and \"%2\" set the same thing; the last one is used."_s.arg(
                      same->shownKey, shownKey));
        same->shownKey = shownKey;
        same->value = value;
    }

    NpgsqlApplier applier(pc);
    for (const NpgsqlApplier::Entry &e : std::as_const(entries)) {
        if (const QString error = applier.apply(e); !error.isEmpty())
            return failure(error, pc.warnings);
    }
    if (const QString error = applier.finish(); !error.isEmpty())
        return failure(error, pc.warnings);
    finishPostgres(pc);
    return pc;
}

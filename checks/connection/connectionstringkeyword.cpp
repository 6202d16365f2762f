// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// libpq "key=value key='quoted value'" strings, read the way libpq's conninfo_parse does.

#include "connection/connectionstring_p.h"

using namespace Qt::StringLiterals;
using namespace ConnectionStringDetail;

ParsedConnection ConnectionString::parseKeywordValue(const QString &text)
{
    ParsedConnection pc;
    LibpqKeywords keywords(pc);
    const qsizetype n = text.size();
    qsizetype i = 0;
    QString previousKey, keyBeforeThat;
    const auto name = [](const QString &key, const QString &before) {
        return keyForMessage(key, isLibpqKeyword(key), before == u"password");
    };
    for (;;) {
        while (i < n && text.at(i).isSpace())
            ++i;
        if (i >= n)
            break;
        const qsizetype keyStart = i;
        while (i < n && text.at(i) != u'=' && !text.at(i).isSpace())
            ++i;
        const QString key = text.mid(keyStart, i - keyStart);
        while (i < n && text.at(i).isSpace())
            ++i;
        if (i >= n || text.at(i) != u'=') {
            // Often the second word of an unquoted value: name the key before it, not the word.
            if (previousKey.isEmpty())
                return failure(u"The connection string does not start with key=value "
                               "(host=... dbname=...)."_s,
                    pc.warnings);
            return failure(u"The text after the value of %1 is not key=value. If that value "
                           "contains spaces, put it in single quotes: key='...'."_s.arg(
                               name(previousKey, keyBeforeThat)),
                pc.warnings);
        }
        ++i;
        if (key.isEmpty())
            return failure(u"There is a '=' with no key in front of it."_s, pc.warnings);
        while (i < n && text.at(i).isSpace())
            ++i;

        QString value;
        if (i < n && text.at(i) == u'\'') {
            ++i;
            bool closed = false;
            while (i < n && !closed) {
                const QChar c = text.at(i++);
                if (c == u'\\') {
                    if (i < n)
                        value += text.at(i++);
                } else if (c == u'\'') {
                    closed = true;
                } else {
                    value += c;
                }
            }
            if (!closed)
                return failure(u"The value of %1 starts with a quote that is never closed. "
                               "Close it, and write a quote inside the value as \\'."_s.arg(
                                   name(key, previousKey)),
                    pc.warnings);
        } else {
            // libpq honours backslash escapes in unquoted values too.
            while (i < n && !text.at(i).isSpace()) {
                if (text.at(i) == u'\\') {
                    ++i;
                    if (i < n)
                        value += text.at(i++);
                } else {
                    value += text.at(i++);
                }
            }
        }
        if (!keywords.apply(key, value))
            return pc;
        keyBeforeThat = previousKey;
        previousKey = key;
    }
    keywords.finish();
    finishPostgres(pc);
    return pc;
}

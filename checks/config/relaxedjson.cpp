// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "config/relaxedjson.h"

using namespace Qt::StringLiterals;

namespace {

// Blanks out // and /* */ comments and trailing commas with spaces (newlines kept), so
// every byte keeps its offset and Qt's error offsets still point into the user's file.
// Returns the offset of an unterminated /* comment, or -1.
qsizetype blankCommentsAndTrailingCommas(QByteArray &text)
{
    const qsizetype n = text.size();
    qsizetype pendingComma = -1; // a comma with only whitespace or comments after it so far
    char lastToken = '\0'; // the last character outside comments and whitespace
    bool inString = false;
    for (qsizetype i = 0; i < n; ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i; // the escaped byte cannot end the string
            else if (c == '"')
                inString = false;
            continue;
        }
        const char next = i + 1 < n ? text[i + 1] : '\0';
        if (c == '/' && next == '/') {
            for (; i < n && text[i] != '\n'; ++i)
                text[i] = ' ';
        } else if (c == '/' && next == '*') {
            const qsizetype start = i;
            const qsizetype end = text.indexOf("*/", i + 2);
            if (end < 0)
                return start;
            for (; i < end + 2; ++i) {
                if (text[i] != '\n')
                    text[i] = ' ';
            }
            --i;
        } else if (c == ',') {
            // A comma right after an opening bracket is never trailing: .NET refuses "[,]" and
            // "{,}", and so does Qt once the comma is left in place. (Of a doubled comma the
            // last is blanked, and Qt then names the missing value after the first.)
            const bool afterValue
                = lastToken != '\0' && lastToken != '[' && lastToken != '{' && lastToken != ':';
            pendingComma = afterValue ? i : -1;
            lastToken = c;
        } else if (c == '}' || c == ']') {
            if (pendingComma >= 0)
                text[pendingComma] = ' ';
            pendingComma = -1;
            lastToken = c;
        } else if (c == '"') {
            inString = true;
            pendingComma = -1;
            lastToken = c;
        } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            pendingComma = -1;
            lastToken = c;
        }
    }
    return -1;
}

} // namespace

QString RelaxedJson::lineColumn(const QByteArray &data, qsizetype offset)
{
    offset = qBound(qsizetype(0), offset, data.size());
    int line = 1;
    int column = 1;
    const qsizetype bom = data.startsWith("\xEF\xBB\xBF") ? 3 : 0; // editors do not show it
    for (qsizetype i = qMin(bom, offset); i < offset; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    return u"%1:%2"_s.arg(line).arg(column);
}

QJsonDocument RelaxedJson::parse(const QByteArray &data, QString *error)
{
    QByteArray text = data;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.replace(0, 3, "   "); // a BOM is fine for .NET; keep offsets unchanged
    if (const qsizetype open = blankCommentsAndTrailingCommas(text); open >= 0) {
        *error = u"%1: unterminated /* comment"_s.arg(lineColumn(data, open));
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (doc.isNull()) {
        const bool empty = text.trimmed().isEmpty();
        // Qt reports the offset just past the character it choked on, except for trailing
        // garbage and an illegal number (a bare word), where it is the character itself;
        // point at that character, as an editor would.
        const bool atCharacter = parseError.error == QJsonParseError::GarbageAtEnd
            || parseError.error == QJsonParseError::IllegalNumber;
        const qsizetype offset = atCharacter ? parseError.offset : qMax(0, parseError.offset - 1);
        *error = u"%1: %2"_s.arg(lineColumn(data, offset),
            empty ? u"the file is empty; .NET expects at least {}"_s : parseError.errorString());
        return {};
    }
    return doc;
}

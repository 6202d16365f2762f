// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "kb/kbarticle.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <algorithm>
#include <string>

// Helpers shared by the parts of KbParser: kbparser.cpp, kbfrontmatter.cpp and
// kbmarkdownwalker.cpp.
namespace KbParserPrivate {

// "PATH:LINE: ", the start of an error message.
inline QString location(const QString &path, int line)
{
    return path + u':' + QString::number(line) + QStringLiteral(": ");
}

// 1-based line numbers for byte offsets of one buffer.
class LineIndex
{
public:
    explicit LineIndex(const QByteArray &text)
        : m_size(text.size())
    {
        m_starts.append(0);
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == '\n')
                m_starts.append(i + 1);
        }
    }
    int lineAt(qsizetype offset) const
    {
        const auto it = std::upper_bound(m_starts.cbegin(), m_starts.cend(), offset);
        return int(it - m_starts.cbegin());
    }
    int count() const { return int(m_starts.size()); }
    // Offset where `line` starts; past the last line this is the end of the buffer.
    qsizetype start(int line) const
    {
        if (line < 1)
            return 0;
        return line <= count() ? m_starts.at(line - 1) : m_size;
    }

private:
    QList<qsizetype> m_starts;
    qsizetype m_size = 0;
};

// Reads checkId, plugin, severity, tags, evidence, articleId and when from the front
// matter's YAML, which starts on line BASELINE of PATH, into A; returns the error ("" when
// fine). In kbfrontmatter.cpp.
QString readFrontMatter(const std::string &yaml, const QString &path, int baseLine, KbArticle &a);

} // namespace KbParserPrivate

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "report/texttable.h"

#include <algorithm>

using namespace Qt::StringLiterals;

QString TextTable::render(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &h : headers)
        widths << h.size();
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    const auto line = [&](const QStringList &cells) -> QString { // not a QStringBuilder
        QString text;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const QString cell = cells.value(i);
            if (i + 1 < widths.size())
                text += cell.leftJustified(widths[i]) + u"  "_s;
            else
                text += cell;
        }
        while (text.endsWith(u' ')) // an empty last cell leaves the padding of the others
            text.chop(1);
        return text + u'\n';
    };
    QString out = line(headers);
    for (const QStringList &row : rows)
        out += line(row);
    return out;
}

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "report/resulttext.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

QString mark(CheckStatus s, bool colour)
{
    struct Style
    {
        const char *text;
        const char *ansi;
    };
    Style style { "SKIP", "2" };
    switch (s) {
    case CheckStatus::Pass:
        style = { "PASS", "32" };
        break;
    case CheckStatus::Warn:
        style = { "WARN", "33" };
        break;
    case CheckStatus::Fail:
        style = { "FAIL", "31" };
        break;
    case CheckStatus::Error:
        style = { "ERR ", "35" };
        break;
    case CheckStatus::NotRun:
        style = { "NRUN", "2" }; // dim: its root cause is the line to read
        break;
    case CheckStatus::Skipped:
        break;
    }
    const QString text = QString::fromLatin1(style.text);
    return colour ? u"\x1b[1;%1m%2\x1b[0m"_s.arg(QString::fromLatin1(style.ansi), text) : text;
}

} // namespace

QString ResultText::evidenceValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return u"-"_s;
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().isEmpty() ? u"(none)"_s : value.toStringList().join(u", "_s);
    if (value.typeId() == QMetaType::QVariantMap) {
        QStringList parts;
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            parts << it.key() + u'=' + it.value().toString();
        return parts.join(u", "_s);
    }
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? u"true"_s : u"false"_s;
    return value.toString();
}

QString ResultText::format(const QList<CheckResult> &results, bool colour)
{
    QString out;
    for (const CheckResult &r : results) {
        out += u"%1  %2  %3  %4 (%5 ms)\n"_s
                   .arg(mark(r.status, colour), r.environment, r.checkId, r.message)
                   .arg(r.durationMs);
        for (const auto &[key, value] : r.evidence)
            out += u"        %1: %2\n"_s.arg(key, evidenceValue(value));
    }
    return out;
}

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QChar>
#include <QLocale>
#include <QString>
#include <QVariant>
#include <cmath>
#include <optional>

// What the parser (kbevidenceconditionparser.cpp) and the matcher and printer
// (kbevidencecondition.cpp) of KbEvidenceCondition agree on: how a value is written.
namespace KbEvidenceConditionPrivate {

// A bare value runs up to one of these.
inline bool endsBareValue(QChar c)
{
    return c.isSpace() || c == u',' || c == u'|';
}

// A finite number in C locale ("17", "0.5", "-1"); nullopt otherwise.
inline std::optional<double> number(const QString &text)
{
    bool ok = false;
    const double d = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

// A bare value becomes a boolean or a number when it reads as one, text otherwise.
inline QVariant typedBare(const QString &bare)
{
    using namespace Qt::StringLiterals;
    if (bare.compare(u"true"_s, Qt::CaseInsensitive) == 0)
        return true;
    if (bare.compare(u"false"_s, Qt::CaseInsensitive) == 0)
        return false;
    if (const auto d = number(bare))
        return *d;
    return bare;
}

} // namespace KbEvidenceConditionPrivate

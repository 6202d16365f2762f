// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// SnakeYamlScalar: YAML 1.1 resolution of plain scalars (as SnakeYAML does it) and Java's
// toString() of the resulting number or boolean.

#include "migrations/snakeyamlscalar.h"

#include <QLocale>
#include <QRegularExpression>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Java's Double.toString(): plain decimals with at least one fraction digit for magnitudes
// in [1e-3, 1e7), else "d.dddE<exp>"; the shortest digits that read back as the same double
// (JDK 19+).
QString javaDouble(double d)
{
    if (std::isinf(d))
        return d > 0 ? u"Infinity"_s : u"-Infinity"_s;
    if (std::isnan(d))
        return u"NaN"_s;
    const double a = std::fabs(d);
    if (a == 0 || (a >= 1e-3 && a < 1e7)) {
        QString s = QString::number(d, 'f', QLocale::FloatingPointShortest);
        if (!s.contains(u'.'))
            s += u".0"_s;
        if (a == 0 && std::signbit(d) && !s.startsWith(u'-'))
            s.prepend(u'-');
        return s;
    }
    QString s = QString::number(d, 'e', QLocale::FloatingPointShortest); // "1.5e+07"
    const qsizetype e = s.indexOf(u'e');
    QString mantissa = s.first(e);
    if (!mantissa.contains(u'.'))
        mantissa += u".0"_s;
    return mantissa + u'E' + QString::number(s.sliced(e + 1).toInt());
}

} // namespace

QString SnakeYamlScalar::javaString(const QString &text)
{
    static const QRegularExpression boolean(
        u"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"_s);
    if (boolean.match(text).hasMatch()) {
        const QString v = text.toLower();
        return v == u"yes" || v == u"true" || v == u"on" ? u"true"_s : u"false"_s;
    }
    static const QRegularExpression integer(u"^([-+]?)(?:0b_*([0-1][0-1_]*)|0_*([0-7][0-7_]*)|"
                                            "(0|[1-9][0-9_]*)|0x_*([0-9a-fA-F][0-9a-fA-F_]*))$"_s);
    if (const auto m = integer.match(text); m.hasMatch()) {
        const int bases[] = { 2, 8, 10, 16 };
        for (int group = 2; group <= 5; ++group) {
            if (!m.hasCaptured(group))
                continue;
            bool ok = false;
            const qulonglong v = m.captured(group).remove(u'_').toULongLong(&ok, bases[group - 2]);
            if (!ok)
                return text; // beyond 64 bits (a BigInteger): left as written
            const bool negative = m.captured(1) == u"-" && v != 0;
            return (negative ? u"-"_s : QString()) + QString::number(v);
        }
    }
    static const QRegularExpression floating(
        u"^[-+]?(?:[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[0-9][0-9_]*[eE][-+]?[0-9]+|"
        "\\.[0-9_]+(?:[eE][-+]?[0-9]+)?)$"_s);
    if (floating.match(text).hasMatch()) {
        bool ok = false;
        const double d = QString(text).remove(u'_').toDouble(&ok);
        if (ok)
            return javaDouble(d);
    }
    return text;
}

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// KbEvidenceCondition: matching a parsed condition against a result's evidence, its
// canonical text, and finding the "When:" line of a code block. The parser is in
// kbevidenceconditionparser.cpp.

#include "kb/kbevidencecondition.h"

#include "kb/kbevidencecondition_p.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace KbEvidenceConditionPrivate;

namespace {

using Op = KbEvidenceCondition::Op;
using Comparison = KbEvidenceCondition::Comparison;

bool isListOrMap(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::QStringList:
    case QMetaType::QVariantList:
    case QMetaType::QVariantMap:
    case QMetaType::QVariantHash:
        return true;
    default:
        return false;
    }
}

std::optional<double> evidenceNumber(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Double:
    case QMetaType::Float:
        return v.toDouble();
    case QMetaType::QString:
        return number(v.toString().trimmed());
    default:
        return std::nullopt;
    }
}

template <typename T> bool compareOrdered(const T &x, Op op, const T &y)
{
    switch (op) {
    case Op::Eq:
        return x == y;
    case Op::Ne:
        return x != y;
    case Op::Gt:
        return x > y;
    case Op::Ge:
        return x >= y;
    case Op::Lt:
        return x < y;
    case Op::Le:
        return x <= y;
    }
    return false;
}

bool holds(const Comparison &c, const Evidence &evidence)
{
    const auto it = std::find_if(evidence.cbegin(), evidence.cend(),
        [&](const QPair<QString, QVariant> &p) { return p.first == c.key; });
    if (it == evidence.cend())
        return false;
    const QVariant &v = it->second;
    // A list against a number compares its length ("OutOfOrderMigrations>0"): a count of
    // what the list names, which a check need not report twice.
    const bool list = v.typeId() == QMetaType::QStringList || v.typeId() == QMetaType::QVariantList;
    if (list && c.value.typeId() == QMetaType::Double)
        return compareOrdered(double(v.toList().size()), c.op, c.value.toDouble());
    if (!v.isValid() || v.isNull() || isListOrMap(v))
        return false;
    switch (c.value.typeId()) {
    case QMetaType::Bool: {
        bool b = false;
        if (v.typeId() == QMetaType::Bool)
            b = v.toBool();
        else if (v.typeId() == QMetaType::QString
            && (v.toString() == u"true"_s || v.toString() == u"false"_s))
            b = v.toString() == u"true"_s;
        else
            return false;
        return !KbEvidenceCondition::isOrdering(c.op) && compareOrdered(b, c.op, c.value.toBool());
    }
    case QMetaType::Double: {
        if (v.typeId() == QMetaType::Bool)
            return false;
        const auto x = evidenceNumber(v);
        return x && compareOrdered(*x, c.op, c.value.toDouble());
    }
    default:
        return !KbEvidenceCondition::isOrdering(c.op)
            && compareOrdered(v.toString(), c.op, c.value.toString());
    }
}

QString valueText(const QVariant &v)
{
    if (v.typeId() == QMetaType::Bool)
        return v.toBool() ? u"true"_s : u"false"_s;
    if (v.typeId() == QMetaType::Double)
        return QLocale::c().toString(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    const QString s = v.toString();
    bool bare = !s.isEmpty() && typedBare(s).typeId() == QMetaType::QString;
    for (const QChar ch : s)
        bare = bare && !endsBareValue(ch) && !QStringView(u"\"'=<>!&\\").contains(ch);
    if (bare)
        return s;
    QString quoted = s;
    quoted.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return u'"' + quoted + u'"';
}

} // namespace

bool KbEvidenceCondition::matches(const Evidence &evidence) const
{
    if (isAlways())
        return true;
    return std::any_of(
        m_alternatives.cbegin(), m_alternatives.cend(), [&](const QList<Comparison> &all) {
            return std::all_of(
                all.cbegin(), all.cend(), [&](const Comparison &c) { return holds(c, evidence); });
        });
}

QStringList KbEvidenceCondition::keys() const
{
    QStringList out;
    for (const QList<Comparison> &all : m_alternatives) {
        for (const Comparison &c : all) {
            if (!out.contains(c.key))
                out << c.key;
        }
    }
    return out;
}

QString KbEvidenceCondition::opText(Op op)
{
    switch (op) {
    case Op::Eq:
        return u"="_s;
    case Op::Ne:
        return u"!="_s;
    case Op::Gt:
        return u">"_s;
    case Op::Ge:
        return u">="_s;
    case Op::Lt:
        return u"<"_s;
    case Op::Le:
        return u"<="_s;
    }
    return {};
}

QString KbEvidenceCondition::toString() const
{
    if (isAlways())
        return u"always"_s;
    QStringList alternatives;
    for (const QList<Comparison> &all : m_alternatives) {
        QStringList parts;
        for (const Comparison &c : all)
            parts << c.key + u' ' + opText(c.op) + u' ' + valueText(c.value);
        alternatives << parts.join(u", "_s);
    }
    return alternatives.join(u" | "_s);
}

KbEvidenceCondition::WhenLine KbEvidenceCondition::splitWhenLine(const QString &blockText)
{
    WhenLine out;
    out.rest = blockText;
    const qsizetype newline = blockText.indexOf(u'\n');
    const QString line = newline < 0 ? blockText : blockText.left(newline);
    qsizetype i = 0;
    while (i < line.size() && line.at(i).isSpace())
        ++i;
    const QStringView tail = QStringView(line).mid(i);
    if (tail.startsWith(u"#"))
        i += 1;
    else if (tail.startsWith(u"--") || tail.startsWith(u"//"))
        i += 2;
    else
        return out;
    while (i < line.size() && line.at(i).isSpace())
        ++i;
    if (QStringView(line).mid(i, 4).compare(u"when", Qt::CaseInsensitive) != 0)
        return out;
    i += 4;
    while (i < line.size() && line.at(i).isSpace())
        ++i;
    if (i >= line.size() || line.at(i) != u':')
        return out;
    ++i;
    while (i < line.size() && line.at(i).isSpace())
        ++i;
    out.found = true;
    out.offset = int(i);
    out.condition = line.mid(i).trimmed();
    out.rest = newline < 0 ? QString() : blockText.mid(newline + 1);
    return out;
}

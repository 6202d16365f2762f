// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// The KbArticle values' own methods. Reading an article is KbParser (kbparser.cpp).

#include "kb/kbarticle.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

QList<KbCodeBlock> KbArticle::fixesFor(DeploymentStyle style) const
{
    QList<KbCodeBlock> out;
    for (const KbCodeBlock &block : codeBlocks) {
        if (block.deployment == style)
            out.append(block);
    }
    return out;
}

bool KbCodeBlock::appliesTo(const Evidence &evidence) const
{
    if (!when)
        return true;
    return when->error.isEmpty() && when->condition.matches(evidence);
}

bool KbArticle::variantFor(const Evidence &values) const
{
    return isVariant() && when && when->error.isEmpty() && when->condition.matches(values);
}

QString KbEvidenceKey::typeName(Type type)
{
    switch (type) {
    case Type::Bool:
        return u"bool"_s;
    case Type::Number:
        return u"number"_s;
    case Type::Text:
        return u"text"_s;
    case Type::List:
        return u"list"_s;
    case Type::Map:
        return u"map"_s;
    }
    return {};
}

const KbEvidenceKey *KbArticle::evidenceKey(const QString &name) const
{
    for (const KbEvidenceKey &k : evidence) {
        if (k.name == name)
            return &k;
    }
    return nullptr;
}

QStringList KbArticle::relatedChecks() const
{
    const KbSection *related = section(u"Related checks"_s);
    if (!related)
        return {};
    static const QRegularExpression checkIdPattern(u"\\bcheck\\.[A-Za-z0-9_.-]*[A-Za-z0-9_]"_s);
    QStringList ids;
    auto it = checkIdPattern.globalMatch(related->markdown);
    while (it.hasNext()) {
        const QString id = it.next().captured();
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

const KbSection *KbArticle::section(const QString &name) const
{
    for (const KbSection &s : sections) {
        if (s.title.compare(name, Qt::CaseInsensitive) == 0)
            return &s;
    }
    return nullptr;
}

#include "kbarticle.h"
// TODO(helper): implement
QList<KbCodeBlock> KbArticle::fixesFor(DeploymentStyle) const
{
    return {};
}
QStringList KbArticle::relatedChecks() const
{
    return {};
}
KbParseResult KbParser::parse(const QByteArray &, const QString &)
{
    return {};
}

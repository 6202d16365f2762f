#include "connectionspec.h"
// TODO(helper): implement
ParsedConnection ConnectionString::parse(const QString &)
{
    return {};
}
ParsedConnection ConnectionString::parseNpgsql(const QString &)
{
    return {};
}
ParsedConnection ConnectionString::parseUri(const QString &)
{
    return {};
}
ParsedConnection ConnectionString::parseKeywordValue(const QString &)
{
    return {};
}

#include "connectionspec.h"
// TODO(helper): implement
QString ConnectionSpec::option(const QString &) const
{
    return {};
}
void ConnectionSpec::setOption(const QString &, const QString &) { }
QString ConnectionSpec::qtConnectOptions() const
{
    return {};
}
QString ConnectionSpec::describe() const
{
    return {};
}
QString ConnectionSpec::tlsVerification() const
{
    return {};
}
bool ConnectionSpec::isAllowedOption(const QString &)
{
    return false;
}

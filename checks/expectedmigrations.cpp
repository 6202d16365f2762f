#include "expectedmigrations.h"
// TODO(helper): implement
ExpectedSet ExpectedMigrations::load(const QString &)
{
    return {};
}
ExpectedSet ExpectedMigrations::fromIdempotentScript(const QString &, const QString &)
{
    return {};
}
ExpectedSet ExpectedMigrations::fromMigrationsFolder(const QString &)
{
    return {};
}
ExpectedSet ExpectedMigrations::fromManifest(const QString &, const QString &)
{
    return {};
}
QString ExpectedMigrations::kindName(ExpectedSet::Kind)
{
    return {};
}

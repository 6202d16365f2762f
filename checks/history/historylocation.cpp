// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Where a history store lives: the default file, a postgresql:// URL read by libpq, and
// how either is shown to people (never with a password).

#include "connection/libpqconninfo.h"
#include "history/historystore.h"
#include "history/historystore_p.h"

#include <QStandardPaths>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

// The keywords QSqlDatabase has setters for; every other one goes into the connect options.
const QStringList OwnSetters = { u"host"_s, u"port"_s, u"dbname"_s, u"user"_s, u"password"_s };

// A value quoted for a libpq keyword/value string (single quotes, \ and ' escaped), as
// libpq's conninfo_parse reads it. QPSQL appends its connect options to the string as they
// are, so each must be quoted here; libpq offers no function that writes this syntax.
QString quoted(const QString &value)
{
    QString v = value;
    v.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u'\'' + v + u'\'';
}

QString value(const LibpqConninfo::Options &options, const QString &key)
{
    for (const auto &[k, v] : options)
        if (k == key)
            return v;
    return {};
}

} // namespace

QString HistoryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + u"/doctor-dashboard/history.sqlite"_s;
}

QString HistoryStore::displayLocation(const QString &location)
{
    const QString loc = location.isEmpty() ? defaultPath() : location;
    if (!HistoryLocation::isPostgresUrl(loc))
        return loc;
    const auto options = LibpqConninfo::parse(loc);
    if (!options)
        return u"postgresql:// (a URL libpq cannot read)"_s;
    // Rebuilt from libpq's reading with the password left out: cutting it out of the text
    // by hand would miss the forms libpq accepts (?password=, percent-encoding).
    QUrl url;
    url.setScheme(u"postgresql"_s);
    const QString user = value(*options, u"user"_s);
    const QStringList hosts = value(*options, u"host"_s).split(u',', Qt::SkipEmptyParts);
    const QStringList ports = value(*options, u"port"_s).split(u',', Qt::SkipEmptyParts);
    QStringList authorities;
    for (qsizetype i = 0; i < std::max(hosts.size(), ports.size()); ++i) {
        QString a = i < hosts.size() ? hosts[i] : QString();
        if (a.contains(u':'))
            a = u'[' + a + u']'; // an IPv6 address
        const QString port = i < ports.size() ? ports[i] : (ports.size() == 1 ? ports[0] : u""_s);
        authorities << (port.isEmpty() ? a : a + u':' + port);
    }
    QString text = u"postgresql://"_s;
    if (!user.isEmpty())
        text += QString::fromUtf8(QUrl::toPercentEncoding(user)) + u'@';
    text += authorities.join(u',');
    const QString db = value(*options, u"dbname"_s);
    if (!db.isEmpty())
        text += u'/' + QString::fromUtf8(QUrl::toPercentEncoding(db));
    QStringList params;
    for (const auto &[k, v] : *options)
        if (!OwnSetters.contains(k))
            params << k + u'=' + QString::fromUtf8(QUrl::toPercentEncoding(v));
    if (!params.isEmpty())
        text += u'?' + params.join(u'&');
    return text;
}

bool HistoryStore::isPostgresLocation(const QString &location)
{
    return HistoryLocation::isPostgresUrl(location);
}

bool HistoryLocation::isPostgresUrl(const QString &location)
{
    return location.startsWith(u"postgresql://"_s) || location.startsWith(u"postgres://"_s);
}

bool HistoryLocation::configurePostgres(QSqlDatabase &db, const QString &url, QString *error)
{
    const auto options = LibpqConninfo::parse(url);
    if (!options) {
        *error = u"libpq cannot read the URL; write it as "
                 "postgresql://user@host:port/database"_s;
        return false;
    }
    db.setHostName(value(*options, u"host"_s));
    db.setDatabaseName(value(*options, u"dbname"_s));
    db.setUserName(value(*options, u"user"_s));
    // Only when the URL has one; otherwise libpq takes PGPASSWORD or the pgpass file.
    db.setPassword(value(*options, u"password"_s));
    const QString port = value(*options, u"port"_s);
    bool numeric = false;
    const int portNumber = port.toInt(&numeric);
    QStringList connectOptions;
    if (numeric)
        db.setPort(portNumber);
    else if (!port.isEmpty())
        connectOptions << u"port="_s + quoted(port); // a list for several hosts
    bool timeout = false;
    for (const auto &[k, v] : *options) {
        if (OwnSetters.contains(k))
            continue;
        if (v.contains(u';')) { // QPSQL splits its options at ';'
            *error = u"the URL's %1 contains ';', which the Qt PostgreSQL driver cannot pass "
                     "on"_s.arg(k);
            return false;
        }
        connectOptions << k + u'=' + quoted(v);
        timeout = timeout || k == u"connect_timeout";
    }
    if (!timeout)
        connectOptions << u"connect_timeout=10"_s; // an unreachable store costs 10 s at most
    if (value(*options, u"application_name"_s).isEmpty())
        connectOptions << u"application_name='doctor-history'"_s;
    db.setConnectOptions(connectOptions.join(u';'));
    return true;
}

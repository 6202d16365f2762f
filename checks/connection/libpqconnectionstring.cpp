// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// libpq connection strings, keyword/value and URI. libpq reads them (PQconninfoParse); what
// this file adds is the doctor's own: the allow-list, the option checks, the warnings, and
// messages that never quote a value.

#include "connection/connectionstring_p.h"
#include "connection/libpqconninfo.h"
#include "connection/libpqkeyscan.h"

#include <QSet>

using namespace Qt::StringLiterals;
using namespace ConnectionStringDetail;

namespace {

// For a refusal the key scan cannot explain (libpq 18 also refuses unencoded spaces inside a
// URI part, for example).
const QString unreadable
    = u"libpq cannot read this connection string. Write it as key=value pairs, with single "
      "quotes around a value that contains spaces (key='...'), or as "
      "postgresql://user@host:port/dbname?key=value with special characters percent-encoded "
      "(%20 for a space, %40 for '@')."_s;

// libpq reports each key once, with its last value, in libpq's own keyword order. The scan
// knows the order the string gives them and which are given twice. Used only when the scan's
// keys are exactly the keys libpq set (they always should be: the scan follows libpq's
// grammar), so a scan that went wrong names and reorders nothing.
struct KeyOrder
{
    LibpqConninfo::Options options; // libpq's values, each at the place of its first key
    QStringList repeated; // keys given more than once, as libpq stores them
};

KeyOrder inWrittenOrder(const LibpqConninfo::Options &options, const QStringList &keys)
{
    QSet<QString> set, scanned;
    for (const auto &option : options)
        set.insert(option.first);
    for (const QString &key : keys)
        scanned.insert(LibpqConninfo::storedKey(key));
    if (scanned != set)
        return { options, {} };
    KeyOrder order;
    QSet<QString> seen;
    for (const QString &key : keys) {
        const QString stored = LibpqConninfo::storedKey(key);
        if (seen.contains(stored)) {
            order.repeated.append(stored);
            continue;
        }
        seen.insert(stored);
        for (const auto &option : options) {
            if (option.first == stored)
                order.options.append(option);
        }
    }
    return order;
}

} // namespace

ParsedConnection ConnectionString::parseLibpq(const QString &text)
{
    if (text.contains(QChar(0)))
        return failure(u"The connection string contains a NUL character. Remove it."_s);
    const std::optional<LibpqConninfo::Options> options = LibpqConninfo::parse(text);
    const LibpqKeyScan scan = LibpqKeyScan::scan(text);
    if (!options)
        return failure(scan.problem.isEmpty() ? unreadable : scan.problem);

    const bool uri = text.startsWith(u"postgresql://") || text.startsWith(u"postgres://");
    ParsedConnection pc;
    const KeyOrder order = inWrittenOrder(*options, scan.keys);
    for (const QString &key : order.repeated)
        pc.warnings.append(u"\"%1\" is given more than once; the last value is used."_s.arg(key));
    ConnectionSpec &spec = pc.spec;
    QString hostaddr;
    for (const auto &[key, value] : order.options) {
        const QString shown = u'"' + key + u'"';
        QString error;
        if (key == u"host") {
            // libpq ends a URI's user name and password at the first '@', so with a raw '@'
            // in the password the rest of the password becomes the host name, which would
            // then show in every message about the host.
            if (uri && value.contains(u'@'))
                error = u"The URI has more than one '@' before the host, so libpq reads part of "
                        "the user name or password as the host name. Encode '@' in the user "
                        "name or password as %40."_s;
            spec.host = value;
        } else if (key == u"hostaddr") {
            hostaddr = value;
        } else if (key == u"port") {
            // Never with the value: a broken string can shift password text into the port.
            error = checkPortList(value, shown, false);
            spec.port = value;
        } else if (key == u"dbname") {
            spec.database = value;
        } else if (key == u"user") {
            spec.user = value;
        } else if (key == u"password") {
            spec.password = value;
        } else if (ConnectionSpec::isAllowedOption(key)) {
            error = checkOptionValue(key, value, shown);
            spec.setOption(key, value);
            if (key == u"connect_timeout")
                spec.connectTimeoutSec = parseCount(value);
        } else {
            pc.warnings.append(
                u"%1 is a libpq setting the doctor does not pass on; it is ignored."_s.arg(shown));
        }
        if (!error.isEmpty())
            return failure(error, pc.warnings);
    }
    // The spec has one address field. hostaddr alone is the host; next to host, libpq would
    // connect to hostaddr and verify TLS against host, which the doctor cannot express.
    if (!hostaddr.isEmpty() && spec.host.isEmpty())
        spec.host = hostaddr;
    else if (!hostaddr.isEmpty())
        pc.warnings.append(u"\"hostaddr\" is ignored because \"host\" is also given; the doctor "
                           "connects to the host name."_s);
    finishPostgres(pc);
    return pc;
}

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// libpq connection strings: postgresql:// URIs and "key=value" keyword strings, which libpq
// itself reads; and the key scan that words the doctor's messages about them.

#include "connection/connectionstring.h"
#include "connection/libpqconninfo.h"
#include "connection/libpqkeyscan.h"
#include "fuzzsupport.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace {

// The scan that names keys in messages follows libpq's grammar: it finds a problem exactly
// when libpq refuses the string, and the keys libpq sets are the keys it found.
void checkKeyScan(const QString &text)
{
    if (text.contains(QChar(0)))
        return; // parseLibpq refuses it before libpq or the scan sees it
    const std::optional<QMap<QString, QString>> libpq = Fuzz::libpqReads(text);
    const LibpqKeyScan scan = LibpqKeyScan::scan(text);
    if (!libpq) {
        // libpq 18 also refuses unencoded spaces inside URI parts; the scan does not look.
        Fuzz::require(!scan.problem.isEmpty() || PQlibVersion() >= 180000,
            "libpq refuses a string the key scan finds nothing wrong with");
        return;
    }
    Fuzz::require(
        scan.problem.isEmpty(), "the key scan finds a problem libpq does not", scan.problem);
    QSet<QString> scanned;
    for (const QString &key : scan.keys)
        scanned.insert(LibpqConninfo::storedKey(key));
    const QStringList set = libpq->keys();
    Fuzz::require(scanned == QSet<QString>(set.cbegin(), set.cend()),
        "the key scan and libpq disagree on the keys", scan.keys.join(u' '));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = Fuzz::utf8(data, size);
    // A URI only gets past the scheme with one; give every input a chance at it.
    const QString uri = text.contains(u"://") ? text : u"postgresql://"_s + text;
    Fuzz::checkConnection(ConnectionString::parseLibpq(uri));
    Fuzz::checkConnection(ConnectionString::parseLibpq(text));
    Fuzz::checkConnection(ConnectionString::parse(text));
    checkKeyScan(uri);
    checkKeyScan(text);
    return 0;
}

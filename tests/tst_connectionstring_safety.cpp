// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// What every connection-string form must never do: let a value smuggle in another setting
// (RELIABILITY 15), or show the password in a message (RELIABILITY 14 and 18); and the
// port lists the fuzz targets found broken.

#include "connection/connectionstring.h"
#include "connection/libpqconninfo.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A password that exercises every quoting rule: ';' (Npgsql's separator), a single quote,
// a backslash and a space.
const QString sentinel = u"S3ntinel;p'w\\ d"_s;
// Fragments of it that must not appear in any message either.
const QStringList sentinelParts = { u"S3ntinel"_s, u"p'w"_s, u"w\\ d"_s };

bool mentionsSentinel(const QString &text)
{
    for (const QString &part : sentinelParts) {
        if (text.contains(part))
            return true;
    }
    return false;
}

} // namespace

class TestConnectionStringSafety : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rejectsSmuggling_data();
    void rejectsSmuggling();
    void sentinelPassword_data();
    void sentinelPassword();
    void sentinelNeverInMessages_data();
    void sentinelNeverInMessages();
    void libpqRefusalsNameNoSecret_data();
    void libpqRefusalsNameNoSecret();
    // Found by tests/fuzz (fuzz_npgsql, fuzz_libpq, fuzz_environments).
    void portListHasNoBlanks_data();
    void portListHasNoBlanks();
};

void TestConnectionStringSafety::rejectsSmuggling_data()
{
    // RELIABILITY 15: settings hidden inside another setting's value.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::newRow("npgsql app name host=")
        << u"Host=db;Application Name=x host=evil"_s << u"\"host=\""_s;
    QTest::newRow("npgsql app name host =")
        << u"Host=db;Application Name='x host = evil'"_s << u"\"host=\""_s;
    QTest::newRow("npgsql app name password=")
        << u"Host=db;Application Name=\"a password=b\""_s << u"\"password=\""_s;
    QTest::newRow("npgsql app name DBNAME=")
        << u"Host=db;Application Name=x DBNAME=other"_s << u"\"dbname=\""_s;
    QTest::newRow("npgsql app name user=")
        << u"Host=db;Application Name=x\tuser=postgres"_s << u"control character"_s;
    QTest::newRow("npgsql app name leading user=")
        << u"Host=db;Application Name=user=postgres"_s << u"\"user=\""_s;
    QTest::newRow("npgsql app name ;host=")
        << u"Host=db;Application Name='a;host=evil'"_s << u"\"host=\""_s;
    QTest::newRow("npgsql options password=")
        << u"Host=db;Options=-c search_path=x password=y"_s << u"\"password=...\""_s;
    QTest::newRow("npgsql options host=") << u"Host=db;Options=host=evil"_s << u"\"host=...\""_s;
    QTest::newRow("npgsql options --name then host=")
        << u"Host=db;Options=--search_path=a host=b"_s << u"\"host=...\""_s;
    QTest::newRow("npgsql options escaped space")
        << u"Host=db;Options=-c search_path=x\\ host=evil"_s << u"\"host=\""_s;
    QTest::newRow("npgsql options setting value")
        << u"Host=db;Options=-c application_name=user=postgres"_s << u"\"user=\""_s;
    QTest::newRow("npgsql options quote breakout")
        << u"Host=db;Options=\"-c x=1' host='evil\""_s << u"\"host=...\""_s;
    QTest::newRow("npgsql search path")
        << u"Host=db;Search Path=public password=x"_s << u"\"password=\""_s;
    QTest::newRow("npgsql root certificate")
        << u"Host=db;Root Certificate=/a port=1"_s << u"\"port=\""_s;
    QTest::newRow("npgsql database") << u"Host=db;Database=app host=evil"_s << u"database name"_s;
    QTest::newRow("npgsql database uri")
        << u"Host=db;Database=postgresql://evil/x"_s << u"database name"_s;

    QTest::newRow("uri options host=")
        << u"postgresql://db/app?options=host%3Devil"_s << u"\"host=...\""_s;
    QTest::newRow("uri options -c then host=")
        << u"postgresql://db/app?options=-c%20geqo%3Doff%20host%3Devil"_s << u"\"host=...\""_s;
    QTest::newRow("uri app name") << u"postgresql://db/app?application_name=x%20host%3Devil"_s
                                  << u"\"host=\""_s;
    QTest::newRow("uri app name ;host=")
        << u"postgresql://db/app?application_name=a%3Bhost%3Devil"_s << u"\"host=\""_s;
    QTest::newRow("uri app name newline")
        << u"postgresql://db/app?application_name=a%0Ab"_s << u"control character"_s;
    QTest::newRow("uri database") << u"postgresql://db/app%20host%3Devil"_s << u"database name"_s;

    // Quoted, libpq would keep "a host=b" as one harmless value; it is rejected anyway
    // (defence in depth: a later change of quoting or driver cannot turn it into a setting).
    QTest::newRow("kv quoted app name")
        << u"host=db application_name='a host=b'"_s << u"\"host=\""_s;
    QTest::newRow("kv escaped app name")
        << u"host=db application_name=x\\ host=evil"_s << u"\"host=\""_s;
    QTest::newRow("kv options host=")
        << u"host=db options='-c geqo=off host=evil'"_s << u"\"host=...\""_s;
    QTest::newRow("kv options escaped")
        << u"host=db options='-c search_path=a\\\\ password=b'"_s << u"\"password=\""_s;
    QTest::newRow("kv fallback_application_name")
        << u"host=db fallback_application_name='x sslmode=disable'"_s << u"\"sslmode=\""_s;
    QTest::newRow("kv dbname is a conninfo")
        << u"host=db dbname='host=evil'"_s << u"database name"_s;
    QTest::newRow("kv dbname is a uri")
        << u"host=db dbname=postgres://evil/x"_s << u"database name"_s;
}

void TestConnectionStringSafety::rejectsSmuggling()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY(!pc.ok());
    QVERIFY2(pc.error.contains(error), qPrintable(pc.error));
    // The smuggled value itself is not echoed.
    QVERIFY2(!pc.error.contains(u"evil"_s), qPrintable(pc.error));
}

void TestConnectionStringSafety::sentinelPassword_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("npgsql single quotes") << u"Host=db;Password='S3ntinel;p''w\\ d';Username=u"_s;
    QTest::newRow("npgsql double quotes") << u"Host=db;Password=\"S3ntinel;p'w\\ d\";Username=u"_s;
    QTest::newRow("npgsql PWD first") << u"PWD='S3ntinel;p''w\\ d';Host=db;Username=u"_s;
    QTest::newRow("kv quoted") << u"host=db password='S3ntinel;p\\'w\\\\ d' user=u"_s;
    QTest::newRow("kv unquoted escapes") << u"host=db password=S3ntinel;p\\'w\\\\\\ d user=u"_s;
    QTest::newRow("uri encoded") << u"postgresql://u:S3ntinel%3Bp%27w%5C%20d@db/app"_s;
    QTest::newRow("uri encoded lower-case hex") << u"postgresql://u:S3ntinel%3bp%27w%5c%20d@db"_s;
    QTest::newRow("uri query") << u"postgresql://u@db?password=S3ntinel%3Bp%27w%5C%20d"_s;
}

void TestConnectionStringSafety::sentinelPassword()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QCOMPARE(pc.spec.password, sentinel);
    QCOMPARE(pc.spec.user, u"u"_s);
    QCOMPARE(pc.spec.host, u"db"_s);
    QVERIFY(pc.warnings.isEmpty());
    QVERIFY(!mentionsSentinel(pc.spec.describe()));
    // What libpq receives and files are written with: the fields, never the password.
    const QString conninfo = pc.spec.toKeywordString();
    QVERIFY2(
        conninfo.startsWith(u"host=db "_s) && conninfo.contains(u"user=u"_s), qPrintable(conninfo));
    QVERIFY2(!mentionsSentinel(conninfo), qPrintable(conninfo));
    QVERIFY2(!conninfo.contains(u"password"_s), qPrintable(conninfo));
}

void TestConnectionStringSafety::sentinelNeverInMessages_data()
{
    // RELIABILITY 14/18: broken strings around the sentinel; the error must not repeat it.
    QTest::addColumn<QString>("text");
    QTest::newRow("npgsql unquoted") << u"Host=db;Password=S3ntinel;p'w\\ d"_s;
    QTest::newRow("npgsql unquoted then key") << u"Host=db;Password=S3ntinel;p'w\\ d;Port=1"_s;
    QTest::newRow("npgsql bad single quoting") << u"Host=db;Password='S3ntinel;p'w\\ d'"_s;
    QTest::newRow("npgsql unterminated") << u"Host=db;Password=\"S3ntinel;p'w\\ d"_s;
    QTest::newRow("kv unquoted") << u"host=db password=S3ntinel;p'w\\ d"_s;
    QTest::newRow("kv unquoted first") << u"password=S3ntinel;p'w\\ d host=db"_s;
    QTest::newRow("kv bad quoting") << u"host=db password='S3ntinel;p'w\\ d'"_s;
    QTest::newRow("kv unterminated") << u"host=db password='S3ntinel;p\\'w\\ d"_s;
    QTest::newRow("uri bad encoding") << u"postgresql://u:S3ntinel%zzp'w\\ d@db/app"_s;
    QTest::newRow("uri password shifted to port") << u"postgresql://u:S3ntinel;p'w/x@db"_s;
    QTest::newRow("uri query no =") << u"postgresql://db?password=S3ntinel&p'w\\ d"_s;
    QTest::newRow("uri query second =") << u"postgresql://db?password=S3ntinel=p'w\\ d"_s;
    QTest::newRow("uri query bad encoding") << u"postgresql://db?password=S3ntinel%g1p'w"_s;
    QTest::newRow("npgsql password then bad port")
        << u"Host=db;Password='S3ntinel;p''w\\ d';Port=x"_s;
    QTest::newRow("kv password then smuggling")
        << u"password='S3ntinel;p\\'w\\\\ d' host=db application_name='a host=b'"_s;
    QTest::newRow("npgsql password and unknown key")
        << u"Host=db;Password='S3ntinel;p''w\\ d';Flavour=x;Pooling=true"_s;
}

void TestConnectionStringSafety::sentinelNeverInMessages()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(!mentionsSentinel(pc.error), qPrintable(pc.error));
    for (const QString &warning : pc.warnings)
        QVERIFY2(!mentionsSentinel(warning), qPrintable(warning));
    if (!pc.ok())
        QVERIFY(pc.spec.password.isEmpty());
}

void TestConnectionStringSafety::libpqRefusalsNameNoSecret_data()
{
    // libpq's own message for each of these quotes the password, or part of it: the doctor
    // asks libpq for no message and says what is wrong in its own words.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error"); // a fragment of the doctor's message
    QTest::newRow("kv unquoted space") // libpq: missing "=" after "Secret"
        << u"host=db password=Hunter2 Secret"_s << u"after the value of \"password\""_s;
    QTest::newRow("kv word after password") // libpq: invalid connection option "Secret"
        << u"host=db password=Hunter2 Secret=x"_s << u"after the password"_s;
    QTest::newRow("kv unterminated") << u"host=db password='Hunter2 Secret"_s << u"never closed"_s;
    QTest::newRow("uri bad percent") // libpq: invalid percent-encoded token: "Hunter2%zzSecret"
        << u"postgresql://u:Hunter2%zzSecret@db/app"_s << u"percent-encoding"_s;
    QTest::newRow("uri raw @") // libpq accepts it, with "Secret@db" as the host name
        << u"postgresql://u:Hunter2@Secret@db/app"_s << u"%40"_s;
    QTest::newRow("uri parameter after password") // libpq: invalid URI query parameter: "Secret"
        << u"postgresql://db?password=Hunter2&Secret=1"_s << u"after the password"_s;
    QTest::newRow("uri password as port") // libpq accepts it, with "Hunter2Secret" as the port
        << u"postgresql://u:Hunter2Secret/x@db"_s << u"\"port\""_s;
}

void TestConnectionStringSafety::libpqRefusalsNameNoSecret()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY(!pc.ok());
    QVERIFY2(pc.error.contains(error), qPrintable(pc.error));
    // A named list: "QStringList(...) << x" in the range-for would be a reference to a
    // temporary that dies before the loop runs (ASan: stack-use-after-scope).
    const QStringList messages = QStringList(pc.warnings) << pc.error;
    for (const QString &message : messages) {
        QVERIFY2(
            !message.contains(u"Hunter2"_s) && !message.contains(u"Secret"_s), qPrintable(message));
        // None of libpq's own messages got through.
        QVERIFY2(!message.contains(u"connection info string"_s)
                && !message.contains(u"URI query parameter:"_s)
                && !message.contains(u"percent-encoded token"_s),
            qPrintable(message));
    }
    QVERIFY(pc.spec.password.isEmpty());
}

void TestConnectionStringSafety::portListHasNoBlanks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("port");
    // A blank after a port used to stay in the list: libpq ends an unquoted list at the
    // blank, and a blank-only port reached QSqlDatabase::setPort() as 0.
    QTest::newRow("uri form feed") << u"postgresql://a,b:543\f/ap2"_s << u",543"_s;
    QTest::newRow("uri blank port") << u"postgresql://pos/db?port=\r"_s << QString();
    QTest::newRow("uri spaces") << u"postgresql://dt: 3, x,,y/db"_s << u"3,,,"_s;
    QTest::newRow("npgsql host ports") << u"Host=a: 5432,b:5433 ;Database=d"_s << u"5432,5433"_s;
    QTest::newRow("npgsql quoted port") << u"Host=a;Port=' 5432 '"_s << u"5432"_s;
    QTest::newRow("keyword quoted list") << u"host=a,b port='5432, 5433'"_s << u"5432,5433"_s;
}

void TestConnectionStringSafety::portListHasNoBlanks()
{
    QFETCH(QString, text);
    if (text.startsWith(u"postgresql://") && !LibpqConninfo::parse(text))
        QSKIP("this libpq refuses the URI (libpq 18 refuses unencoded spaces in it)");
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QTEST(pc.spec.port, "port");
}

QTEST_GUILESS_MAIN(TestConnectionStringSafety)
#include "tst_connectionstring_safety.moc"

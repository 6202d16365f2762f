// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// AppSettings: malformed files and values name the file, line and column (RELIABILITY 16),
// never the password; .NET's JSON dialect.

#include "appsettingsfiles.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace AppSettingsFiles;

class TestAppSettingsErrors : public Fixture
{
    Q_OBJECT
private Q_SLOTS:
    // RELIABILITY 16: the file, line and column of what is wrong; nothing crashes.
    void malformed_data()
    {
        QTest::addColumn<Files>("files");
        QTest::addColumn<QStringList>("vars");
        QTest::addColumn<QString>("where"); // "FILE:LINE:COL: "
        QTest::addColumn<QString>("what");

        const QString base = u"appsettings.json"_s;
        QTest::newRow("missing comma")
            << Files { { base, u"{\n  \"A\": 1\n  \"B\": 2\n}\n"_s } } << QStringList()
            << u"appsettings.json:3:3: "_s << u"unterminated object"_s;
        QTest::newRow("bad literal after multi-byte text")
            << Files { { base, u"{\n  \"Ä\": \"é\", \"B\": tru\n}"_s } } << QStringList()
            << u"appsettings.json:2:21: "_s << u"illegal value"_s;
        QTest::newRow("garbage after the object")
            << Files { { base, u"{\"A\": 1} x"_s } } << QStringList()
            << u"appsettings.json:1:10: "_s << u"garbage"_s;
        QTest::newRow("in the environment file")
            << Files { { base, u"{}"_s },
                   { u"appsettings.Staging.json"_s, u"{\n\n  \"A\": [1,\n"_s } }
            << QStringList { u"DOTNET_ENVIRONMENT=Staging"_s } << u"appsettings.Staging.json:"_s
            << u"fix the JSON"_s;
        QTest::newRow("unterminated comment")
            << Files { { base, u"{\n  \"A\": 1 /* never closed\n}"_s } } << QStringList()
            << u"appsettings.json:2:10: "_s << u"unterminated /* comment"_s;
        QTest::newRow("empty file") << Files { { base, u""_s } } << QStringList()
                                    << u"appsettings.json:1:1: "_s << u"empty"_s;
        QTest::newRow("top level array") << Files { { base, u"[1, 2]"_s } } << QStringList()
                                         << u"appsettings.json:1:1: "_s << u"must be an object"_s;
        QTest::newRow("duplicate key differing in case")
            << Files { { base, u"{\"Database\": {\"Port\": 1}, \"database\": {\"port\": 2}}"_s } }
            << QStringList() << u"appsettings.json: "_s << u"duplicate key"_s;
        QTest::newRow("missing appsettings.json")
            << Files() << QStringList() << u"appsettings.json: "_s << u"cannot read"_s;
        const QString badPort
            = uR"({"ConnectionStrings": {"StellaOps": "Host=h;Port=many;Password=Secret-1"}})"_s;
        QTest::newRow("bad connection string")
            << Files { { base, badPort } } << QStringList()
            << u"appsettings.json (ConnectionStrings:StellaOps): "_s << u""_s;
        QTest::newRow("environment name with a slash")
            << Files { { base, u"{}"_s } } << QStringList { u"DOTNET_ENVIRONMENT=../x"_s }
            << u"'../x' is not a .NET environment name"_s << u""_s;
    }

    void malformed()
    {
        QFETCH(Files, files);
        QFETCH(QStringList, vars);
        QFETCH(QString, where);
        QFETCH(QString, what);
        const AppSettingsResult r = resolveFiles(files, vars);
        QVERIFY(!r.ok());
        QVERIFY(!r.connection);
        QVERIFY2(r.error.contains(where), qPrintable(r.error));
        QVERIFY2(r.error.contains(what), qPrintable(r.error));
        QVERIFY2(!r.error.contains(u"Secret-1"), qPrintable(r.error));
    }

    // A device reports size 0; reading it whole never ended (found reviewing for tests/fuzz).
    void deviceFileIsBounded()
    {
        if (!QFileInfo::exists(u"/dev/zero"_s))
            QSKIP("no /dev/zero here");
        const AppSettingsResult r = AppSettings::resolve(u"/dev/zero"_s, {}, vars({}));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(u"larger than 4 MiB"), qPrintable(r.error));
    }

    // A "//" or "/*" inside a string is text, and an escaped quote does not end the string.
    void commentMarkersInsideStrings()
    {
        const AppSettingsResult r = resolveFiles({ { u"appsettings.json"_s,
            uR"({"ConnectionStrings": {"StellaOps": "Host=h;Password='a//b /* \" c'"}, // real
            })"_s } });
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.connection);
        QCOMPARE(r.connection->password, u"a//b /* \" c"_s);
    }
};

QTEST_GUILESS_MAIN(TestAppSettingsErrors)
#include "tst_appsettings_errors.moc"

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "kb/kbplaceholders.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestKbPlaceholders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void find_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("kubectl")
            << u"kubectl -n <namespace> exec -it <platform-pod> -- stella db migrate"_s
            << QStringList({ u"namespace"_s, u"platform-pod"_s });
        QTest::newRow("unique, in order")
            << u"<b> <a> <b> <a2>"_s << QStringList({ u"b"_s, u"a"_s, u"a2"_s });
        QTest::newRow("adjacent") << u"<db-host>:<db-port>/<db-name>"_s
                                  << QStringList({ u"db-host"_s, u"db-port"_s, u"db-name"_s });
        QTest::newRow("inside quotes") << u"psql \"host=<db-host> sslrootcert=<ca-file>\""_s
                                       << QStringList({ u"db-host"_s, u"ca-file"_s });
        QTest::newRow("heredoc") << u"kubectl apply -f - <<EOF\nimage: x:<platform-version>\nEOF"_s
                                 << QStringList { u"platform-version"_s };
        QTest::newRow("quoted heredoc") << u"cat <<'EOF'\nx\nEOF"_s << QStringList();
        QTest::newRow("lower-case heredoc") << u"cat <<eof>out.txt\nx\neof"_s << QStringList();
        QTest::newRow("dash heredoc") << u"cat <<-end>x"_s << QStringList();
        QTest::newRow("here-string") << u"cat <<<word>x"_s << QStringList();
        QTest::newRow("redirections")
            << u"psql < file > out; diff <(a) <(b); x 2>&1"_s << QStringList();
        QTest::newRow("not a name")
            << u"<NAME> <1abc> <a b> <> <a_b> a <= b >= c <-x>"_s << QStringList();
        QTest::newRow("sql operator") << u"WHERE pid <> pg_backend_pid()"_s << QStringList();
    }
    void find()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, names);
        QCOMPARE(KbPlaceholders::find(text), names);
    }

    void fill_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const QString cmd
            = u"kubectl -n <namespace> exec -it <platform-pod> -- stella db migrate"_s;
        QTest::newRow("known and unknown")
            << cmd << u"kubectl -n prod exec -it <platform-pod> -- stella db migrate"_s;
        QTest::newRow("repeated") << u"<namespace>/<namespace>"_s << u"prod/prod"_s;
        QTest::newRow("adjacent") << u"<db-host>:<db-port>"_s << u"db.example:5432"_s;
        QTest::newRow("value not re-expanded") << u"[<tricky>]"_s << u"[<namespace>]"_s;
        QTest::newRow("heredoc untouched")
            << u"cat <<eof>\n<namespace>\neof"_s << u"cat <<eof>\nprod\neof"_s;
        QTest::newRow("no placeholders") << u"echo done"_s << u"echo done"_s;
        QTest::newRow("empty") << QString() << QString();
    }
    void fill()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QMap<QString, QString> values = {
            { u"namespace"_s, u"prod"_s },
            { u"db-host"_s, u"db.example"_s },
            { u"db-port"_s, u"5432"_s },
            { u"tricky"_s, u"<namespace>"_s },
            { u"eof"_s, u"SHOULD-NOT-APPEAR"_s },
        };
        QCOMPARE(KbPlaceholders::fill(text, values), expected);
    }

    void fillWithNoValuesLeavesTextAlone()
    {
        const QString text = u"docker compose -f <compose-file> exec platform stella db migrate"_s;
        QCOMPARE(KbPlaceholders::fill(text, {}), text);
    }

    // Sorted and unique, so `kb lint` can list it as is; it holds what the demo supplies.
    void knownNames()
    {
        const QStringList known = KbPlaceholders::known();
        QStringList sorted = known;
        sorted.sort();
        sorted.removeDuplicates();
        QCOMPARE(known, sorted);
        for (const QString &name :
            { u"compose-file"_s, u"namespace"_s, u"platform-pod"_s, u"service-name"_s })
            QVERIFY2(known.contains(name), qPrintable(name));
        for (const QString &name : known)
            QCOMPARE(KbPlaceholders::find(u'<' + name + u'>'), QStringList { name });
    }
};

QTEST_GUILESS_MAIN(TestKbPlaceholders)
#include "tst_kbplaceholders.moc"

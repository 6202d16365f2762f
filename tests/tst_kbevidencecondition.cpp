// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "kb/kbevidencecondition.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

KbEvidenceCondition parsed(const QString &text)
{
    const KbEvidenceCondition::Parsed p = KbEvidenceCondition::parse(text);
    if (!p.ok())
        qFatal("%s: %s", qPrintable(text), qPrintable(p.error));
    return p.condition;
}

// A wrong password as the connectivity check reports it.
const Evidence WrongPassword { { u"Reachable"_s, true }, { u"Authenticated"_s, false },
    { u"ConnectFailure"_s, u"AuthenticationFailed"_s } };
const Evidence ServerDown { { u"Reachable"_s, false },
    { u"ConnectFailure"_s, u"ConnectionRefused"_s } };
const Evidence Pending { { u"TableExists"_s, true }, { u"PendingCount"_s, 7 },
    { u"Status"_s, u"pending"_s }, { u"PendingMigrations"_s, QStringList { u"a"_s } } };
const Evidence Unknown { { u"TableExists"_s, true }, { u"PendingCount"_s, u"unknown"_s },
    { u"Status"_s, u"unknown"_s }, { u"PendingMigrations"_s, QVariant() } };

} // namespace

class TestKbEvidenceCondition : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<Evidence>("evidence");
        QTest::addColumn<bool>("match");
        QTest::newRow("bool true") << u"Authenticated=false"_s << WrongPassword << true;
        QTest::newRow("bool other value") << u"Reachable=false"_s << WrongPassword << false;
        QTest::newRow("server down") << u"Reachable=false"_s << ServerDown << true;
        // The server never judged the credentials: the key is absent, nothing matches it.
        QTest::newRow("absent key, =") << u"Authenticated=false"_s << ServerDown << false;
        QTest::newRow("absent key, !=") << u"Authenticated!=true"_s << ServerDown << false;
        QTest::newRow("and, both")
            << u"Reachable=true, Authenticated=false"_s << WrongPassword << true;
        QTest::newRow("and word, one fails")
            << u"Reachable = true and Authenticated = true"_s << WrongPassword << false;
        QTest::newRow("or, second")
            << u"Reachable=false | Authenticated=false"_s << WrongPassword << true;
        QTest::newRow("or word, none")
            << u"Reachable=false or Authenticated=true"_s << WrongPassword << false;
        QTest::newRow("and binds tighter")
            << u"Reachable=false, Authenticated=false | ConnectFailure=AuthenticationFailed"_s
            << WrongPassword << true;
        QTest::newRow("text =") << u"ConnectFailure=AuthenticationFailed"_s << WrongPassword
                                << true;
        QTest::newRow("text is case-sensitive")
            << u"ConnectFailure=authenticationfailed"_s << WrongPassword << false;
        QTest::newRow("text !=") << u"ConnectFailure!=AuthenticationFailed"_s << ServerDown << true;
        QTest::newRow("quoted text") << u"Status=\"pending\""_s << Pending << true;
        QTest::newRow("bare text with dashes") << u"Status!=up-to-date"_s << Pending << true;
        QTest::newRow("number >") << u"PendingCount>0"_s << Pending << true;
        QTest::newRow("number >=") << u"PendingCount>=7"_s << Pending << true;
        QTest::newRow("number <") << u"PendingCount<7"_s << Pending << false;
        QTest::newRow("number <=") << u"PendingCount<=7.5"_s << Pending << true;
        QTest::newRow("number =") << u"PendingCount=7"_s << Pending << true;
        QTest::newRow("number against text") << u"PendingCount>0"_s << Unknown << false;
        QTest::newRow("number against text !=") << u"PendingCount!=0"_s << Unknown << false;
        QTest::newRow("or rescues unknown")
            << u"PendingCount>0 | TableExists=false"_s << Unknown << false;
        QTest::newRow("bool against number") << u"PendingCount=true"_s << Pending << false;
        QTest::newRow("number against bool") << u"TableExists=1"_s << Pending << false;
        QTest::newRow("list never compares") << u"PendingMigrations=a"_s << Pending << false;
        QTest::newRow("null never compares") << u"PendingMigrations!=x"_s << Unknown << false;
        QTest::newRow("always") << u"always"_s << Evidence() << true;
        QTest::newRow("ALWAYS") << u"  ALWAYS "_s << Evidence() << true;
        QTest::newRow("bool from text evidence")
            << u"Reachable=true"_s << Evidence { { u"Reachable"_s, u"true"_s } } << true;
        QTest::newRow("number from text evidence")
            << u"LatencyMs>=1.5"_s << Evidence { { u"LatencyMs"_s, u"2.25"_s } } << true;
        QTest::newRow("negative number") << u"Delta>-1"_s << Evidence { { u"Delta"_s, 0 } } << true;
    }

    void matches()
    {
        QFETCH(QString, condition);
        QFETCH(Evidence, evidence);
        QFETCH(bool, match);
        QCOMPARE(parsed(condition).matches(evidence), match);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << u"  "_s << 3 << u"empty condition"_s;
        QTest::newRow("double equals") << u"Reachable==false"_s << 10 << u"bad operator \"==\""_s;
        QTest::newRow("not equal <>") << u"Reachable<>false"_s << 10 << u"write \"!=\""_s;
        QTest::newRow("=>") << u"PendingCount=>1"_s << 13 << u"write \">=\""_s;
        QTest::newRow(">>") << u"PendingCount>>1"_s << 13 << u"bad operator \">>\""_s;
        QTest::newRow("no operator") << u"Reachable"_s << 10 << u"expected an operator"_s;
        QTest::newRow("word operator")
            << u"Reachable is false"_s << 11 << u"bad operator after \"Reachable\""_s;
        QTest::newRow("no value") << u"Reachable="_s << 11 << u"expected a value"_s;
        QTest::newRow("no key") << u"=false"_s << 1 << u"expected an evidence key"_s;
        QTest::newRow("trailing comma")
            << u"Reachable=false,"_s << 17 << u"a comparison is missing"_s;
        QTest::newRow("double bar") << u"A=1 || B=2"_s << 5 << u"write one \"|\""_s;
        QTest::newRow("ampersand") << u"A=1 && B=2"_s << 5 << u"\",\" or \"and\""_s;
        QTest::newRow("junk after") << u"A=1 B=2"_s << 5 << u"expected \",\" (and) or \"|\""_s;
        QTest::newRow("unclosed quote") << u"Status=\"pend"_s << 8 << u"no closing \""_s;
        QTest::newRow("quote in bare") << u"Status=pe\"nd"_s << 10 << u"put text with such"_s;
        QTest::newRow("always with more") << u"always, A=1"_s << 1 << u"stands alone"_s;
        QTest::newRow("key is and") << u"A=1, and=2"_s << 6 << u"expected an evidence key"_s;
    }

    void errors()
    {
        QFETCH(QString, condition);
        QFETCH(int, column);
        QFETCH(QString, message);
        const KbEvidenceCondition::Parsed p = KbEvidenceCondition::parse(condition);
        QVERIFY2(!p.ok(), qPrintable(condition));
        QVERIFY2(p.error.contains(message), qPrintable(p.error));
        QCOMPARE(p.column, column);
        QVERIFY(p.condition.isAlways()); // nothing half-parsed is kept
    }

    void canonicalText()
    {
        QCOMPARE(parsed(u"Reachable=true,Authenticated=false|ConnectFailure = \"Auth Failed\""_s)
                     .toString(),
            u"Reachable = true, Authenticated = false | ConnectFailure = \"Auth Failed\""_s);
        QCOMPARE(parsed(u"PendingCount>0 or TableExists=FALSE"_s).toString(),
            u"PendingCount > 0 | TableExists = false"_s);
        QCOMPARE(parsed(u"LatencyMs >= 2.50 and Status != up-to-date"_s).toString(),
            u"LatencyMs >= 2.5, Status != up-to-date"_s);
        QCOMPARE(parsed(u"Version=\"17\""_s).toString(), u"Version = \"17\""_s); // stays text
        QCOMPARE(parsed(u"always"_s).toString(), u"always"_s);
        // The canonical text parses back to the same condition.
        const QString text = parsed(u"A='x, y' | B<=-3"_s).toString();
        QCOMPARE(parsed(text).toString(), text);
    }

    void keys()
    {
        QCOMPARE(parsed(u"Reachable=false | Reachable=true, Authenticated=false"_s).keys(),
            (QStringList { u"Reachable"_s, u"Authenticated"_s }));
        QVERIFY(parsed(u"always"_s).keys().isEmpty());
    }

    void quotedValueIsText()
    {
        const KbEvidenceCondition c = parsed(u"Flag=\"true\""_s);
        QCOMPARE(c.alternatives().first().first().value.typeId(), int(QMetaType::QString));
        QCOMPARE(parsed(u"Flag=true"_s).alternatives().first().first().value.typeId(),
            int(QMetaType::Bool));
        QCOMPARE(parsed(u"N=0x10"_s).alternatives().first().first().value.typeId(),
            int(QMetaType::QString)); // not a number in C locale
        QCOMPARE(parsed(u"N=inf"_s).alternatives().first().first().value.typeId(),
            int(QMetaType::QString));
    }

    void splitWhenLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("found");
        QTest::addColumn<QString>("condition");
        QTest::addColumn<QString>("rest");
        QTest::newRow("bash") << u"# When: Reachable=false\nsudo x"_s << true
                              << u"Reachable=false"_s << u"sudo x"_s;
        QTest::newRow("sql") << u"-- when : A=1\nSELECT 1;"_s << true << u"A=1"_s << u"SELECT 1;"_s;
        QTest::newRow("json") << u"//When:A=1\n{}"_s << true << u"A=1"_s << u"{}"_s;
        QTest::newRow("only line") << u"# When: always"_s << true << u"always"_s << QString();
        QTest::newRow("not first line")
            << u"echo\n# When: A=1"_s << false << QString() << u"echo\n# When: A=1"_s;
        QTest::newRow("other comment")
            << u"# Evidence: A - b\nx"_s << false << QString() << u"# Evidence: A - b\nx"_s;
        QTest::newRow("whenever is not when")
            << u"# Whenever: x\ny"_s << false << QString() << u"# Whenever: x\ny"_s;
        QTest::newRow("no comment marker")
            << u"When: A=1\nx"_s << false << QString() << u"When: A=1\nx"_s;
    }

    void splitWhenLine()
    {
        QFETCH(QString, text);
        QFETCH(bool, found);
        QFETCH(QString, condition);
        QFETCH(QString, rest);
        const KbEvidenceCondition::WhenLine w = KbEvidenceCondition::splitWhenLine(text);
        QCOMPARE(w.found, found);
        QCOMPARE(w.condition, condition);
        QCOMPARE(w.rest, rest);
        if (found)
            QCOMPARE(text.mid(w.offset, condition.size()), condition);
    }
};

QTEST_GUILESS_MAIN(TestKbEvidenceCondition)
#include "tst_kbevidencecondition.moc"

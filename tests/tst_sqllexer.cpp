// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// SqlLexer: code versus comments and strings in PostgreSQL and T-SQL scripts, with lines,
// and the token helpers the idempotent-script reader uses.

#include "migrations/sqllexer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using SqlLex::SqlLexer;
using SqlLex::Token;

namespace {

QString typeName(Token::Type type)
{
    switch (type) {
    case Token::End:
        return u"end"_s;
    case Token::Word:
        return u"word"_s;
    case Token::Ident:
        return u"ident"_s;
    case Token::String:
        return u"string"_s;
    case Token::Symbol:
        return u"symbol"_s;
    }
    return {};
}

// Every token up to End as "LINE TYPE TEXT".
QStringList lex(const QString &sql)
{
    QStringList tokens;
    SqlLexer lexer(sql);
    for (Token t = lexer.next(); t.type != Token::End; t = lexer.next())
        tokens << u"%1 %2 %3"_s.arg(t.line).arg(typeName(t.type), t.text);
    return tokens;
}

Token first(const QString &sql)
{
    return SqlLexer(sql).next();
}

} // namespace

class TestSqlLexer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokens_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("tokens");
        QTest::newRow("words and symbols") << u"SELECT a, 1;"_s
                                           << QStringList { u"1 word SELECT"_s, u"1 word a"_s,
                                                  u"1 symbol ,"_s, u"1 word 1"_s, u"1 symbol ;"_s };
        QTest::newRow("T-SQL and parameter names are words")
            << u"@var #tmp a$b"_s
            << QStringList { u"1 word @var"_s, u"1 word #tmp"_s, u"1 word a$b"_s };
        QTest::newRow("line comment") << u"-- INSERT INTO h\nx"_s << QStringList { u"2 word x"_s };
        QTest::newRow("nested block comment")
            << u"/* a /* b */ still a comment */ x"_s << QStringList { u"1 word x"_s };
        QTest::newRow("block comment over lines")
            << u"/*\n\n*/x"_s << QStringList { u"3 word x"_s };
        QTest::newRow("doubled quote")
            << u"'it''s' x"_s << QStringList { u"1 string 'it''s'"_s, u"1 word x"_s };
        QTest::newRow("N and E prefixes") << u"N'a' n'b' E'c\\'d' e'f'"_s
                                          << QStringList { u"1 string N'a'"_s, u"1 string n'b'"_s,
                                                 u"1 string E'c\\'d'"_s, u"1 string e'f'"_s };
        QTest::newRow("backslash is no escape in a plain string")
            << u"'a\\' x"_s << QStringList { u"1 string 'a\\'"_s, u"1 word x"_s };
        QTest::newRow("a word ending in N or E before a quote is not a prefix")
            << u"WHEN'a'"_s << QStringList { u"1 word WHEN"_s, u"1 string 'a'"_s };
        QTest::newRow("quoted names")
            << u"\"a\"\"b\" [c]]d]"_s
            << QStringList { u"1 ident \"a\"\"b\""_s, u"1 ident [c]]d]"_s };
        QTest::newRow("string over lines")
            << u"'a\nb' x\ny"_s
            << QStringList { u"1 string 'a\nb'"_s, u"2 word x"_s, u"3 word y"_s };
        QTest::newRow("escaped line break in E''")
            << u"E'a\\\nb' x"_s << QStringList { u"1 string E'a\\\nb'"_s, u"2 word x"_s };
        QTest::newRow("dollar quotes")
            << u"$fn$ a'b $x$ $fn$ $$c$$"_s
            << QStringList { u"1 string $fn$ a'b $x$ $fn$"_s, u"1 string $$c$$"_s };
        QTest::newRow("dollar tags are case-sensitive")
            << u"$a$ x $A$ y $a$ z"_s
            << QStringList { u"1 string $a$ x $A$ y $a$"_s, u"1 word z"_s };
        QTest::newRow("dollar string over lines")
            << u"$$\n\n$$ x"_s << QStringList { u"1 string $$\n\n$$"_s, u"3 word x"_s };
        QTest::newRow("$1 is a parameter, not a quote")
            << u"SELECT $1"_s << QStringList { u"1 word SELECT"_s, u"1 symbol $"_s, u"1 word 1"_s };
        QTest::newRow("DO body is code")
            << u"DO $EF$\nBEGIN INSERT; END $EF$;"_s
            << QStringList { u"1 word DO"_s, u"2 word BEGIN"_s, u"2 word INSERT"_s, u"2 symbol ;"_s,
                   u"2 word END"_s, u"2 symbol ;"_s };
        QTest::newRow("do $$ in lower case")
            << u"do $$ x $$"_s << QStringList { u"1 word do"_s, u"1 word x"_s };
        QTest::newRow("a function body inside DO is a string")
            << u"DO $EF$ AS $fn$ INSERT $fn$ $EF$ x"_s
            << QStringList { u"1 word DO"_s, u"1 word AS"_s, u"1 string $fn$ INSERT $fn$"_s,
                   u"1 word x"_s };
        QTest::newRow("a dollar quote not after DO is a string")
            << u"SELECT $EF$ INSERT $EF$"_s
            << QStringList { u"1 word SELECT"_s, u"1 string $EF$ INSERT $EF$"_s };
        QTest::newRow("BOM, CRLF")
            << QString(QChar(0xFEFF) + u"a\r\nb"_s) << QStringList { u"1 word a"_s, u"2 word b"_s };
        QTest::newRow("unterminated string runs to the end")
            << u"x 'abc\ndef"_s << QStringList { u"1 word x"_s, u"1 string 'abc\ndef"_s };
        QTest::newRow("unterminated dollar quote runs to the end")
            << u"$q$ abc"_s << QStringList { u"1 string $q$ abc"_s };
        QTest::newRow("unterminated comment runs to the end")
            << u"x /* abc"_s << QStringList { u"1 word x"_s };
        QTest::newRow("lone quote at the end")
            << u"x '"_s << QStringList { u"1 word x"_s, u"1 string '"_s };
        QTest::newRow("empty") << QString() << QStringList {};
    }
    void tokens()
    {
        QFETCH(QString, sql);
        QTEST(lex(sql), "tokens");
    }

    void endRepeats()
    {
        SqlLexer lexer(u"x"_s);
        QCOMPARE(lexer.next().type, Token::Word);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(lexer.next().type, Token::End);
    }

    void copyLooksAheadAndRewinds()
    {
        const QString sql = u"a\nb c"_s;
        SqlLexer lexer(sql);
        QCOMPARE(lexer.next().text, u"a"_s);
        SqlLexer ahead = lexer;
        QCOMPARE(ahead.next().text, u"b"_s);
        QCOMPARE(ahead.next().text, u"c"_s);
        const Token b = lexer.next(); // the original did not move
        QCOMPARE(b.text, u"b"_s);
        QCOMPARE(b.line, 2);
    }

    // A script cut anywhere (a failed copy): lexing ends, every token views the input
    // in order, and lines never go back.
    void cutAnywhereStaysSafe()
    {
        const QString sql = u"-- c\nDO $EF$\nBEGIN /* x /* y */ */ IF NOT EXISTS(SELECT 1 FROM "
                            "\"h\" WHERE [id] = N'1_A''s') THEN\n  CREATE FUNCTION f() AS $fn$ "
                            "'q' $fn$; INSERT INTO h VALUES (E'a\\'b', $$v$$, $1);\nEND IF;\n"
                            "END $EF$;\n"_s;
        for (qsizetype cut = 0; cut <= sql.size(); ++cut) {
            const QStringView text = QStringView(sql).first(cut);
            SqlLexer lexer(text);
            qsizetype end = 0;
            int line = 1;
            int count = 0;
            for (Token t = lexer.next(); t.type != Token::End; t = lexer.next()) {
                QVERIFY(++count <= cut);
                QVERIFY(!t.text.isEmpty());
                const qsizetype at = t.text.data() - text.data();
                QVERIFY2(at >= end && at + t.text.size() <= cut, qPrintable(t.text.toString()));
                end = at + t.text.size();
                QVERIFY(t.line >= line);
                QCOMPARE(t.line, int(text.first(at).count(u'\n')) + 1);
                line = t.line;
            }
        }
    }

    void identName_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("name");
        QTest::newRow("word as written") << u"MigrationId"_s << u"MigrationId"_s;
        QTest::newRow("double quotes") << u"\"Migration\"\"Id\""_s << u"Migration\"Id"_s;
        QTest::newRow("brackets") << u"[Migration]]Id]"_s << u"Migration]Id"_s;
        QTest::newRow("empty quotes") << u"\"\""_s << QString();
        QTest::newRow("unterminated") << u"\""_s << u"\""_s;
    }
    void identName()
    {
        QFETCH(QString, sql);
        QTEST(SqlLex::identName(first(sql)), "name");
    }

    void stringValue_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("value");
        QTest::newRow("plain") << u"'1_A'"_s << u"1_A"_s;
        QTest::newRow("doubled quote") << u"'it''s'"_s << u"it's"_s;
        QTest::newRow("N''") << u"N'1_A'"_s << u"1_A"_s;
        QTest::newRow("backslash kept in a plain string") << u"'a\\b'"_s << u"a\\b"_s;
        QTest::newRow("E'' escapes") << u"E'a\\'b\\\\c'"_s << u"a'b\\c"_s;
        QTest::newRow("e'' with a doubled quote") << u"e'a''b'"_s << u"a'b"_s;
        QTest::newRow("dollar tag") << u"$tag$ it's $tag$"_s << u" it's "_s;
        QTest::newRow("empty dollar tag") << u"$$x$$"_s << u"x"_s;
        QTest::newRow("empty") << u"''"_s << QString();
        QTest::newRow("unterminated") << u"'abc"_s << u"abc"_s;
        QTest::newRow("unterminated dollar quote") << u"$t$"_s << QString();
        QTest::newRow("unterminated dollar quote with text") << u"$t$abc"_s << u"abc"_s;
    }
    void stringValue()
    {
        QFETCH(QString, raw);
        // An unterminated quote's value is what follows it: no closing tag is taken off.
        QTEST(SqlLex::stringValue(raw), "value");
    }

    void helpers()
    {
        QVERIFY(SqlLex::isKeyword(first(u"insert"_s), u"INSERT"));
        QVERIFY(!SqlLex::isKeyword(first(u"\"INSERT\""_s), u"INSERT")); // a quoted name
        QVERIFY(!SqlLex::isKeyword(first(u"INSERTS"_s), u"INSERT"));
        QVERIFY(SqlLex::isSymbol(first(u"("_s), u'('));
        QVERIFY(!SqlLex::isSymbol(first(u"'('"_s), u'('));
        QVERIFY(SqlLex::isIdent(first(u"a"_s)));
        QVERIFY(SqlLex::isIdent(first(u"[a b]"_s)));
        QVERIFY(!SqlLex::isIdent(first(u"'a'"_s)));
        QVERIFY(SqlLex::isColumn(first(u"[MIGRATIONID]"_s), u"MigrationId"));
        QVERIFY(SqlLex::isColumn(first(u"\"migrationid\""_s), u"MigrationId"));
        QVERIFY(!SqlLex::isColumn(first(u"'MigrationId'"_s), u"MigrationId"));
        QVERIFY(!SqlLex::isColumn(first(u"MigrationIds"_s), u"MigrationId"));
    }
};

QTEST_GUILESS_MAIN(TestSqlLexer)
#include "tst_sqllexer.moc"

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// CSharpClasses: the C# scanner behind ExpectedMigrations::fromMigrationsFolder().

#include "migrations/csharpclasses.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Argument = CSharpAttribute::Argument;

namespace {

// A class as "line fullName : bases [attribute=argument ...]"; a string or typeof argument
// is shown with its value, others by the attribute's name alone.
QString describe(const CSharpClass &c)
{
    QString text = u"%1 %2 :"_s.arg(c.line).arg(c.fullName);
    for (const QString &base : c.bases)
        text += u' ' + base;
    QStringList attributes;
    for (const CSharpAttribute &a : c.attributes) {
        attributes << (a.argument == Argument::String || a.argument == Argument::TypeOf
                ? a.name + u'=' + a.value
                : a.name);
    }
    if (!attributes.isEmpty())
        text += u" ["_s + attributes.join(u' ') + u']';
    return text;
}

QStringList describeAll(QStringView source)
{
    QStringList found;
    for (const CSharpClass &c : CSharpClasses::scan(source))
        found << describe(c);
    return found;
}

} // namespace

class TestCSharpClasses : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The C# scanner behind fromMigrationsFolder(): each class as
    // "line fullName : bases [attribute=argument ...]".
    void csharpClasses_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("classes");
        QTest::newRow("nested namespaces and classes")
            << u"namespace A { namespace B.C {\nclass Outer {\n"
               "  [Obsolete] class Inner : Base<int, string> { }\n"
               "  struct S { class InS { } }\n} } }"_s
            << QStringList { u"2 A.B.C.Outer :"_s,
                   u"3 A.B.C.Outer.Inner : Base<int,string> [Obsolete]"_s,
                   u"4 A.B.C.Outer.S.InS :"_s };
        QTest::newRow("file-scoped namespace, primary constructor, constraints")
            << u"namespace App.Data;\npublic class Ctx<T>(Options o) : DbContext(o), IDisposable\n"
               "    where T : class where U : struct\n{ void F<V>() where V : class { } }"_s
            << QStringList { u"2 App.Data.Ctx : DbContext IDisposable"_s };
        QTest::newRow("records and enums are not classes")
            << u"record R(int X); record class RC { } record struct RS; enum E { A } "
               "class K { }"_s
            << QStringList { u"1 K :"_s };
        QTest::newRow("attribute targets")
            << u"[assembly: Migration(\"x\")]\n[type: Migration(\"y\")] [return: Foo] class C { }"_s
            << QStringList { u"2 C : [Migration=y]"_s };
        QTest::newRow("typeof, named argument, property")
            << u"[DbContext(typeof(global::N.Ctx<int>)), Migration(id: \"i\"), Foo(Name = \"n\")] "
               "class C { }"_s
            << QStringList { u"1 C : [DbContext=N.Ctx<int> Migration=i Foo]"_s };
        QTest::newRow("escapes in a regular string")
            << u"[Migration(\"a\\u0041\\\"b\")] class C { }"_s
            << QStringList { u"1 C : [Migration=aA\"b]"_s };
        QTest::newRow("raw string spanning lines keeps the line count")
            << u"class A { string s = \"\"\"\n  x\n  \"\"\"; }\n"
               "[Migration(\"\"\"r\"\"\")] class B { }"_s
            << QStringList { u"1 A :"_s, u"4 B : [Migration=r]"_s };
        QTest::newRow("unterminated string ends at the line")
            << u"class A { string s = \"oops;\n}\nclass B { }"_s
            << QStringList { u"1 A :"_s, u"3 B :"_s };
        QTest::newRow("deeply nested interpolation")
            << QString(u"class A { string s = "_s + u"$\"{"_s.repeated(100) + u"\n}\nclass B { }"_s)
            << QStringList { u"1 A :"_s };
        QTest::newRow("cut in an attribute")
            << u"class A { }\n[Migration(\"x"_s << QStringList { u"1 A :"_s };
    }
    void csharpClasses()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, classes);
        QCOMPARE(describeAll(source), classes);
    }

    void simpleTypeName_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("simple");
        QTest::newRow("simple") << u"AppDbContext"_s << u"AppDbContext"_s;
        QTest::newRow("qualified") << u"Acme.Data.AppDbContext"_s << u"AppDbContext"_s;
        QTest::newRow("global::") << u"global::Acme.Data.AppDbContext"_s << u"AppDbContext"_s;
        QTest::newRow("extern alias") << u"Data::Acme.AppDbContext"_s << u"AppDbContext"_s;
        QTest::newRow("generic") << u"global::N.Ctx<N.Tenant>"_s << u"Ctx"_s;
        QTest::newRow("empty") << QString() << QString();
    }
    void simpleTypeName()
    {
        QFETCH(QString, type);
        QTEST(CSharpClasses::simpleTypeName(type), "simple");
    }

    // The first positional argument: what fromMigrationsFolder() takes for the MigrationId
    // (String), the DbContext (TypeOf), or names in an error (Number, Other).
    void attributeArguments_data()
    {
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<QString>("name");
        QTest::addColumn<Argument>("argument");
        QTest::addColumn<QString>("value");
        QTest::newRow("no arguments")
            << u"Obsolete"_s << u"Obsolete"_s << Argument::None << QString();
        QTest::newRow("empty parentheses")
            << u"Obsolete()"_s << u"Obsolete"_s << Argument::None << QString();
        QTest::newRow("only a property")
            << u"Foo(Name = \"n\")"_s << u"Foo"_s << Argument::None << QString();
        QTest::newRow("string") << u"Migration(\"1_A\")"_s << u"Migration"_s << Argument::String
                                << u"1_A"_s;
        QTest::newRow("first of several")
            << u"Migration(\"1_A\", Order = 2)"_s << u"Migration"_s << Argument::String << u"1_A"_s;
        QTest::newRow("concatenation") << u"Migration(\"1\" + \"_\" + \"A\")"_s << u"Migration"_s
                                       << Argument::String << u"1_A"_s;
        QTest::newRow("concatenation with a constant")
            << u"Migration(\"1_\" + Names.A)"_s << u"Migration"_s << Argument::Other
            << u"\"1_\"+Names.A"_s;
        QTest::newRow("dangling +")
            << u"Migration(\"1_A\" +)"_s << u"Migration"_s << Argument::Other << u"\"1_A\"+"_s;
        QTest::newRow("verbatim, doubled quote")
            << u"Migration(@\"1_\"\"A\"\"\")"_s << u"Migration"_s << Argument::String
            << u"1_\"A\""_s;
        QTest::newRow("escapes") << u"Migration(\"\\x41\\u0042\\U0001F600\\t\")"_s << u"Migration"_s
                                 << Argument::String << u"AB\U0001F600\t"_s;
        QTest::newRow("raw string") << u"Migration(\"\"\"1_\"A\"\"\")"_s << u"Migration"_s
                                    << Argument::String << u"1_\"A"_s;
        QTest::newRow("interpolated")
            << u"Migration($\"{P}_A\")"_s << u"Migration"_s << Argument::Other << u"$\"{P}_A\""_s;
        QTest::newRow("constant") << u"Migration(Ids.Tenants)"_s << u"Migration"_s
                                  << Argument::Other << u"Ids.Tenants"_s;
        QTest::newRow("FluentMigrator's number") << u"Migration(202401011200)"_s << u"Migration"_s
                                                 << Argument::Number << u"202401011200"_s;
        QTest::newRow("typeof, global::")
            << u"DbContext(typeof(global::Acme.Data.AppDbContext))"_s << u"DbContext"_s
            << Argument::TypeOf << u"Acme.Data.AppDbContext"_s;
        QTest::newRow("Attribute suffix")
            << u"MigrationAttribute(\"1_A\")"_s << u"Migration"_s << Argument::String << u"1_A"_s;
        QTest::newRow("qualified, global::, suffix")
            << u"global::Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute(\"1_A\")"_s
            << u"Microsoft.EntityFrameworkCore.Migrations.Migration"_s << Argument::String
            << u"1_A"_s;
        QTest::newRow("named Attribute itself")
            << u"Attribute"_s << u"Attribute"_s << Argument::None << QString();
        QTest::newRow("generic attribute")
            << u"Migration<Tag>(\"1_A\")"_s << u"Migration"_s << Argument::String << u"1_A"_s;
    }
    void attributeArguments()
    {
        QFETCH(QString, attribute);
        const QList<CSharpClass> classes
            = CSharpClasses::scan(u"[%1] class C { }"_s.arg(attribute));
        QCOMPARE(classes.size(), 1);
        QCOMPARE(classes.first().attributes.size(), 1);
        const CSharpAttribute &a = classes.first().attributes.first();
        QTEST(a.name, "name");
        QTEST(a.argument, "argument");
        QTEST(a.value, "value");
    }

    void simpleNameAndQualifier()
    {
        CSharpAttribute a;
        a.name = u"Microsoft.EntityFrameworkCore.Migrations.Migration"_s;
        QCOMPARE(a.simpleName(), u"Migration"_s);
        QCOMPARE(a.qualifier(), u"Microsoft.EntityFrameworkCore.Migrations"_s);
        a.name = u"Migration"_s;
        QCOMPARE(a.simpleName(), u"Migration"_s);
        QCOMPARE(a.qualifier(), QString());
    }

    // Each class as "name: condition"; a class in a branch known to be dead is not listed.
    void preprocessorConditions_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("classes");
        QTest::newRow("#if, #elif, #else on symbols")
            << u"#if LEGACY\nclass A { }\n#elif NET8_0\nclass B { }\n#else\nclass C { }\n"
               "#endif\nclass D { }\n"_s
            << QStringList { u"A: LEGACY"_s, u"B: !(LEGACY) && NET8_0"_s,
                   u"C: !(LEGACY) && !(NET8_0)"_s, u"D: "_s };
        QTest::newRow("nested") << u"#if A\n#if B\nclass X { }\n#endif\nclass Y { }\n#endif\n"_s
                                << QStringList { u"X: A && B"_s, u"Y: A"_s };
        QTest::newRow("#if true drops its #else")
            << u"#if true\nclass T { }\n#else\nclass F { }\n#endif\n"_s << QStringList { u"T: "_s };
        QTest::newRow("#if false, then a symbol")
            << u"#if false\nclass Dead { }\n#elif LEGACY\nclass L { }\n#endif\n"_s
            << QStringList { u"L: LEGACY"_s };
        QTest::newRow("negated literal with a comment")
            << u"#if !false // always on\nclass A { }\n#endif\n"_s << QStringList { u"A: "_s };
        QTest::newRow("parenthesised, no space")
            << u"#if(DEBUG)\nclass A { }\n#endif\n"_s << QStringList { u"A: (DEBUG)"_s };
        QTest::newRow("indented, CRLF")
            << u"namespace N {\r\n    #if DEBUG\r\n    class A { }\r\n    #endif\r\n}\r\n"_s
            << QStringList { u"A: DEBUG"_s };
        QTest::newRow("a '#' inside code is not a directive")
            << u"class A { const string S = \"#if false\"; }\nclass B { }\n"_s
            << QStringList { u"A: "_s, u"B: "_s };
        QTest::newRow("#endif without #if")
            << u"#endif\nclass A { }\n"_s << QStringList { u"A: "_s };
        QTest::newRow("unterminated #if false")
            << u"class A { }\n#if false\nclass Dead { }\n"_s << QStringList { u"A: "_s };
    }
    void preprocessorConditions()
    {
        QFETCH(QString, source);
        QStringList found;
        for (const CSharpClass &c : CSharpClasses::scan(source))
            found << c.name + u": "_s + c.condition;
        QTEST(found, "classes");
    }

    void abstractAndLines_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("classes"); // "line name", "abstract" appended
        QTest::newRow("modifiers")
            << u"public abstract partial class A : Migration { }\n"
               "public sealed class B : A { }\ninternal static class C { }\n"_s
            << QStringList { u"1 A abstract"_s, u"2 B"_s, u"3 C"_s };
        QTest::newRow("CRLF") << u"\r\n\r\nclass A { }\r\nclass B { }"_s
                              << QStringList { u"3 A"_s, u"4 B"_s };
        QTest::newRow("block comment over lines")
            << u"/*\n\n*/ class A { }"_s << QStringList { u"3 A"_s };
        QTest::newRow("verbatim string over lines")
            << u"class A { string s = @\"\n\n\"; }\nclass B { }"_s
            << QStringList { u"1 A"_s, u"4 B"_s };
        QTest::newRow("header on several lines")
            << u"[Migration(\"x\")]\npublic\npartial\nclass\nA { }"_s << QStringList { u"5 A"_s };
        QTest::newRow("@identifier") << u"class @class { }"_s << QStringList { u"1 class"_s };
    }
    void abstractAndLines()
    {
        QFETCH(QString, source);
        QStringList found;
        for (const CSharpClass &c : CSharpClasses::scan(source))
            found << u"%1 %2%3"_s.arg(c.line).arg(
                c.name, c.isAbstract ? u" abstract"_s : QString());
        QTEST(found, "classes");
    }

    // An attribute belongs to the declaration right after it: one in a comment, or on a
    // member, must not end up on the next class.
    void attributesAttachToTheirDeclaration_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("classes");
        QTest::newRow("line comment")
            << u"// [Migration(\"x\")]\nclass C { }"_s << QStringList { u"2 C :"_s };
        QTest::newRow("after a real one") << u"[Obsolete] // [Migration(\"x\")]\nclass C { }"_s
                                          << QStringList { u"2 C : [Obsolete]"_s };
        QTest::newRow("on a method before a nested class")
            << u"class A {\n  [Migration(\"m\")] void M() { }\n  class B { }\n}"_s
            << QStringList { u"1 A :"_s, u"3 A.B :"_s };
        QTest::newRow("on a field before a nested class")
            << u"class A {\n  [Migration(\"f\")] int f;\n  class B { }\n}"_s
            << QStringList { u"1 A :"_s, u"3 A.B :"_s };
        QTest::newRow("on a record before a class")
            << u"[Migration(\"r\")] record R(int X);\nclass C { }"_s << QStringList { u"2 C :"_s };
        QTest::newRow("char literals holding quotes and brackets")
            << u"class A { char q = '\"'; char b = '['; }\n[Migration(\"y\")] class B { }"_s
            << QStringList { u"1 A :"_s, u"2 B : [Migration=y]"_s };
    }
    void attributesAttachToTheirDeclaration()
    {
        QFETCH(QString, source);
        QTEST(describeAll(source), "classes");
    }

    // Malformed or cut-off source yields what could be read and never fails: every prefix
    // of a migration's Designer.cs, cut anywhere (inside a string, a comment, an attribute).
    void cutAnywhereStaysSafe()
    {
        const QString source = u"// <auto-generated />\n#nullable disable\nusing System;\n\n"
                               "namespace Acme.Migrations\n{\n"
                               "    [DbContext(typeof(global::Acme.AppDbContext))]\n"
                               "    [Migration(@\"20240101000000_\"\"A\")]\n"
                               "    partial class A : Migration\n    {\n"
                               "        /* note */ const string S = $\"{1}\\\"}\";\n"
                               "        const string R = \"\"\"\n            raw\n"
                               "            \"\"\";\n    }\n}\n"_s;
        QCOMPARE(CSharpClasses::scan(source).size(), 1);
        for (qsizetype cut = 0; cut <= source.size(); ++cut) {
            for (const CSharpClass &c : CSharpClasses::scan(QStringView(source).first(cut))) {
                QCOMPARE(c.name, u"A"_s);
                QVERIFY(c.line == 9);
                for (const CSharpAttribute &a : c.attributes) {
                    if (a.argument == Argument::String)
                        QVERIFY2(u"20240101000000_\"A"_s.startsWith(a.value), qPrintable(a.value));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCSharpClasses)
#include "tst_csharpclasses.moc"

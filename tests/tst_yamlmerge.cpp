// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// YAML 1.1 merge keys over yaml-cpp trees (https://yaml.org/type/merge.html): every form,
// the order in which keys win, merges inside merges, and errors at the `<<` they are about.
#include "config/yamlmerge.h"

#include <QTest>
#include <algorithm>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace {

// A node as short flow text with the keys of each mapping sorted: what a reader of the
// mapping sees, whatever order the merge put the pairs in. Depth-bounded for trees that
// refer back to themselves through an alias.
QString flow(const YAML::Node &n, int depth = 0)
{
    if (depth > 20)
        return u"…"_s;
    if (n.IsScalar())
        return QString::fromStdString(n.Scalar());
    if (n.IsSequence()) {
        QStringList items;
        for (const YAML::Node &item : n)
            items << flow(item, depth + 1);
        return u"["_s + items.join(u", "_s) + u"]"_s;
    }
    if (n.IsMap()) {
        QStringList pairs;
        for (const auto &kv : n)
            pairs << flow(kv.first, depth + 1) + u": "_s + flow(kv.second, depth + 1);
        std::sort(pairs.begin(), pairs.end());
        return u"{"_s + pairs.join(u", "_s) + u"}"_s;
    }
    return u"~"_s;
}

YAML::Node merged(const QByteArray &yaml, QString *error)
{
    YAML::Node root = YAML::Load(yaml.toStdString());
    *error = YamlMerge::apply(root, u"f.yaml"_s);
    return root;
}

} // namespace

class TestYamlMerge : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The value of key "m" once merges are applied.
    void merges_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("m");
        const QByteArray b = "b: &b {a: 1, b: 2}\n";
        const QByteArray xy = "x: &x {a: x1, b: x2}\ny: &y {a: y1, c: y3}\n";
        QTest::newRow("single alias") << b + "m: {<<: *b, c: 3}\n" << u"{a: 1, b: 2, c: 3}"_s;
        QTest::newRow("block style") << b + "m:\n  <<: *b\n  c: 3\n" << u"{a: 1, b: 2, c: 3}"_s;
        QTest::newRow("own key wins") << b + "m: {<<: *b, a: own}\n" << u"{a: own, b: 2}"_s;
        QTest::newRow("own key before the merge wins too") << b + "m:\n  a: own\n  <<: *b\n"
                                                           << u"{a: own, b: 2}"_s;
        QTest::newRow("list: earlier wins") << xy + "m: {<<: [*x, *y]}\n"
                                            << u"{a: x1, b: x2, c: y3}"_s;
        QTest::newRow("list reversed") << xy + "m: {<<: [*y, *x]}\n" << u"{a: y1, b: x2, c: y3}"_s;
        QTest::newRow("list and own key") << xy + "m: {<<: [*x, *y], a: own, c: own}\n"
                                          << u"{a: own, b: x2, c: own}"_s;
        QTest::newRow("block list") << xy + "m:\n  <<:\n    - *y\n    - *x\n  d: 4\n"
                                    << u"{a: y1, b: x2, c: y3, d: 4}"_s;
        QTest::newRow("inline mapping")
            << QByteArray("m: {<<: {a: 1}, b: 2}\n") << u"{a: 1, b: 2}"_s;
        QTest::newRow("list of inline mappings")
            << QByteArray("m: {<<: [{a: 1}, {a: 2, b: 2}]}\n") << u"{a: 1, b: 2}"_s;
        QTest::newRow("explicit !!merge tag") << b + "m: {!!merge <<: *b}\n" << u"{a: 1, b: 2}"_s;
        QTest::newRow("quoted '<<' is a plain key") << b + "m: {\"<<\": *b}\n"
                                                    << u"{<<: {a: 1, b: 2}}"_s;
        QTest::newRow("empty list merges nothing")
            << QByteArray("m: {<<: [], a: 1}\n") << u"{a: 1}"_s;
        QTest::newRow("same source twice") << b + "m: {<<: [*b, *b]}\n" << u"{a: 1, b: 2}"_s;
        QTest::newRow("nested mapping") << b + "m: {inner: {<<: *b, c: 3}}\n"
                                        << u"{inner: {a: 1, b: 2, c: 3}}"_s;
        QTest::newRow("inside a list") << b + "m: [{<<: *b}, {<<: *b, a: 9}]\n"
                                       << u"[{a: 1, b: 2}, {a: 9, b: 2}]"_s;
        QTest::newRow("merge of a merge")
            << QByteArray("a: &a {k: a, ka: 1}\nb: &b {<<: *a, k: b, kb: 2}\nm: {<<: *b, k: m}\n")
            << u"{k: m, ka: 1, kb: 2}"_s;
        QTest::newRow("merged source merges a list")
            << xy + "z: &z {<<: [*y, *x], z: 1}\nm: {<<: *z}\n"
            << u"{a: y1, b: x2, c: y3, z: 1}"_s;
        // Shallow, as YAML 1.1 defines it: an own mapping value replaces the merged one whole ...
        QTest::newRow("shallow") << QByteArray(
            "d: &d {pool: {w: 1, f: 2}, t: 1}\nm: {<<: *d, pool: {w: 5}}\n")
                                 << u"{pool: {w: 5}, t: 1}"_s;
        // ... and merging one level down keeps the rest.
        QTest::newRow("merge one level down")
            << QByteArray("p: &p {w: 1, f: 2}\nm: {pool: {<<: *p, w: 5}}\n")
            << u"{pool: {f: 2, w: 5}}"_s;
        QTest::newRow("merged value carries its own merge")
            << QByteArray("p: &p {w: 1, f: 2}\nd: &d {pool: {<<: *p, f: 3}}\nm: {<<: *d, t: 1}\n")
            << u"{pool: {f: 3, w: 1}, t: 1}"_s;
    }
    void merges()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, m);
        QString error;
        const YAML::Node root = merged(yaml, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(flow(root["m"]), m);
    }

    // The anchored mapping is shared by every alias: merging into one user must not change
    // it for the next.
    void sourcesStayAsWritten()
    {
        QString error;
        const YAML::Node root = merged(
            "b: &b {a: 1, <<: {z: 0}}\nm1: {<<: *b, a: one, c: 3}\nm2: {<<: *b}\n", &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(flow(root["b"]), u"{a: 1, z: 0}"_s);
        QCOMPARE(flow(root["m1"]), u"{a: one, c: 3, z: 0}"_s);
        QCOMPARE(flow(root["m2"]), u"{a: 1, z: 0}"_s);
    }

    // A merged value keeps its own position: an error in it is reported where it is written.
    void mergedValuesKeepTheirMarks()
    {
        QString error;
        const YAML::Node root = merged("b: &b\n  a: 1\nm:\n  <<: *b\n  c: 3\n", &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(root["m"]["a"].Mark().line, 1);
        QCOMPARE(root["m"]["a"].Mark().column, 5);
        QCOMPARE(root["m"]["c"].Mark().line, 4);
        for (const auto &kv : root["m"])
            QVERIFY(kv.first.Scalar() != "<<");
    }

    // yaml-cpp lets an alias point back into the mapping it is in; without a merge that is
    // no error, and the walk must end.
    void recursiveAliasWithoutMergeIsLeftAlone()
    {
        QString error;
        const YAML::Node root = merged("a: &a {k: 1, self: *a}\nm: {<<: *a, j: 2}\n", &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(root["m"]["k"].Scalar(), std::string("1"));
        QVERIFY(root["m"]["self"].is(root["a"]));
    }

    void errorsPointAtTheMerge_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("part");
        const QString takes = u"the merge key '<<' takes a mapping"_s;
        QTest::newRow("scalar") << QByteArray("m:\n  <<: text\n") << u"f.yaml:2:3: "_s + takes
                                << u"here it has the text 'text'"_s;
        QTest::newRow("alias of a scalar") << QByteArray("s: &s text\nm:\n  a: 1\n  <<: *s\n")
                                           << u"f.yaml:4:3: "_s + takes << u"the text 'text'"_s;
        QTest::newRow("empty") << QByteArray("m:\n  <<:\n  a: 1\n") << u"f.yaml:2:3: "_s + takes
                               << u"nothing"_s;
        QTest::newRow("null alias")
            << QByteArray("n: &n ~\nm: {<<: *n}\n") << u"f.yaml:2:5: "_s + takes << u"nothing"_s;
        QTest::newRow("alias of a list")
            << QByteArray("l: &l [1, 2]\nm: {<<: *l}\n")
            << u"f.yaml:2:5: item 1 of this merge list is the text '1'"_s
            << u"must be a mapping or an alias of one"_s;
        QTest::newRow("list of scalars") << QByteArray("m: {<<: [a, b]}\n")
                                         << u"f.yaml:1:5: item 1 of this merge list"_s << u"'a'"_s;
        QTest::newRow("list with a list")
            << QByteArray("b: &b {a: 1}\nm:\n  <<: [*b, [1]]\n")
            << u"f.yaml:3:3: item 2 of this merge list is a list"_s << u"*defaults"_s;
        QTest::newRow("list with a null")
            << QByteArray("b: &b {a: 1}\nm:\n  <<: [*b, ~]\n")
            << u"f.yaml:3:3: item 2 of this merge list is nothing"_s << u"not a mapping"_s;
        QTest::newRow("merges itself")
            << QByteArray("a: &a\n  k: 1\n  <<: *a\n")
            << u"f.yaml:3:3: this merge includes a mapping that contains it"_s
            << u"defined outside"_s;
        QTest::newRow("merges its parent")
            << QByteArray("a: &a\n  b:\n    <<: *a\n") << u"f.yaml:3:5: this merge includes"_s
            << u"never ends"_s;
        // The error is in the merged source, and is reported there, not at its user.
        QTest::newRow("error inside the merged source")
            << QByteArray("b: &b {x: 1, <<: 5}\nm:\n  <<: *b\n") << u"f.yaml:1:14: "_s + takes
            << u"'5'"_s;
        QTest::newRow("in a sequence at depth") << QByteArray("m:\n  - a:\n      - {<<: oops}\n")
                                                << u"f.yaml:3:10: "_s + takes << u"'oops'"_s;
    }
    void errorsPointAtTheMerge()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, prefix);
        QFETCH(QString, part);
        QString error;
        merged(yaml, &error);
        QVERIFY2(error.startsWith(prefix), qPrintable(error));
        QVERIFY2(error.contains(part), qPrintable(error));
    }

    // yaml-cpp guards nesting while it parses, but an alias chain is flat text: anchors
    // defined in keys (which the walk does not enter) and each naming the one before make
    // the walk from the last alias as deep as the chain is long.
    void deepAliasChainIsAnErrorNotACrash()
    {
        QByteArray yaml = "- ? &a0 [x]\n  : 0\n";
        for (int i = 1; i < 1100; ++i)
            yaml += "- ? &a" + QByteArray::number(i) + " [*a" + QByteArray::number(i - 1)
                + "]\n  : 0\n";
        yaml += "- m: *a1099\n";
        QString error;
        merged(yaml, &error);
        QVERIFY2(error.contains(u"nests more than 1000 levels deep"_s), qPrintable(error));
        QVERIFY2(error.startsWith(u"f.yaml:"_s), qPrintable(error));
    }

    // Each map merging the one before copies n, n+1, ... pairs: bounded in all.
    void mergeChainsAreBounded_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<bool>("ok");
        QTest::newRow("300 maps (45 000 pairs)") << 300 << true;
        QTest::newRow("500 maps (125 000 pairs)") << 500 << false;
    }
    void mergeChainsAreBounded()
    {
        QFETCH(int, length);
        QFETCH(bool, ok);
        QByteArray yaml = "- &m0 {k0: 0}\n";
        for (int i = 1; i < length; ++i)
            yaml += QByteArray("- &m") + QByteArray::number(i) + " {<<: *m"
                + QByteArray::number(i - 1) + ", k" + QByteArray::number(i) + ": 1}\n";
        QString error;
        const YAML::Node root = merged(yaml, &error);
        if (ok) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(root[length - 1].size(), std::size_t(length));
        } else {
            QVERIFY2(error.contains(u"add more than 100000 keys"_s), qPrintable(error));
        }
    }
};

QTEST_GUILESS_MAIN(TestYamlMerge)
#include "tst_yamlmerge.moc"

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// LiquibaseChangelogFile::parse(): XML with QXmlStreamReader, YAML and JSON with yaml-cpp,
// formatted SQL line by line with the patterns of Liquibase's AbstractFormattedChangeLogParser.

#include "migrations/liquibasechangelogparser.h"

#include "migrations/snakeyamlscalar.h"

#include <QRegularExpression>
#include <QXmlStreamReader>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;
using Entry = LiquibaseChangelogFile::Entry;
using Format = LiquibaseChangelogFile::Format;

namespace {

// AbstractFormattedChangeLogParser.FIRST_LINE_REGEX.
const QRegularExpression &formattedHeader()
{
    static const QRegularExpression re(
        u"^\\s*--\\s*liquibase\\s*formatted.*$"_s, QRegularExpression::CaseInsensitiveOption);
    return re;
}

QString firstNonBlankLine(const QString &text)
{
    for (const QStringView line : QStringView(text).split(u'\n'))
        if (!line.trimmed().isEmpty())
            return line.toString().remove(u'\r');
    return {};
}

// DatabaseList.definitionMatches for PostgreSQL: a comma-separated list of database short
// names, "all", "none", or "!name" to exclude one.
bool dbmsIncludesPostgres(const QString &dbms)
{
    const QStringList names = dbms.toLower().split(u',', Qt::SkipEmptyParts);
    if (names.isEmpty())
        return true;
    bool onlyNegations = true;
    for (QString name : names) {
        name = name.trimmed();
        if (name == u"none" || name == u"!postgresql")
            return false;
        if (name == u"all" || name == u"postgresql")
            return true;
        if (!name.startsWith(u'!'))
            onlyNegations = false;
    }
    return onlyNegations;
}

bool isTrue(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v == u"true" || v == u"yes" || v == u"on";
}

void warnProperties(LiquibaseChangelogFile &f, const QString &file, const Entry &e)
{
    for (const QString &value : { e.id, e.author, e.path, e.logicalFilePath })
        if (value.contains(u"${"))
            f.warnings.append(u"%1:%2: \"%3\" uses a changelog property; the doctor does not "
                              "expand properties and takes it as written"_s.arg(
                                  file, QString::number(e.line), value));
}

// An entry read; a changeset without id or author is an error, one for another database
// is left out.
bool add(LiquibaseChangelogFile &f, const QString &file, Entry e, const QString &dbms)
{
    if (e.kind == Entry::Kind::ChangeSet) {
        if (e.id.trimmed().isEmpty() || e.author.trimmed().isEmpty()) {
            f.error = u"%1:%2: a changeSet needs both an id and an author; Liquibase refuses "
                      "it without"_s.arg(file, QString::number(e.line));
            return false;
        }
        if (!dbmsIncludesPostgres(dbms))
            return true;
    } else if (e.path.trimmed().isEmpty()) {
        f.error = u"%1:%2: %3 without a %4"_s.arg(file, QString::number(e.line),
            e.kind == Entry::Kind::Include ? u"include"_s : u"includeAll"_s,
            e.kind == Entry::Kind::Include ? u"file"_s : u"path"_s);
        return false;
    }
    warnProperties(f, file, e);
    f.entries.append(e);
    return true;
}

void parseXml(LiquibaseChangelogFile &f, const QString &text, const QString &file)
{
    QXmlStreamReader xml(text);
    if (!xml.readNextStartElement() || xml.name() != u"databaseChangeLog") {
        f.error = xml.hasError()
            ? u"%1:%2:%3: %4"_s.arg(file, QString::number(xml.lineNumber()),
                  QString::number(xml.columnNumber() + 1), xml.errorString())
            : u"%1: the root element is not databaseChangeLog; is it a Liquibase "
              "changelog?"_s.arg(file);
        return;
    }
    f.logicalFilePath = xml.attributes().value(u"logicalFilePath").toString();
    int depth = 0; // elements open below databaseChangeLog
    bool inModify = false; // <modifyChangeSets> holds includes too
    while (!xml.atEnd() && f.error.isEmpty()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            if (depth == 1 && inModify)
                inModify = false;
            --depth;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        ++depth;
        const bool child = depth == 1 || (depth == 2 && inModify);
        if (!child)
            continue;
        const QXmlStreamAttributes a = xml.attributes();
        Entry e;
        e.line = int(xml.lineNumber());
        e.logicalFilePath = a.value(u"logicalFilePath").toString();
        e.relativeToChangelogFile = isTrue(a.value(u"relativeToChangelogFile").toString());
        const QStringView name = xml.name();
        if (name == u"modifyChangeSets" && depth == 1) {
            inModify = true;
        } else if (name == u"changeSet") {
            e.id = a.value(u"id").toString();
            e.author = a.value(u"author").toString();
            add(f, file, e, a.value(u"dbms").toString());
        } else if (name == u"include" || name == u"includeAll") {
            const bool all = name == u"includeAll";
            e.kind = all ? Entry::Kind::IncludeAll : Entry::Kind::Include;
            e.path = a.value(all ? u"path" : u"file").toString().replace(u'\\', u'/');
            const QStringView missing = a.value(all ? u"errorIfMissingOrEmpty" : u"errorIfMissing");
            e.errorIfMissing = missing.isEmpty() || isTrue(missing.toString());
            add(f, file, e, {});
        }
    }
    if (xml.hasError() && f.error.isEmpty())
        f.error = u"%1:%2:%3: %4"_s.arg(file, QString::number(xml.lineNumber()),
            QString::number(xml.columnNumber() + 1), xml.errorString());
}

// A YAML scalar as Liquibase gets it from SnakeYAML and converts to a string.
QString yamlString(const YAML::Node &node)
{
    if (!node || !node.IsScalar())
        return {};
    const QString s = QString::fromStdString(node.Scalar());
    return node.Tag() == "?" ? SnakeYamlScalar::javaString(s) : s; // quoted or tagged: as written
}

void parseYaml(LiquibaseChangelogFile &f, const QString &text, const QString &file)
{
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        const YAML::Node list = root.IsMap() ? root["databaseChangeLog"] : YAML::Node();
        if (!root.IsMap() || !root["databaseChangeLog"]) {
            f.error = u"%1: no top-level databaseChangeLog key; is it a Liquibase "
                      "changelog?"_s.arg(file);
            return;
        }
        if (list.IsNull())
            return; // an empty changelog, as Liquibase allows
        if (!list.IsSequence()) {
            f.error = u"%1:%2: databaseChangeLog is not a list; each entry begins "
                      "' - changeSet:'"_s.arg(file, QString::number(list.Mark().line + 1));
            return;
        }
        for (const YAML::Node &item : list) {
            if (!item.IsMap())
                continue;
            if (const YAML::Node lfp = item["logicalFilePath"]; lfp && lfp.IsScalar())
                f.logicalFilePath = yamlString(lfp);
            for (const char *key : { "changeSet", "include", "includeAll" }) {
                const YAML::Node node = item[key];
                if (!node || !node.IsMap())
                    continue;
                Entry e;
                e.line = node.Mark().line + 1;
                e.logicalFilePath = yamlString(node["logicalFilePath"]);
                e.relativeToChangelogFile = isTrue(yamlString(node["relativeToChangelogFile"]));
                if (qstrcmp(key, "changeSet") == 0) {
                    e.id = yamlString(node["id"]);
                    e.author = yamlString(node["author"]);
                    if (!add(f, file, e, yamlString(node["dbms"])))
                        return;
                    continue;
                }
                const bool all = qstrcmp(key, "includeAll") == 0;
                e.kind = all ? Entry::Kind::IncludeAll : Entry::Kind::Include;
                e.path = yamlString(node[all ? "path" : "file"]).replace(u'\\', u'/');
                const YAML::Node missing = node[all ? "errorIfMissingOrEmpty" : "errorIfMissing"];
                e.errorIfMissing = !missing || isTrue(yamlString(missing));
                if (!add(f, file, e, {}))
                    return;
            }
        }
    } catch (const YAML::Exception &e) {
        f.error = u"%1:%2:%3: %4"_s.arg(file, QString::number(e.mark.line + 1),
            QString::number(e.mark.column + 1), QString::fromStdString(e.msg));
        f.entries.clear();
    }
}

void parseFormattedSql(LiquibaseChangelogFile &f, const QString &text, const QString &file)
{
    // AbstractFormattedChangeLogParser's CHANGE_SET_REGEX and the attribute patterns.
    static const QRegularExpression changeSet(
        u"^\\s*--\\s*changeset\\s+(\"[^\"]+\"|[^:]+):\\s*(\"[^\"]+\"|\\S+).*$"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression anyChangeSet(
        u"^\\s*--\\s*changeset(\\s.*)?$"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression logical(
        u"logicalFilePath:(\\S*)"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression dbms(
        u"\\bdbms:(\\S+)"_s, QRegularExpression::CaseInsensitiveOption);
    bool header = false;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (!header && formattedHeader().match(line).hasMatch()) {
            header = true;
            f.logicalFilePath = logical.match(line).captured(1);
            continue;
        }
        if (!anyChangeSet.match(line).hasMatch())
            continue;
        const auto m = changeSet.match(line);
        auto unquote = [](QString s) {
            return s.size() >= 2 && s.startsWith(u'"') && s.endsWith(u'"') ? s.mid(1, s.size() - 2)
                                                                           : s;
        };
        // Liquibase also refuses blanks between the author's ':' and the id.
        if (!m.hasMatch() || !line.contains(m.captured(1) + u':' + m.captured(2))) {
            f.error = u"%1:%2: write the changeset line as --changeset <author>:<id>"_s.arg(
                file, QString::number(i + 1));
            f.entries.clear();
            return;
        }
        Entry e;
        e.line = int(i + 1);
        e.author = unquote(m.captured(1).trimmed());
        e.id = unquote(m.captured(2));
        e.logicalFilePath = logical.match(line).captured(1);
        if (!add(f, file, e, dbms.match(line).captured(1)))
            return;
    }
}

} // namespace

Format LiquibaseChangelogFile::formatOf(const QString &file, const QString &text)
{
    const QString lower = file.toLower();
    if (lower.endsWith(u".xml"))
        return Format::Xml;
    if (lower.endsWith(u".yaml") || lower.endsWith(u".yml") || lower.endsWith(u".json"))
        return Format::Yaml;
    if (lower.endsWith(u".sql"))
        return formattedHeader().match(firstNonBlankLine(text)).hasMatch() ? Format::FormattedSql
                                                                           : Format::RawSql;
    return Format::Unknown;
}

bool LiquibaseChangelogFile::looksLikeChangelog(const QString &text)
{
    if (formattedHeader().match(firstNonBlankLine(text)).hasMatch())
        return true;
    QXmlStreamReader xml(text);
    if (xml.readNextStartElement())
        return xml.name() == u"databaseChangeLog";
    static const QRegularExpression yamlKey(
        u"(^|\\{)\\s*[\"']?databaseChangeLog[\"']?\\s*:"_s, QRegularExpression::MultilineOption);
    return yamlKey.match(text).hasMatch();
}

LiquibaseChangelogFile LiquibaseChangelogFile::parse(
    const QString &text, const QString &file, Format format)
{
    LiquibaseChangelogFile f;
    f.format = format;
    switch (format) {
    case Format::Xml:
        parseXml(f, text, file);
        break;
    case Format::Yaml:
        parseYaml(f, text, file);
        break;
    case Format::FormattedSql:
        parseFormattedSql(f, text, file);
        break;
    case Format::RawSql:
        // SqlChangeLogParser: the whole file is one changeset, id "raw", author "includeAll".
        if (text.trimmed().isEmpty())
            f.error = u"%1: an empty SQL file; Liquibase refuses it (\"Unable to parse empty "
                      "file\")"_s.arg(file);
        else
            f.entries.append(Entry {
                Entry::Kind::ChangeSet, 1, u"raw"_s, u"includeAll"_s, {}, {}, false, true });
        break;
    case Format::Unknown:
        f.error = u"%1: not a changelog format Liquibase reads (.xml, .yaml, .yml, .json, "
                  ".sql)"_s.arg(file);
        break;
    }
    if (!f.error.isEmpty())
        f.entries.clear();
    return f;
}

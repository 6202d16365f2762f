// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// EnvironmentsFile: loading, parsing and saving the environments file. One environment's
// mapping is read by EnvironmentReader (environmentreader.cpp); the YAML written is
// EnvironmentsYaml's (environmentsyaml.cpp).

#include "config/environmentsfile.h"

#include "config/environmentreader_p.h"
#include "config/environmentsyaml.h"
#include "config/yamlmerge.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

// Bounded read: configuration files are small, and an accidental multi-gigabyte file
// must not take the app down.
constexpr qint64 MaxFileSize = 4 * 1024 * 1024;

} // namespace

EnvironmentsFile EnvironmentsFile::load(const QString &path, const QProcessEnvironment &env)
{
    EnvironmentsFile result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = u"%1: cannot open the environments file: %2"_s.arg(path, file.errorString());
        return result;
    }
    // Not readAll() after checking size(): a device such as /dev/zero reports 0 and never ends.
    const QByteArray data = file.read(MaxFileSize + 1);
    if (data.size() > MaxFileSize) {
        result.error
            = u"%1: the environments file is larger than 4 MiB; is it the right file?"_s.arg(path);
        return result;
    }
    return parse(data, path, env);
}

EnvironmentsFile EnvironmentsFile::parse(
    const QByteArray &yaml, const QString &path, const QProcessEnvironment &processEnv)
{
    EnvironmentsFile result;
    EnvironmentReader reader { path, processEnv, {}, {} };
    try {
        YAML::Node root = YAML::Load(yaml.toStdString());
        // Before anything is read, so every key of every block can come from a merge. Top-level
        // keys other than 'environments' are not read: that is where anchors to merge live.
        if (const QString e = YamlMerge::apply(root, path); !e.isEmpty()) {
            result.error = e;
            return result;
        }
        const YAML::Node list = root.IsMap() ? root["environments"] : YAML::Node();
        if (!list || !list.IsSequence()) {
            result.error = u"%1:1:1: expected a top-level 'environments:' list"_s.arg(path);
            return result;
        }
        QSet<QString> names;
        for (const YAML::Node &node : list) {
            Environment env;
            QString error;
            if (!reader.readEnvironment(node, &env, &error)) {
                result.error = error;
                result.environments.clear();
                return result;
            }
            if (names.contains(env.name)) {
                result.error
                    = u"%1: a second environment is named '%2'; names must be unique"_s.arg(
                        where(path, node.Mark()), env.name);
                result.environments.clear();
                return result;
            }
            names.insert(env.name);
            result.environments << env;
        }
    } catch (const YAML::Exception &e) {
        result.error = u"%1: %2"_s.arg(where(path, e.mark), qs(e.msg));
        result.environments.clear();
    }
    result.warnings = reader.warnings;
    result.secretFiles = reader.secretFiles;
    return result;
}

bool EnvironmentsFile::save(
    const QString &path, const QList<Environment> &environments, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = u"Cannot save the environments to %1: %2. The file was left as it was."_s.arg(
                path, why);
        return false;
    };
    QSet<QString> names;
    for (const Environment &env : environments) {
        if (env.name.trimmed().isEmpty())
            return fail(u"an environment has no name"_s);
        if (names.contains(env.name))
            return fail(u"two environments are named '%1'"_s.arg(env.name));
        names.insert(env.name);
    }
    const QByteArray yaml = EnvironmentsYaml::toYaml(environments, QFileInfo(path).absolutePath());
    // Never write what the reader would refuse: the next start would lose every environment.
    const EnvironmentsFile check = parse(yaml, path, QProcessEnvironment());
    if (!check.ok())
        return fail(u"the written file would not read back (%1)"_s.arg(check.error));

    QSaveFile file(path);
    // Without a temporary file next to the target there is no atomic save; writing in place
    // instead could leave a truncated file behind a crash (RELIABILITY 22).
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    if (file.write(yaml) != yaml.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return fail(why);
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "config/secretfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

// The Unix mode bits, rebuilt from Qt's flags so this also compiles where stat() differs.
int modeBits(QFileDevice::Permissions p)
{
    const std::pair<QFileDevice::Permission, int> bits[] = { { QFileDevice::ReadOwner, 0400 },
        { QFileDevice::WriteOwner, 0200 }, { QFileDevice::ExeOwner, 0100 },
        { QFileDevice::ReadGroup, 040 }, { QFileDevice::WriteGroup, 020 },
        { QFileDevice::ExeGroup, 010 }, { QFileDevice::ReadOther, 04 },
        { QFileDevice::WriteOther, 02 }, { QFileDevice::ExeOther, 01 } };
    int mode = 0;
    for (const auto &[flag, bit] : bits) {
        if (p.testFlag(flag))
            mode |= bit;
    }
    return mode;
}

} // namespace

QString SecretFiles::permissionWarning(const QString &path)
{
    const QFileInfo info(path); // follows symlinks: the target's mode is what protects it
    if (!info.exists())
        return {};
    const int mode = modeBits(info.permissions());
    if ((mode & 077) == 0)
        return {};
    return u"%1 holds a password but group or others may access it (mode %2); restrict it "
           u"with: chmod 600 %1"_s.arg(path, u"0%1"_s.arg(mode, 3, 8, QLatin1Char('0')));
}

QStringList SecretFiles::permissionWarnings(const QStringList &paths)
{
    QStringList warnings;
    QSet<QString> seen;
    for (const QString &path : paths) {
        // The same file reached through two paths (./, symlinks) is reported once.
        const QString canonical = QFileInfo(path).canonicalFilePath();
        if (canonical.isEmpty() || seen.contains(canonical))
            continue;
        seen.insert(canonical);
        if (const QString w = permissionWarning(path); !w.isEmpty())
            warnings << w;
    }
    return warnings;
}

QString SecretFiles::pgpassPath(const QProcessEnvironment &env)
{
    QString path = env.value(u"PGPASSFILE"_s);
    if (path.isEmpty()) {
        const QString home = env.value(u"HOME"_s, QDir::homePath());
        path = QDir(home).filePath(u".pgpass"_s);
    }
    return QFileInfo(path).isFile() ? path : QString();
}

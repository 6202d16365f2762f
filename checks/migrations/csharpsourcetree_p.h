// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/csharpclasses.h"
#include "migrations/expectedmigrations.h"

#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

// The C# classes of a source tree, their partial declarations merged: what
// ExpectedMigrations::fromMigrationsFolder() (efcoremigrationsfolder.cpp) finds EF Core's
// migrations among. Internal to the expected-migration readers.
namespace CSharpSourceTree {

// One class, its partial declarations (usually Name.cs and Name.Designer.cs) merged.
struct Class
{
    QString name;
    QStringList files; // in the order read
    QString firstAt; // file:line of its first declaration
    QStringList bases;
    bool isAbstract = false;
    QString condition; // #if on build symbols around a declaration (CSharpClass::condition)
    QList<QPair<CSharpAttribute, QString>> attributes; // with the file each is in
};

// Reads every .cs file in DIR and below (as ExpectedMigrations::classifyFolderEntry() says;
// at most 8 folders deep and 100,000 entries) into CLASSES, keyed and ordered by full name.
// Files that are not C# source (binary, over 64 MiB) and a folder cut short become
// warnings in SET. Returns false with SET->error when a .cs file cannot be read: it could
// hold a migration, and the set would be incomplete.
bool read(const QString &dir, QMap<QString, Class> *classes, ExpectedSet *set);

// "FILE:LINE", for messages.
QString location(const QString &path, int line);

} // namespace CSharpSourceTree

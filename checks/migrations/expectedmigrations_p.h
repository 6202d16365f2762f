// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/expectedmigrations.h"

#include <QString>
#include <QStringList>

// Helpers shared by the expected-migration readers: expectedmigrations.cpp (load, the file
// reading), efcoreidempotentscript.cpp, migrationmanifest.cpp, efcoremigrationsfolder.cpp
// and csharpsourcetree.cpp.
namespace ExpectedMigrationsPrivate {

struct FileText
{
    QString text;
    QString error; // names the file and what to do; empty on success
    bool binary = false; // the error is that it holds NUL characters
};

// Reads at most MAXBYTES; UTF-16/32 with a BOM (PowerShell's `>` writes UTF-16) or UTF-8.
// A larger file is an error, or with TRUNCATE its first MAXBYTES.
FileText readText(const QString &path, qint64 maxBytes, bool truncate = false);
// The error for a file over MaxFileBytes.
QString tooLarge(const QString &path);
// Sorted ascending (ordinal), duplicates removed.
void sortUnique(QStringList &ids);
QString withoutBom(const QString &text);
// Whether a file's text is an idempotent script rather than a manifest (in
// efcoreidempotentscript.cpp, beside the reader whose column names it knows).
bool looksLikeScript(const QString &text, const QString &path);
// A file name as `dotnet ef migrations add` writes one: <digits>_<Name>.cs, or
// <digits>_<Name>.Designer.cs (in efcoremigrationsfolder.cpp).
bool isMigrationFileName(const QString &fileName);

} // namespace ExpectedMigrationsPrivate

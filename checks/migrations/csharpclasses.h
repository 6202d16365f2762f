// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

// The class declarations of one C# source file, with their attributes and base lists:
// just enough of C# to find EF Core migrations the way EF Core does, by the
// [DbContext(typeof(...))] and [Migration("<id>")] attributes of classes deriving from
// Migration (Microsoft.EntityFrameworkCore.Migrations.Internal.MigrationsAssembly).
//
// Hand-written: no C# parser is available to a C++ program here (Roslyn is .NET), and the
// doctor must read a source tree without building it. The scanner knows C#'s lexical
// grammar (comments, preprocessor lines, regular, verbatim, raw and interpolated strings,
// char literals, @identifiers) so that an attribute inside a comment or a string is not
// taken for one, and the declaration shapes that carry attributes: namespaces (block and
// file-scoped), attribute sections, modifiers, class headers. Everything else (member
// bodies) is only lexed, to keep braces balanced.

struct CSharpAttribute
{
    // As written, without a leading global:: and without an "Attribute" suffix on the last
    // part: "Migration", "Microsoft.EntityFrameworkCore.Migrations.Migration".
    QString name;
    int line = 0; // 1-based line of the attribute's name

    // The first positional argument, when there is one.
    enum class Argument { None, String, TypeOf, Number, Other };
    Argument argument = Argument::None;
    // String: the literal's value (regular, verbatim or raw; "a" + "b" concatenated).
    // TypeOf: the type in typeof(...), without global::, e.g. "Acme.Data.AppDbContext".
    // Number and Other: the argument's text as written (tokens without spaces), for messages.
    QString value;

    QString simpleName() const { return name.section(u'.', -1); }
    QString qualifier() const { return name.section(u'.', 0, -2); }
};

struct CSharpClass
{
    QString name; // "AddTenants" (without type parameters)
    QString fullName; // with namespaces and enclosing types: "Acme.Data.Migrations.AddTenants"
    QStringList bases; // the base list, each without global:: and generic arguments' spaces
    QList<CSharpAttribute> attributes; // those in front of the class (target type: or none)
    bool isAbstract = false;
    int line = 0; // 1-based line of the class name
    // The #if conditions on build symbols around the declaration, as written and joined
    // with " && " ("LEGACY", "!(DEBUG)"); empty when it is compiled whatever the symbols.
    // Branches of #if true / #if false are evaluated: a class in a dead branch is not listed.
    QString condition;
};

namespace CSharpClasses {
// Every class declared in SOURCE, in order, nested ones included; records, structs,
// interfaces and enums are not listed. Malformed or cut-off source yields what could be
// read; it never fails. Lexing stops after the last occurrence of the word "class", so a
// file's long tail (a model in BuildTargetModel, seed data) costs a search, not a parse.
QList<CSharpClass> scan(QStringView source);

// "global::A.B" -> "A.B"; "A.B<T>" keeps "<T>". The simple name of a type: the last part,
// without generic arguments: "Acme.Data.AppDbContext" -> "AppDbContext".
QString simpleTypeName(const QString &type);
} // namespace CSharpClasses

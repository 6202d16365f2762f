// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QString>

// A plain (unquoted, untagged) YAML scalar as Liquibase ends up with it: SnakeYAML resolves
// it by YAML 1.1's rules (org.yaml.snakeyaml.resolver.Resolver's INT, FLOAT and BOOL
// patterns) into an Integer, Long, BigInteger, Double or Boolean, and Liquibase turns that
// into a String with Java's toString(). yaml-cpp, which reads the file here, resolves by YAML
// 1.2 and hands back the text as written, so `id: 0020` would be "0020" here but is "16"
// in DATABASECHANGELOG (octal), `id: 1.10` is "1.1", `id: 1e3` is "1000.0", `id: yes` is
// "true". Sexagesimal integers (1:30) and timestamps are returned as written.
namespace SnakeYamlScalar {

// The string Liquibase records for the plain scalar TEXT; TEXT itself when it is a string.
QString javaString(const QString &text);

} // namespace SnakeYamlScalar

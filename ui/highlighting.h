// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QString>

class QPalette;
namespace KSyntaxHighlighting {
class Repository;
class Definition;
class Theme;
} // namespace KSyntaxHighlighting

// One KSyntaxHighlighting repository for the application's life (loading the
// definitions is the expensive part), plus the mapping from markdown fence languages.
namespace Highlighting {
KSyntaxHighlighting::Repository &repository();
// "bash", "sh", "yaml", "json", "sql", ... -> a definition; invalid for unknown languages.
KSyntaxHighlighting::Definition definitionForFence(const QString &language);
// A light theme on a light palette, a dark one on a dark palette.
KSyntaxHighlighting::Theme themeFor(const QPalette &palette);
} // namespace Highlighting

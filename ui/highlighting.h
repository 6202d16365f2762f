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
// UI thread only.
namespace Highlighting {
// Starts loading the repository on a thread of its own (it has no widget), so that neither
// the start (gui_main calls this first thing) nor the first selected result waits for it;
// does nothing once started. tests/bench/startup measured the load at 5 to 12 ms.
void preload();
// The repository; waits for preload()'s thread if it is still loading (loads it here
// when preload() was never called).
KSyntaxHighlighting::Repository &repository();
// "bash", "sh", "yaml", "json", "sql", ... -> a definition; invalid for unknown languages.
KSyntaxHighlighting::Definition definitionForFence(const QString &language);
// A light theme on a light palette, a dark one on a dark palette.
KSyntaxHighlighting::Theme themeFor(const QPalette &palette);
} // namespace Highlighting

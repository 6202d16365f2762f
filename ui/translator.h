// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QString>

class QCoreApplication;

// Installs the UI translation: the language chosen in Settings, else the system's.
// Returns the language code that was installed ("en" when none was needed).
namespace UiTranslator {
QString install(QCoreApplication *app);
}

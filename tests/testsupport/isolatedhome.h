// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QString>

// Points everything a test process could write (settings, keychain, caches) at home, a
// folder the test owns, and cuts the session bus so that no keychain service answers,
// whatever the machine running the test has. Also forgets PGPASSWORD.
void isolateHome(const QString &home);

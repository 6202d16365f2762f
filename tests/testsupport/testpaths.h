// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QString>

// The folders of this checkout and its build, absolute, for tests that run the programs or
// read the test data. Functions, not compile definitions in every test: an absolute path on
// a compiler's command line differs between clones, and each clone's sanitizer builds then
// compiled some 100 test files the compiler cache already had (BENCHMARKS.md, "The README's
// test command", session 10). Only testpaths.cpp is compiled with them.
namespace TestPaths {

QString sourceDir(); // the checkout: tools/, tests/ ...
QString binaryDir(); // this build folder: app/doctor ...
QString testData(); // tests/data

} // namespace TestPaths

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

class QCommandLineParser;

// `doctor kb list | show CHECK_ID [--result FILE] | lint [DIR...]`: the knowledge base on
// the command line. DoctorCli owns the parser and hands `kb` commands over to this.
namespace DoctorCliKb {
// Adds the options only kb uses (--set, --strict, --result) to the shared parser.
void addOptions(QCommandLineParser &parser);
// Runs the parsed command, whose positional arguments start with "kb"; returns the exit code.
int run(const QCommandLineParser &parser);
} // namespace DoctorCliKb

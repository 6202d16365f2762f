// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// Internal to the connection-string parsers. The key names of a libpq connection string,
// for messages only. libpq decides whether a string is valid and supplies every value
// (LibpqConninfo::parse); it is asked without an error buffer because its messages quote the
// string, password included, and it reports only the last value of each key. So this scan
// follows libpq's grammar (conninfo_parse, conninfo_uri_parse_options and _params in
// fe-connect.c) far enough to say which key libpq refuses, where a string breaks, or which
// key is given twice, in the doctor's own words and never with a value. It never decides
// anything: where it cannot tell, the caller falls back to a general message.

#include <QString>
#include <QStringList>

struct LibpqKeyScan
{
    // The keys in the order libpq reads them, as written (a URI's query keys decoded); a
    // URI's user, password, host, port and dbname come first, as libpq reads them from the
    // part before the query. Up to the first problem.
    QStringList keys;
    // Why libpq refuses the string, naming keys only; empty when the scan finds nothing.
    QString problem;

    static LibpqKeyScan scan(const QString &text);
};

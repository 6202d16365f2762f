// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Npgsql "Key=Value;..." connection strings, and the form detection in front of them.

#include "connection/connectionstring.h"
#include "fuzzsupport.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = Fuzz::utf8(data, size);
    Fuzz::checkConnection(ConnectionString::parseNpgsql(text));
    Fuzz::checkConnection(ConnectionString::parse(text));
    return 0;
}

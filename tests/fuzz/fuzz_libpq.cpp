// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// libpq connection strings: postgresql:// URIs and "key=value" keyword strings.

#include "connection/connectionspec.h"
#include "fuzzsupport.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = Fuzz::utf8(data, size);
    // The URI parser only gets past the scheme with one; give every input a chance at it.
    const QString uri = text.contains(u"://") ? text : u"postgresql://"_s + text;
    Fuzz::checkConnection(ConnectionString::parseUri(uri));
    Fuzz::checkConnection(ConnectionString::parseKeywordValue(text));
    Fuzz::checkConnection(ConnectionString::parse(text));
    return 0;
}

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// Internal to the Npgsql parser (npgsqlconnectionstring.cpp): maps Npgsql settings, already
// split into key/value entries with duplicates resolved, to libpq settings in a spec.

#include "connection/connectionstring.h"
#include "connection/npgsqlkeys.h"

#include <optional>

class NpgsqlApplier
{
public:
    struct Entry
    {
        NpgsqlKeys::Key key;
        QString shownKey; // as written, for messages
        QString value;
    };

    explicit NpgsqlApplier(ParsedConnection &pc)
        : m_pc(pc)
    { }
    // Sets what ENTRY says in the spec, or adds a warning (a setting libpq does not have).
    // Returns an error naming the key as written, or empty.
    QString apply(const Entry &entry);
    // Builds host and port lists from Host and Port, and "options" from Options and Search
    // Path; call once after the last apply(). Returns an error or empty.
    QString finish();

private:
    ParsedConnection &m_pc;
    std::optional<QString> m_host, m_port, m_searchPath, m_options;
};

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// `dotnet ef migrations script --idempotent` output (the SQL lexer and the history-insert
// reader), and the manifest reader on the same text.

#include "fuzzsupport.h"
#include "migrations/expectedmigrations.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace {

void checkSet(const ExpectedSet &set)
{
    if (!set.isKnown()) {
        Fuzz::require(!set.error.isEmpty() || set.kind == ExpectedSet::Kind::None,
            "an unknown set without an error");
        return;
    }
    Fuzz::require(!set.ids.isEmpty(), "a known set without ids");
    for (qsizetype i = 0; i < set.ids.size(); ++i) {
        const QString &id = set.ids.at(i);
        Fuzz::require(!id.trimmed().isEmpty(), "an empty MigrationId");
        Fuzz::require(id.size() <= ExpectedMigrations::MaxIdLength, "a MigrationId over 150", id);
        Fuzz::require(i == 0 || set.ids.at(i - 1) < id, "ids not sorted and unique", id);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    // As ExpectedMigrations::load() reads files: UTF-16/32 with a BOM, else UTF-8.
    QStringDecoder decode(
        QStringConverter::encodingForData(input).value_or(QStringConverter::Utf8));
    const QString text = decode(input);
    checkSet(ExpectedMigrations::fromIdempotentScript(text, u"fuzz.sql"_s));
    checkSet(ExpectedMigrations::fromManifest(text, u"fuzz.txt"_s));
    return 0;
}

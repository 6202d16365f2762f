// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>

// JSON as .NET's configuration reads it (System.Text.Json with comments skipped and
// trailing commas allowed), parsed with QJsonDocument.
namespace RelaxedJson {
// On failure returns a null document and sets *error to "LINE:COL: what is wrong",
// counted from 1 in characters, as editors show it.
QJsonDocument parse(const QByteArray &data, QString *error);
// Where a byte offset into data is, as "LINE:COL".
QString lineColumn(const QByteArray &data, qsizetype offset);
} // namespace RelaxedJson

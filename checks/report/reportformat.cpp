// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "report/reportformat.h"

#include "report/reporthtml.h"
#include "report/reportjson.h"
#include "report/reportmarkdown.h"

using namespace Qt::StringLiterals;

std::optional<ReportFormat::Format> ReportFormat::fromKey(const QString &key)
{
    for (Format f : all()) {
        if (ReportFormat::key(f) == key)
            return f;
    }
    return std::nullopt;
}

QString ReportFormat::key(Format format)
{
    switch (format) {
    case Format::Html:
        return u"html"_s;
    case Format::Markdown:
        return u"md"_s;
    case Format::Json:
        break;
    }
    return u"json"_s;
}

QString ReportFormat::suffix(Format format)
{
    return key(format);
}

QString ReportFormat::title(Format format)
{
    switch (format) {
    case Format::Html:
        return u"HTML"_s;
    case Format::Markdown:
        return u"Markdown"_s;
    case Format::Json:
        break;
    }
    return u"JSON"_s;
}

QList<ReportFormat::Format> ReportFormat::all()
{
    return { Format::Html, Format::Markdown, Format::Json };
}

QByteArray ReportFormat::render(const ReportContent &content, Format format)
{
    switch (format) {
    case Format::Html:
        return ReportHtml::write(content);
    case Format::Markdown:
        return ReportMarkdown::write(content);
    case Format::Json:
        break;
    }
    return ReportJson::write(content);
}

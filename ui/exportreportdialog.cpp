// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "exportreportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {
const QString FormatKey = u"report/format"_s;
const QString FolderKey = u"report/folder"_s;
const QString RedactKey = u"report/redact"_s;
} // namespace

ExportReportDialog::ExportReportDialog(QWidget *parent)
    : QDialog(parent)
    , m_format(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_redact(new QCheckBox(tr("&Redact host, database, user and client names"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Export Report"));
    const QSettings settings;
    for (ReportFormat::Format f : ReportFormat::all())
        m_format->addItem(ReportFormat::title(f), ReportFormat::key(f));
    const int remembered = m_format->findData(settings.value(FormatKey, u"html"_s).toString());
    m_format->setCurrentIndex(qMax(0, remembered));
    m_redact->setChecked(settings.value(RedactKey, true).toBool());
    m_redact->setToolTip(tr("Replaces them with aliases (host-1, db-1, user-1, client-1), the "
                            "same everywhere in the file. Passwords are never written."));
    const QString folder
        = settings
              .value(FolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .toString();
    m_path->setText(QDir(folder).filePath(u"doctor-report."_s + ReportFormat::suffix(format())));

    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("F&ile:"), file);
    form->addRow(QString(), m_redact);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("The report holds every result of the last run with its "
                                    "evidence, the migration matrix and the fix commands."),
        this));
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));

    connect(browse, &QPushButton::clicked, this, &ExportReportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportReportDialog::formatChanged);
    connect(m_path, &QLineEdit::textChanged, this, &ExportReportDialog::updateOk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportReportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportReportDialog::reject);
    updateOk();
}

ReportFormat::Format ExportReportDialog::format() const
{
    return ReportFormat::fromKey(m_format->currentData().toString())
        .value_or(ReportFormat::Format::Html);
}

QString ExportReportDialog::path() const
{
    const QString text = m_path->text().trimmed();
    return text.isEmpty() ? QString() : QFileInfo(text).absoluteFilePath();
}

bool ExportReportDialog::redact() const
{
    return m_redact->isChecked();
}

void ExportReportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

void ExportReportDialog::accept()
{
    QSettings settings;
    settings.setValue(FormatKey, ReportFormat::key(format()));
    settings.setValue(RedactKey, redact());
    settings.setValue(FolderKey, QFileInfo(path()).absolutePath());
    QDialog::accept();
}

void ExportReportDialog::browse()
{
    const QString suffix = ReportFormat::suffix(format());
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Report"), path(),
        tr("%1 files (*.%2)").arg(ReportFormat::title(format()), suffix));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

// The file name's suffix follows the format, so "report.html" becomes "report.md".
void ExportReportDialog::formatChanged()
{
    const QString text = m_path->text().trimmed();
    if (text.isEmpty())
        return;
    const QFileInfo info(text);
    QString base = info.fileName();
    for (ReportFormat::Format f : ReportFormat::all()) {
        const QString old = u"."_s + ReportFormat::suffix(f);
        if (base.endsWith(old)) {
            base.chop(old.size());
            break;
        }
    }
    m_path->setText(QDir(info.path()).filePath(base + u'.' + ReportFormat::suffix(format())));
}

void ExportReportDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_path->text().trimmed().isEmpty());
}

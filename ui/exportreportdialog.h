// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "report/reportformat.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;

// File > Export Report: which format, which file, and whether to redact (replace host,
// database, user and client names with aliases before the file is sent to anyone). The
// format, the folder and the Redact choice are remembered (QSettings "report/..."); the file
// name follows the format's suffix. Accepting writes nothing: MainWindow writes the file.
class ExportReportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportReportDialog(QWidget *parent = nullptr);

    ReportFormat::Format format() const;
    QString path() const; // absolute; empty until one is chosen
    bool redact() const;

    void setPath(const QString &path);
    QComboBox *formatBox() const { return m_format; }
    QLineEdit *pathEdit() const { return m_path; }
    QCheckBox *redactBox() const { return m_redact; }

    void accept() override; // remembers the choices

private:
    void browse();
    void formatChanged();
    void updateOk();

    QComboBox *m_format;
    QLineEdit *m_path;
    QCheckBox *m_redact;
    QDialogButtonBox *m_buttons;
};

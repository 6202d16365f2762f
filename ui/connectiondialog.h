// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QDialog>
#include <QStringList>
#include <optional>

class ConnectionFields;
class ConnectionTester;
class EnvironmentDetailsForm;
class PoolThresholdsForm;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;

// File > New Environment / Edit Environment: one environment's name, deployment style,
// connection (fields, a pasted connection string, or a service's appsettings.json),
// expected migrations and placeholders, with an inline "Test connection". The password
// typed here is handed out only through password(); environment() never carries it.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    // takenNames: the names of the other environments, which this one may not reuse.
    explicit ConnectionDialog(const QStringList &takenNames, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // Edit mode: fills the dialog from env. knownPassword (held in memory by the caller)
    // is used by "Test connection" while the password field is left empty.
    void setEnvironment(const Environment &env, const QString &knownPassword = {});
    Environment environment() const;
    QString password() const; // empty: unchanged (edit) or none
    bool rememberPassword() const;

    // Fills the connection fields from a connection string. On a parse error the fields
    // stay as they were and the error is shown inline; returns whether it parsed.
    bool pasteConnectionString(const QString &text);
    // Empty when OK may close the dialog, else what to fix (also shown inline).
    QString validationError() const;

    ConnectionFields *connectionFields() const { return m_fields; }
    EnvironmentDetailsForm *detailsForm() const { return m_details; }
    PoolThresholdsForm *poolForm() const { return m_pool; }
    ConnectionTester *tester() const { return m_tester; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *deploymentBox() const { return m_deployment; }
    QRadioButton *appSettingsButton() const { return m_useAppSettings; }
    QLineEdit *appSettingsEdit() const { return m_appSettings; }
    QLineEdit *dotnetEnvironmentEdit() const { return m_dotnetEnvironment; }
    QPushButton *pasteButton() const { return m_paste; }
    QLabel *pasteMessage() const { return m_pasteMessage; }
    QLabel *validationLabel() const { return m_validation; }
    QPushButton *okButton() const;

public Q_SLOTS:
    void accept() override;
    void done(int result) override;

private:
    QWidget *buildConnectionPage();
    QWidget *buildAppSettingsPage();
    void pasteFromClipboard();
    void testConnection();
    void updateValidation();
    enum class Tone { Info, Warning, Error };
    void showMessage(QLabel *label, const QString &text, Tone tone);
    QString connectionError() const;

    QStringList m_taken;
    Environment m_original;
    QString m_knownPassword;
    std::optional<int> m_pastedStatementMs; // Npgsql Command Timeout of a pasted string

    QLineEdit *m_name;
    QComboBox *m_deployment;
    QRadioButton *m_useFields;
    QRadioButton *m_useAppSettings;
    QStackedWidget *m_source;
    ConnectionFields *m_fields;
    QPushButton *m_paste;
    QLabel *m_pasteMessage;
    QLineEdit *m_appSettings;
    QLineEdit *m_dotnetEnvironment;
    EnvironmentDetailsForm *m_details;
    PoolThresholdsForm *m_pool;
    ConnectionTester *m_tester;
    QLabel *m_validation;
    QDialogButtonBox *m_buttons;
};

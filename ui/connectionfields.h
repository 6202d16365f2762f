// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "connection/connectionspec.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// The PostgreSQL connection of the connection dialog as separate fields. Settings the
// fields do not show (application_name, keepalives, ...) are kept from the spec given to
// setSpec(). The password stays in its field: spec() never carries it.
class ConnectionFields : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionFields(QWidget *parent = nullptr);

    // Fills every field from spec, its password included when it has one.
    void setSpec(const ConnectionSpec &spec);
    ConnectionSpec spec() const; // without the password
    QString password() const;
    bool rememberPassword() const;
    // Shown as the password field's placeholder when the field is left empty on an edit.
    void setPasswordPlaceholder(const QString &text);
    int connectTimeoutSec() const;
    void setConnectTimeoutSec(int seconds);

    QLineEdit *hostEdit() const { return m_host; }
    QLineEdit *portEdit() const { return m_port; }
    QLineEdit *databaseEdit() const { return m_database; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *rememberBox() const { return m_remember; }
    QComboBox *sslModeBox() const { return m_sslMode; }
    QSpinBox *timeoutBox() const { return m_timeout; }

Q_SIGNALS:
    void changed();

private:
    void updateDriver();

    ConnectionSpec m_base; // driver and the settings without a field of their own
    QLineEdit *m_host;
    QLineEdit *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QComboBox *m_sslMode;
    QSpinBox *m_timeout;
    QLabel *m_databaseLabel;
    QLabel *m_kept;
};

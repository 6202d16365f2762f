// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "secretstore.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

// Asks for the password of one role on one server (echo mode Password), for every
// environment waiting for it. Not modal: the dashboard stays usable and the environments
// that need no password run meanwhile. SecretStore's default prompt; one is open at a time.
class PasswordPrompt : public QDialog
{
    Q_OBJECT
public:
    explicit PasswordPrompt(const PasswordRequest &request, QWidget *parent = nullptr);

    // Shows a prompt next to the window the store belongs to (its nearest widget ancestor;
    // deleted on close) and wires it to the store: OK answers, Cancel or closing the window
    // declines, a withdrawn request closes it without either. Returns at once.
    static PasswordPrompt *open(SecretStore *store, const PasswordRequest &request);

    void setRequest(const PasswordRequest &request); // the environments waiting changed
    PasswordAnswer answer() const;
    QString key() const { return m_key; }

    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *rememberForSessionBox() const { return m_session; }
    QCheckBox *rememberInKeychainBox() const { return m_keychain; }

private:
    QString m_key;
    QLabel *m_label;
    QLineEdit *m_password;
    QCheckBox *m_session;
    QCheckBox *m_keychain;
    bool m_offerKeychain;
};

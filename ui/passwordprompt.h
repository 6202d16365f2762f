#pragma once

#include "secretstore.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;

// Asks for one environment's password (echo mode Password). SecretStore's default prompt.
class PasswordPrompt : public QDialog
{
    Q_OBJECT
public:
    explicit PasswordPrompt(const PasswordRequest &request, QWidget *parent = nullptr);
    PasswordAnswer answer() const;

    // Runs the dialog modally; nullopt when cancelled.
    static std::optional<PasswordAnswer> ask(QWidget *parent, const PasswordRequest &request);

private:
    QLineEdit *m_password;
    QCheckBox *m_remember;
    bool m_offerRemember;
};

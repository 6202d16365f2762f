#include "passwordprompt.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

PasswordPrompt::PasswordPrompt(const PasswordRequest &request, QWidget *parent)
    : QDialog(parent)
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember in keychain"), this))
    , m_offerRemember(request.keychainAvailable)
{
    setWindowTitle(tr("Password for %1").arg(request.environment));
    setMinimumWidth(380);
    auto *layout = new QVBoxLayout(this);
    auto *label
        = new QLabel(tr("Password for environment <b>%1</b><br>%2")
                         .arg(request.environment.toHtmlEscaped(), request.target.toHtmlEscaped()),
            this);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setBuddy(m_password);
    layout->addWidget(label);

    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    layout->addWidget(m_password);

    m_remember->setObjectName(QStringLiteral("remember"));
    m_remember->setVisible(m_offerRemember);
    layout->addWidget(m_remember);

    if (!request.notice.isEmpty()) {
        auto *notice = new QLabel(request.notice, this);
        notice->setObjectName(QStringLiteral("notice"));
        notice->setWordWrap(true);
        layout->addWidget(notice);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

PasswordAnswer PasswordPrompt::answer() const
{
    return { m_password->text(), m_offerRemember && m_remember->isChecked() };
}

std::optional<PasswordAnswer> PasswordPrompt::ask(QWidget *parent, const PasswordRequest &request)
{
    PasswordPrompt prompt(request, parent);
    if (prompt.exec() != QDialog::Accepted)
        return std::nullopt;
    return prompt.answer();
}

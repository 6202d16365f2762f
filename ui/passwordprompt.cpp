// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "passwordprompt.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

PasswordPrompt::PasswordPrompt(const PasswordRequest &request, QWidget *parent)
    : QDialog(parent)
    , m_key(request.key)
    , m_label(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_session(new QCheckBox(tr("Remember for this &session"), this))
    , m_keychain(new QCheckBox(tr("Remember in &keychain"), this))
    , m_offerKeychain(request.keychainAvailable)
{
    setObjectName(u"passwordPrompt"_s);
    // The server and role only: a window title is seen by window lists and screen readers.
    setWindowTitle(tr("Password for %1").arg(request.target));
    setWindowModality(Qt::NonModal);
    setMinimumWidth(400);
    auto *layout = new QVBoxLayout(this);
    m_label->setObjectName(u"question"_s);
    m_label->setTextFormat(Qt::RichText);
    m_label->setWordWrap(true);
    m_label->setBuddy(m_password);
    layout->addWidget(m_label);

    m_password->setObjectName(u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    layout->addWidget(m_password);

    // Kept in memory only; unchecked, the password serves this run and is asked for again.
    m_session->setObjectName(u"rememberForSession"_s);
    m_session->setChecked(true);
    layout->addWidget(m_session);
    m_keychain->setObjectName(u"rememberInKeychain"_s);
    m_keychain->setVisible(m_offerKeychain);
    layout->addWidget(m_keychain);

    if (!request.notice.isEmpty()) {
        auto *notice = new QLabel(request.notice, this);
        notice->setObjectName(u"notice"_s);
        notice->setWordWrap(true);
        layout->addWidget(notice);
    }
    auto *hint = new QLabel(tr("Cancel: these environments are shown as \"no password given\" "
                               "and not asked for again until you choose Enter Password… or "
                               "Run Selected Environment on one of them."),
        this);
    hint->setObjectName(u"cancelHint"_s);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setRequest(request);
}

void PasswordPrompt::setRequest(const PasswordRequest &request)
{
    m_label->setText(tr("Password for <b>%1</b><br>used by %2")
            .arg(request.target.toHtmlEscaped(),
                request.environments.join(u", "_s).toHtmlEscaped()));
}

PasswordAnswer PasswordPrompt::answer() const
{
    return { m_password->text(), m_session->isChecked(),
        m_offerKeychain && m_keychain->isChecked() };
}

PasswordPrompt *PasswordPrompt::open(SecretStore *store, const PasswordRequest &request)
{
    // The window the store belongs to: its nearest widget ancestor (the main window, whose
    // RunController owns the store); a child, so it closes and goes with that window.
    QWidget *window = nullptr;
    for (QObject *o = store->parent(); o && !window; o = o->parent())
        window = qobject_cast<QWidget *>(o);
    auto *prompt = new PasswordPrompt(request, window);
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    const QString key = request.key;
    // The store is the context: once it is gone, nothing is answered to it.
    connect(prompt, &QDialog::accepted, store,
        [store, prompt, key] { store->answer(key, prompt->answer()); });
    connect(prompt, &QDialog::rejected, store, [store, key] { store->decline(key); });
    connect(store, &SecretStore::promptWithdrawn, prompt, [prompt, key](const QString &k) {
        if (k != key)
            return;
        prompt->disconnect(); // closing is not the user's Cancel
        prompt->close();
    });
    connect(store, &SecretStore::promptUpdated, prompt, [prompt, key](const PasswordRequest &r) {
        if (r.key == key)
            prompt->setRequest(r);
    });
    prompt->show();
    prompt->raise();
    prompt->activateWindow();
    prompt->m_password->setFocus();
    return prompt;
}

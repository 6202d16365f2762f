// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "connectionfields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace {

// Settings that have a field here; the others are listed as kept.
bool hasField(const QString &key)
{
    return key == u"sslmode" || key == u"connect_timeout";
}

} // namespace

ConnectionFields::ConnectionFields(QWidget *parent)
    : QWidget(parent)
    , m_host(new QLineEdit(this))
    , m_port(new QLineEdit(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Remember in &keychain"), this))
    , m_sslMode(new QComboBox(this))
    , m_timeout(new QSpinBox(this))
    , m_databaseLabel(new QLabel(tr("&Database:"), this))
    , m_kept(new QLabel(this))
{
    const auto name = [](QWidget *w, const QString &objectName, const QString &accessible) {
        w->setObjectName(objectName);
        w->setAccessibleName(accessible);
    };
    name(m_host, u"host"_s, tr("Host"));
    name(m_port, u"port"_s, tr("Port"));
    name(m_database, u"database"_s, tr("Database"));
    name(m_user, u"user"_s, tr("User"));
    name(m_password, u"password"_s, tr("Password"));
    name(m_remember, u"rememberPassword"_s, tr("Remember password in keychain"));
    name(m_sslMode, u"sslMode"_s, tr("SSL mode"));
    name(m_timeout, u"connectTimeout"_s, tr("Connect timeout in seconds"));

    m_host->setPlaceholderText(tr("db.example.com (several: a,b)"));
    m_port->setPlaceholderText(u"5432"_s);
    // Digits and commas: libpq takes a port per host.
    m_port->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[0-9]{0,5}(,[0-9]{0,5})*"_s), m_port));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(
        Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_sslMode->addItem(tr("Default (prefer)"), QString());
    for (const QString &mode :
        { u"disable"_s, u"allow"_s, u"prefer"_s, u"require"_s, u"verify-ca"_s, u"verify-full"_s })
        m_sslMode->addItem(mode, mode);
    m_timeout->setRange(1, 3600);
    m_timeout->setValue(5);
    m_timeout->setSuffix(tr(" s"));
    m_kept->setObjectName(u"keptSettings"_s);
    m_kept->setWordWrap(true);
    m_kept->setVisible(false);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    m_databaseLabel->setBuddy(m_database);
    form->addRow(m_databaseLabel, m_database);
    form->addRow(tr("&User:"), m_user);
    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_password, 1);
    passwordRow->addWidget(m_remember);
    auto *passwordLabel = new QLabel(tr("Pass&word:"), this);
    passwordLabel->setBuddy(m_password); // a row of two widgets gets no buddy of its own
    form->addRow(passwordLabel, passwordRow);
    form->addRow(tr("&SSL mode:"), m_sslMode);
    form->addRow(tr("Connect &timeout:"), m_timeout);
    form->addRow(m_kept);

    for (QLineEdit *edit : { m_host, m_port, m_database, m_user, m_password })
        connect(edit, &QLineEdit::textChanged, this, &ConnectionFields::changed);
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, &ConnectionFields::changed);
    connect(m_timeout, &QSpinBox::valueChanged, this, &ConnectionFields::changed);
    updateDriver();
}

void ConnectionFields::setSpec(const ConnectionSpec &spec)
{
    m_base = spec;
    m_base.password.clear(); // held by its field only
    m_host->setText(spec.host);
    m_port->setText(spec.port);
    m_database->setText(spec.database);
    m_user->setText(spec.user);
    m_password->setText(spec.password);
    const int ssl = m_sslMode->findData(spec.option(u"sslmode"_s));
    m_sslMode->setCurrentIndex(qMax(0, ssl));
    if (spec.connectTimeoutSec && *spec.connectTimeoutSec > 0)
        m_timeout->setValue(*spec.connectTimeoutSec);
    QStringList kept;
    for (const auto &[key, value] : spec.options) {
        if (!hasField(key))
            kept << key;
    }
    if (spec.trustServerCertificate)
        kept << tr("Trust Server Certificate");
    m_kept->setText(tr("Also kept from the connection string: %1").arg(kept.join(u", "_s)));
    m_kept->setVisible(!kept.isEmpty());
    updateDriver();
}

ConnectionSpec ConnectionFields::spec() const
{
    ConnectionSpec spec = m_base;
    spec.password.clear();
    spec.host = m_host->text().trimmed();
    spec.port = m_port->text().trimmed();
    spec.database = m_database->text().trimmed();
    spec.user = m_user->text().trimmed();
    if (spec.driver == ConnectionSpec::Driver::Postgres) {
        // The timeout field belongs to the environment (Timeouts::connectSec), which the
        // driver is given anyway; a second copy in the connection could only disagree.
        spec.options.removeIf([](const auto &option) { return hasField(option.first); });
        spec.connectTimeoutSec.reset();
        if (const QString mode = m_sslMode->currentData().toString(); !mode.isEmpty())
            spec.setOption(u"sslmode"_s, mode);
    }
    return spec;
}

QString ConnectionFields::password() const
{
    return m_password->text();
}

bool ConnectionFields::rememberPassword() const
{
    return m_remember->isChecked() && !m_password->text().isEmpty();
}

void ConnectionFields::setPasswordPlaceholder(const QString &text)
{
    m_password->setPlaceholderText(text);
}

int ConnectionFields::connectTimeoutSec() const
{
    return m_timeout->value();
}

void ConnectionFields::setConnectTimeoutSec(int seconds)
{
    m_timeout->setValue(seconds);
}

void ConnectionFields::updateDriver()
{
    // SQLite (as in the demo) has only a file; the other fields would mean nothing.
    const bool pg = m_base.driver == ConnectionSpec::Driver::Postgres;
    for (QWidget *w : std::initializer_list<QWidget *> {
             m_host, m_port, m_user, m_password, m_remember, m_sslMode })
        w->setEnabled(pg);
    m_databaseLabel->setText(pg ? tr("&Database:") : tr("&Database file:"));
}

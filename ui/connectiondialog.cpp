// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "connectiondialog.h"

#include "config/appsettings.h"
#include "connection/connectionstring.h"
#include "connectionfields.h"
#include "connectiontester.h"
#include "deploymenttext.h"
#include "environmentdetailsform.h"
#include "poolthresholdsform.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString absoluteClean(const QString &path)
{
    return path.trimmed().isEmpty()
        ? QString()
        : QDir::cleanPath(QFileInfo(QDir::fromNativeSeparators(path.trimmed())).absoluteFilePath());
}

} // namespace

ConnectionDialog::ConnectionDialog(const QStringList &takenNames, QWidget *parent)
    : QDialog(parent)
    , m_taken(takenNames)
    , m_name(new QLineEdit(this))
    , m_deployment(new QComboBox(this))
    , m_useFields(new QRadioButton(tr("Connection &settings"), this))
    , m_useAppSettings(new QRadioButton(tr("The service's a&ppsettings.json"), this))
    , m_source(new QStackedWidget(this))
    , m_fields(new ConnectionFields(this))
    , m_paste(new QPushButton(tr("&Paste Connection String"), this))
    , m_pasteMessage(new QLabel(this))
    , m_appSettings(new QLineEdit(this))
    , m_dotnetEnvironment(new QLineEdit(this))
    , m_details(new EnvironmentDetailsForm(this))
    , m_pool(new PoolThresholdsForm(this))
    , m_tester(new ConnectionTester(this))
    , m_validation(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"ConnectionDialog"_s);
    setWindowTitle(tr("New Environment"));
    m_name->setObjectName(u"name"_s);
    m_name->setAccessibleName(tr("Environment name"));
    m_name->setPlaceholderText(tr("prod, staging, customer-a…"));
    m_deployment->setObjectName(u"deployment"_s);
    m_deployment->setAccessibleName(tr("Deployment style"));
    for (DeploymentStyle style : Deployment::all())
        m_deployment->addItem(DeploymentText::title(style), int(style));

    auto *top = new QFormLayout;
    top->addRow(tr("&Name:"), m_name);
    top->addRow(tr("&Deployment:"), m_deployment);

    m_useFields->setChecked(true);
    m_source->addWidget(buildConnectionPage());
    m_source->addWidget(buildAppSettingsPage());
    connect(m_useAppSettings, &QRadioButton::toggled, this, [this](bool on) {
        m_source->setCurrentIndex(on ? 1 : 0);
        updateValidation();
    });
    auto *choice = new QHBoxLayout;
    choice->addWidget(m_useFields);
    choice->addWidget(m_useAppSettings);
    choice->addStretch();
    auto *connectionBox = new QGroupBox(tr("Connection"), this);
    auto *connectionLayout = new QVBoxLayout(connectionBox);
    connectionLayout->addLayout(choice);
    connectionLayout->addWidget(m_source);

    auto *detailsBox = new QGroupBox(tr("Migrations and fixes"), this);
    (new QVBoxLayout(detailsBox))->addWidget(m_details);
    auto *poolBox = new QGroupBox(tr("Pool check limits"), this);
    (new QVBoxLayout(poolBox))->addWidget(m_pool);

    m_validation->setObjectName(u"validationMessage"_s);
    m_validation->setWordWrap(true);
    m_validation->setVisible(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    connect(m_tester, &ConnectionTester::testRequested, this, &ConnectionDialog::testConnection);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(connectionBox);
    layout->addWidget(detailsBox);
    layout->addWidget(poolBox);
    layout->addWidget(m_tester);
    layout->addWidget(m_validation);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &ConnectionDialog::updateValidation);
    connect(m_fields, &ConnectionFields::changed, this, &ConnectionDialog::updateValidation);
    connect(m_details, &EnvironmentDetailsForm::changed, this, &ConnectionDialog::updateValidation);
    connect(m_pool, &PoolThresholdsForm::changed, this, &ConnectionDialog::updateValidation);
    connect(m_appSettings, &QLineEdit::textChanged, this, &ConnectionDialog::updateValidation);
    updateValidation();
}

ConnectionDialog::~ConnectionDialog() = default;

QWidget *ConnectionDialog::buildConnectionPage()
{
    auto *page = new QWidget(this);
    m_paste->setObjectName(u"pasteConnectionString"_s);
    m_paste->setAccessibleName(tr("Paste connection string"));
    m_paste->setToolTip(tr("Fill the fields from an Npgsql, libpq or postgresql:// connection "
                           "string on the clipboard"));
    connect(m_paste, &QPushButton::clicked, this, &ConnectionDialog::pasteFromClipboard);
    m_pasteMessage->setObjectName(u"pasteMessage"_s);
    m_pasteMessage->setWordWrap(true);
    m_pasteMessage->setVisible(false);
    auto *pasteRow = new QHBoxLayout;
    pasteRow->addWidget(m_paste);
    pasteRow->addWidget(m_pasteMessage, 1);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(pasteRow);
    layout->addWidget(m_fields);
    return page;
}

QWidget *ConnectionDialog::buildAppSettingsPage()
{
    auto *page = new QWidget(this);
    m_appSettings->setObjectName(u"appSettings"_s);
    m_appSettings->setAccessibleName(tr("appsettings.json path"));
    m_appSettings->setPlaceholderText(tr("/srv/app/appsettings.json or its folder"));
    m_dotnetEnvironment->setObjectName(u"dotnetEnvironment"_s);
    m_dotnetEnvironment->setAccessibleName(tr(".NET environment name"));
    m_dotnetEnvironment->setPlaceholderText(tr("From DOTNET_ENVIRONMENT, else Production"));
    auto *browse = new QPushButton(tr("&Browse…"), page);
    browse->setAccessibleName(tr("Choose appsettings.json"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("appsettings.json"),
            QFileInfo(m_appSettings->text()).path(), tr("JSON (*.json);;All files (*)"));
        if (!path.isEmpty())
            m_appSettings->setText(QDir::toNativeSeparators(path));
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_appSettings, 1);
    row->addWidget(browse);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    auto *fileLabel = new QLabel(tr("&File:"), page);
    fileLabel->setBuddy(m_appSettings);
    form->addRow(fileLabel, row);
    form->addRow(tr(".NET &environment:"), m_dotnetEnvironment);
    return page;
}

void ConnectionDialog::setEnvironment(const Environment &env, const QString &knownPassword)
{
    setWindowTitle(tr("Edit Environment"));
    m_original = env;
    m_knownPassword = knownPassword;
    m_taken.removeAll(env.name);
    m_name->setText(env.name);
    m_deployment->setCurrentIndex(m_deployment->findData(int(env.deployment)));
    const bool appSettings = !env.appSettingsPath.isEmpty();
    m_useAppSettings->setChecked(appSettings);
    m_useFields->setChecked(!appSettings);
    m_appSettings->setText(QDir::toNativeSeparators(env.appSettingsPath));
    m_dotnetEnvironment->setText(env.dotnetEnvironment);
    if (!appSettings)
        m_fields->setSpec(env.connection);
    m_fields->setConnectTimeoutSec(env.timeouts.connectSec);
    m_fields->setPasswordPlaceholder(tr("Unchanged"));
    m_details->setEnvironment(env);
    m_pool->setThresholds(env.pool);
    updateValidation();
}

Environment ConnectionDialog::environment() const
{
    Environment env = m_original; // keeps what the dialog does not show (reference, ...)
    env.name = m_name->text().trimmed();
    env.deployment = DeploymentStyle(m_deployment->currentData().toInt());
    env.configurationError.clear();
    if (m_useAppSettings->isChecked()) {
        env.appSettingsPath = absoluteClean(m_appSettings->text());
        env.dotnetEnvironment = m_dotnetEnvironment->text().trimmed();
        env.connection = {};
        const AppSettingsResult a = AppSettings::resolve(
            env.appSettingsPath, env.dotnetEnvironment, QProcessEnvironment::systemEnvironment());
        if (a.connection)
            env.useConnection(*a.connection, a.source);
        else
            env.configurationError = a.ok() ? a.missingMessage : a.error;
    } else {
        if (!env.appSettingsPath.isEmpty() || env.connectionSource.isEmpty())
            env.connectionSource = u"connection dialog"_s; // evidence, like the file's own
        env.appSettingsPath.clear();
        env.dotnetEnvironment.clear();
        env.connection = m_fields->spec();
        if (env.connection.driver == ConnectionSpec::Driver::Sqlite) // as the file reader gives it
            env.connection.database = absoluteClean(env.connection.database);
        env.timeouts.connectSec = m_fields->connectTimeoutSec();
        if (m_pastedStatementMs)
            env.timeouts.statementMs = *m_pastedStatementMs;
    }
    m_details->apply(&env);
    env.pool = m_pool->thresholds();
    return env;
}

QString ConnectionDialog::password() const
{
    return m_useAppSettings->isChecked() ? QString() : m_fields->password();
}

bool ConnectionDialog::rememberPassword() const
{
    return !m_useAppSettings->isChecked() && m_fields->rememberPassword();
}

bool ConnectionDialog::pasteConnectionString(const QString &text)
{
    const ParsedConnection parsed = ConnectionString::parse(text);
    if (!parsed.ok()) {
        // The parser's messages name keys, never values: safe to show.
        showMessage(m_pasteMessage,
            tr("Could not read the connection string: %1 Nothing was changed.").arg(parsed.error),
            Tone::Error);
        return false;
    }
    m_useFields->setChecked(true);
    m_fields->setSpec(parsed.spec);
    m_pastedStatementMs.reset();
    if (parsed.spec.commandTimeoutSec)
        m_pastedStatementMs = *parsed.spec.commandTimeoutSec * 1000;
    if (parsed.warnings.isEmpty())
        showMessage(m_pasteMessage, tr("Filled in from the connection string."), Tone::Info);
    else
        showMessage(m_pasteMessage,
            tr("Filled in, with warnings:\n%1").arg(parsed.warnings.join(u'\n')), Tone::Warning);
    updateValidation();
    return true;
}

void ConnectionDialog::pasteFromClipboard()
{
    QString text = QApplication::clipboard()->text().trimmed();
    if (text.isEmpty()) {
        // Masked once typed: the string may well hold a password.
        bool ok = false;
        text = QInputDialog::getText(this, tr("Paste Connection String"),
            tr("Connection string (Npgsql, libpq or postgresql://):"),
            QLineEdit::PasswordEchoOnEdit, QString(), &ok);
        if (!ok || text.trimmed().isEmpty())
            return;
    }
    pasteConnectionString(text);
}

QString ConnectionDialog::connectionError() const
{
    if (m_useAppSettings->isChecked()) {
        const QString path = absoluteClean(m_appSettings->text());
        if (path.isEmpty())
            return tr("Choose the service's appsettings.json (or the folder it is in).");
        if (!QFileInfo::exists(path))
            return tr("%1 does not exist.").arg(QDir::toNativeSeparators(path));
        return {};
    }
    const ConnectionSpec spec = m_fields->spec();
    if (spec.driver == ConnectionSpec::Driver::Sqlite)
        return spec.database.isEmpty() ? tr("Enter the SQLite database file.") : QString();
    if (spec.host.isEmpty())
        return tr("Enter the host: a name, an address, or the folder of the server's socket.");
    // The same check a saved file gets when it is read back.
    const ParsedConnection parsed = ConnectionString::parse(spec.toKeywordString());
    return parsed.ok() ? QString()
                       : tr("The connection settings are not valid: %1").arg(parsed.error);
}

QString ConnectionDialog::validationError() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Enter a name for the environment.");
    if (m_taken.contains(name))
        return tr("Another environment is already named \"%1\"; choose another name.").arg(name);
    if (const QString error = connectionError(); !error.isEmpty())
        return error;
    if (const QString error = m_details->validationError(); !error.isEmpty())
        return error;
    return m_pool->validationError();
}

void ConnectionDialog::updateValidation()
{
    const QString error = validationError();
    okButton()->setEnabled(error.isEmpty());
    // Nothing typed yet is not an error worth showing in red.
    if (error.isEmpty() || (m_name->text().isEmpty() && m_original.name.isEmpty()))
        m_validation->setVisible(false);
    else
        showMessage(m_validation, error, Tone::Error);
}

void ConnectionDialog::accept()
{
    const QString error = validationError();
    if (!error.isEmpty()) {
        showMessage(m_validation, error, Tone::Error);
        return;
    }
    if (m_useAppSettings->isChecked()) {
        // A broken settings file is worth fixing before it is saved; one that names no
        // connection yet is allowed (the environment then reports that).
        const AppSettingsResult a = AppSettings::resolve(absoluteClean(m_appSettings->text()),
            m_dotnetEnvironment->text().trimmed(), QProcessEnvironment::systemEnvironment());
        if (!a.ok()) {
            showMessage(m_validation, a.error, Tone::Error);
            return;
        }
    }
    QDialog::accept();
}

void ConnectionDialog::done(int result)
{
    m_tester->cancel(); // closing the dialog ends a test still running
    QDialog::done(result);
}

void ConnectionDialog::testConnection()
{
    if (const QString error = connectionError(); !error.isEmpty()) {
        showMessage(m_tester->resultLabel(), error, Tone::Error);
        return;
    }
    Environment env = environment();
    if (!m_useAppSettings->isChecked()) {
        const QString typed = m_fields->password();
        env.connection.password = typed.isEmpty() ? m_knownPassword : typed;
    }
    if (!env.configurationError.isEmpty()) {
        showMessage(m_tester->resultLabel(), env.configurationError, Tone::Error);
        return;
    }
    m_tester->start(env);
}

void ConnectionDialog::showMessage(QLabel *label, const QString &text, Tone tone)
{
    static const QColor colours[]
        = { QColor(0x20, 0x70, 0x30), QColor(0x9a, 0x5b, 0x00), QColor(0xb0, 0x20, 0x20) };
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, colours[int(tone)]);
    label->setPalette(palette);
    label->setText(text);
    label->setVisible(true);
}

QPushButton *ConnectionDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

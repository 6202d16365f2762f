#pragma once

#include "environment.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QProcessEnvironment>
#include <functional>
#include <optional>

namespace QKeychain {
class Job;
}

// What the password prompt is told. Never holds a password.
struct PasswordRequest
{
    QString environment;
    QString target; // ConnectionSpec::describe(): which server and user the password is for
    bool keychainAvailable = true; // offer "Remember in keychain"
    QString notice; // set the first time the session finds no keychain
};

struct PasswordAnswer
{
    QString password;
    bool remember = false;
};

// Passwords of environments, kept out of every file: the OS keychain through QtKeychain
// (service "doctor-dashboard", key = environment name), else the user is asked and the
// answer is held in memory until the app quits. UI-side only: the check engine gets
// Environment values with the password already filled in.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    // Synchronous by design: the default shows a modal dialog (PasswordPrompt); tests
    // answer directly. nullopt when the user cancels.
    using Prompt = std::function<std::optional<PasswordAnswer>(const PasswordRequest &)>;
    using Done = std::function<void(const QList<Environment> &)>;

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }
    // The variables that decide whether libpq finds a password on its own (tests).
    void setProcessEnvironment(const QProcessEnvironment &env) { m_system = env; }

    // True when the doctor must supply a password: PostgreSQL, a user set, no password in
    // the connection, and nothing libpq would use instead (PGPASSWORD, a .pgpass file or
    // a passfile/service option: when such a file exists it is left to libpq).
    static bool needsPassword(const Environment &env, const QProcessEnvironment &system);

    // Fills in the passwords environments need: from this session's memory, else the
    // keychain (asynchronously), else the prompt, one environment at a time. done gets
    // every environment, in order; synchronously when none needs a password. A later
    // resolve() or cancel() drops an earlier one unanswered.
    void resolve(const QList<Environment> &environments, Done done);
    void cancel();
    bool isResolving() const { return bool(m_done); }

    // Keeps the password for this session and, when remember is set, in the keychain.
    void setPassword(const QString &environment, const QString &password, bool remember);
    QString sessionPassword(const QString &environment) const
    {
        return m_session.value(environment);
    }
    bool keychainKnownUnavailable() const { return m_noKeychain; }

    static QString serviceName();

Q_SIGNALS:
    // Once per session, when the keychain turns out not to be there: passwords are then
    // asked for again on the next start.
    void keychainUnavailable(const QString &message);

private:
    void next();
    void onRead(quint64 request, QKeychain::Job *job);
    bool ask(quint64 request); // false when a newer request took over meanwhile
    void markNoKeychain(const QString &reason);

    Prompt m_prompt;
    QProcessEnvironment m_system = QProcessEnvironment::systemEnvironment();
    QHash<QString, QString> m_session;
    bool m_noKeychain = false;
    bool m_noticeShown = false;

    // The resolve() in progress.
    quint64 m_request = 0;
    QList<Environment> m_work;
    qsizetype m_index = 0;
    Done m_done;
};

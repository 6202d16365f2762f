// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QProcessEnvironment>
#include <QSet>
#include <QStringList>
#include <atomic>
#include <functional>
#include <memory>

class Keychain;

// What the password prompt is told. Never holds a password.
struct PasswordRequest
{
    // Which password: "user@host:port" (PasswordNeed::keyOf). answer() and decline() name it.
    QString key;
    QString target; // for people: "doctor on 127.0.0.1:5432"
    QStringList environments; // the environments waiting for it, in the run's order
    bool keychainAvailable = true; // offer "Remember in keychain"
    QString notice; // set the first time the session finds no keychain
};

struct PasswordAnswer
{
    QString password;
    bool rememberForSession = true; // in memory until the app quits; else this run only
    bool rememberInKeychain = false;
};

// Passwords of environments, kept out of every file: the OS keychain (Keychain), else the
// user is asked and the answer is held in memory until the app quits when the user says so.
// UI-side only: the check engine gets Environment values with the password already filled in.
//
// A run's environments are sorted by what they wait for (resolve()): what needs no
// password (PasswordNeed) goes to ready() at once; the rest wait for one password per server
// and role (PasswordNeed::keyOf: environments that differ only in the database share it).
// One prompt at a time, queued,
// and not modal: the other environments run meanwhile. A cancelled prompt marks its
// environments "no password given" (declined()) and is not shown again for that server
// and role until the user asks for it (allowPrompt(), askAgain()).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    // Shows the prompt for request and returns at once; the answer comes back later (or
    // from within) through answer() or decline() with request.key. The default opens a
    // PasswordPrompt next to the parent window; tests answer directly.
    using Prompt = std::function<void(const PasswordRequest &)>;

    enum class State {
        None,
        Waiting, // for a password: a prompt is open or queued, or the keychain is asked
        NoPasswordGiven, // its prompt was cancelled; cleared when it runs again
    };
    Q_ENUM(State)

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }
    // The variables that decide whether libpq finds a password on its own (tests).
    void setProcessEnvironment(const QProcessEnvironment &env) { m_system = env; }

    // Sorts a run's environments. Synchronously, ready() gets those that need no password
    // or whose password is known to this session; the others are looked up in the keychain
    // and, when not there, the server is asked whether it wants one at all (a trust or
    // unreachable server gets no prompt: PasswordProbe); each goes to ready() as its
    // password comes, or to declined(). Passwords are filled into the emitted copies only.
    // An environment whose reference environment waits for a password waits with it.
    // A resolve() still going is replaced: its prompt stays open when the new run needs
    // the same password, and closes (without counting as cancelled) otherwise.
    void resolve(const QList<Environment> &environments);
    // Drops the resolve() in progress: nothing more is emitted for it and its open prompt
    // closes, which is not a "cancel" by the user.
    void cancel();
    bool isResolving() const { return !m_waiting.isEmpty(); }
    QStringList waitingEnvironments() const; // in the run's order

    // The prompt's outcome for key; ignored for a key no prompt is open for.
    void answer(const QString &key, const PasswordAnswer &answer);
    void decline(const QString &key);
    QString openPrompt() const { return m_prompted; } // its key; empty when none is open

    // The user asked for env's password (Run Selected Environment): a cancelled prompt for
    // its server and role is shown again by the next resolve().
    void allowPrompt(const Environment &env);
    // "Enter Password…": the next resolve() asks for env's password even when one is known
    // (the one remembered may be wrong), and forgets the one remembered for this session.
    void askAgain(const Environment &env);
    bool isDeclined(const Environment &env) const;

    State state(const QString &environment) const { return m_states.value(environment); }
    static QString stateText(State state); // for the environment list; empty for None

    // Keeps the password for this session and, when remember is set, in the keychain.
    void setPassword(const QString &environment, const QString &password, bool remember);
    QString sessionPassword(const QString &environment) const
    {
        return m_session.value(environment);
    }

Q_SIGNALS:
    // Environments to run now, with their passwords filled in; all is the run's whole list
    // with every password known so far, where reference environments are looked up.
    void ready(const QList<Environment> &environments, const QList<Environment> &all);
    // Environments whose prompt was cancelled (now or earlier in the session): they do not
    // run (RunController gives them "no password given" results).
    void declined(const QList<Environment> &environments);
    void stateChanged(const QString &environment, SecretStore::State state);
    // The open prompt for key is no longer wanted (a new run does not need it): close it.
    void promptWithdrawn(const QString &key);
    // The open prompt's request changed (more environments wait for it).
    void promptUpdated(const PasswordRequest &request);
    // Once per session, when the keychain turns out not to be there: passwords are then
    // asked for again on the next start.
    void keychainUnavailable(const QString &message);

private:
    struct KeyWork
    {
        QString target;
        int keychainReads = 0; // outstanding
        bool forced = false; // askAgain(): straight to the prompt
        Environment probeWith; // the first environment that needs it
    };

    QString ownKey(const Environment &env) const; // empty when it needs no prompt
    void readKeychain(const QString &key, const QString &environment);
    void probe(const QString &key);
    void queuePrompt(const QString &key);
    void showNextPrompt();
    // showing: for the prompt about to open (takes the one-time keychain notice).
    PasswordRequest requestFor(const QString &key, bool showing);
    void release(const QString &key, const QString &password); // empty: go without one
    void declineKey(const QString &key);
    void setState(const QString &environment, State state);
    void withdrawOrphanedPrompt();

    Prompt m_prompt;
    Keychain *m_keychain;
    QProcessEnvironment m_system = QProcessEnvironment::systemEnvironment();
    QHash<QString, QString> m_session; // environment name -> password
    QHash<QString, QString> m_sessionByKey; // "user@host:port" -> password
    QSet<QString> m_declined; // keys whose prompt was cancelled, until asked again
    QSet<QString> m_forced; // keys askAgain() named, for the next resolve()
    QHash<QString, State> m_states;
    bool m_noticeShown = false;

    // The resolve() in progress.
    quint64 m_request = 0;
    // Set when the refresh the probes out were started for is cancelled (PasswordProbe).
    std::shared_ptr<std::atomic_bool> m_probesAbandoned = std::make_shared<std::atomic_bool>(false);
    QList<Environment> m_all; // its environments, passwords filled in as they come
    QHash<QString, QString> m_ownKeys; // environment -> the key it needs itself
    QHash<QString, QSet<QString>> m_waiting; // environment -> keys it still waits for
    QHash<QString, KeyWork> m_keys;
    QStringList m_queue; // keys waiting for the prompt, oldest first
    QString m_prompted; // the key whose prompt is open
    bool m_promptOrphaned = false; // cancel() left it open for the next resolve()
};

// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "secretstore.h"

#include "keychain.h"
#include "passwordneed.h"
#include "passwordprobe.h"
#include "passwordprompt.h"

#include <QFutureWatcher>
#include <QTimer>

using namespace Qt::StringLiterals;

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
    , m_keychain(new Keychain(this))
{
    connect(m_keychain, &Keychain::unavailable, this, &SecretStore::keychainUnavailable);
    m_prompt = [this](const PasswordRequest &request) { PasswordPrompt::open(this, request); };
}

SecretStore::~SecretStore()
{
    // Keychain reads still running go with the Keychain child, unanswered; probes still
    // running finish on their own and find no watcher. An open prompt closes (it is the
    // context of its connection: a prompt already gone is not called).
    if (!m_prompted.isEmpty())
        Q_EMIT promptWithdrawn(std::exchange(m_prompted, {}));
    // No other signal from here: the receivers, such as the RunController whose child this
    // is, may be part-way through their own destruction.
    blockSignals(true);
    cancel();
}

QString SecretStore::ownKey(const Environment &env) const
{
    if (!PasswordNeed::canAskFor(env))
        return {};
    const QString key = PasswordNeed::keyOf(env.connection, m_system);
    return m_forced.contains(key) || PasswordNeed::needsPassword(env, m_system) ? key : QString();
}

void SecretStore::resolve(const QList<Environment> &environments)
{
    cancel();
    m_all = environments;
    for (Environment &env : m_all) {
        const QString key = ownKey(env);
        if (key.isEmpty())
            continue;
        if (!m_forced.contains(key)) {
            if (const auto it = m_session.constFind(env.name); it != m_session.cend()) {
                env.connection.password = *it;
                continue;
            }
            if (const auto it = m_sessionByKey.constFind(key); it != m_sessionByKey.cend()) {
                env.connection.password = *it;
                continue;
            }
        }
        m_ownKeys.insert(env.name, key);
    }

    // What each environment waits for: its own password, and its reference environment's,
    // which its migrations check reads.
    QList<Environment> now;
    QStringList keyOrder;
    for (const Environment &env : std::as_const(m_all)) {
        QSet<QString> keys;
        if (const QString own = m_ownKeys.value(env.name); !own.isEmpty()) {
            keys << own;
            if (!keyOrder.contains(own)) {
                keyOrder << own;
                KeyWork &work = m_keys[own];
                const QString host = PasswordNeed::hostOf(env.connection, m_system);
                work.target
                    = tr("%1 on %2:%3")
                          .arg(env.connection.user, host.isEmpty() ? tr("the local socket") : host,
                              PasswordNeed::portOf(env.connection, m_system));
                work.forced = m_forced.contains(own);
                work.probeWith = env;
            }
        }
        if (const QString ref = m_ownKeys.value(env.referenceEnvironment); !ref.isEmpty())
            keys << ref;
        if (keys.isEmpty())
            now << env;
        else
            m_waiting.insert(env.name, keys);
    }
    for (const QString &key : std::as_const(keyOrder))
        m_forced.remove(key);
    for (const Environment &env : std::as_const(m_all))
        setState(env.name, m_waiting.contains(env.name) ? State::Waiting : State::None);

    // The prompt a replaced run left open stays when this run needs the same password.
    const bool keepPrompt = m_promptOrphaned && m_keys.contains(m_prompted);
    if (keepPrompt)
        m_promptOrphaned = false;

    const quint64 request = m_request;
    for (const QString &key : std::as_const(keyOrder)) {
        if (request != m_request)
            return; // a handler started another run
        if (keepPrompt && key == m_prompted)
            continue;
        if (m_keys.value(key).forced) {
            queuePrompt(key);
        } else if (m_keychain->isKnownUnavailable()) {
            probe(key);
        } else {
            for (const Environment &env : std::as_const(m_all)) {
                if (m_ownKeys.value(env.name) == key)
                    readKeychain(key, env.name);
            }
        }
    }
    if (request != m_request)
        return;
    if (keepPrompt)
        Q_EMIT promptUpdated(requestFor(m_prompted, false));
    if (!now.isEmpty())
        Q_EMIT ready(now, m_all);
    if (request == m_request)
        showNextPrompt();
}

void SecretStore::cancel()
{
    ++m_request; // answers of keychain jobs and probes still out are now ignored
    // Probes still waiting for their server's turn connect nowhere (PasswordProbe::start).
    *m_probesAbandoned = true;
    m_probesAbandoned = std::make_shared<std::atomic_bool>(false);
    const QList<Environment> all = std::exchange(m_all, {});
    const QHash<QString, QSet<QString>> waiting = std::exchange(m_waiting, {});
    m_ownKeys.clear();
    m_keys.clear();
    m_queue.clear();
    for (const Environment &env : all) {
        if (waiting.contains(env.name))
            setState(env.name, State::None);
    }
    // Closed on the next turn of the event loop unless a resolve() called right after
    // this (a new run) needs the same password: the user may be typing it.
    if (!m_prompted.isEmpty() && !m_promptOrphaned) {
        m_promptOrphaned = true;
        QTimer::singleShot(0, this, &SecretStore::withdrawOrphanedPrompt);
    }
}

void SecretStore::withdrawOrphanedPrompt()
{
    if (!m_promptOrphaned)
        return;
    m_promptOrphaned = false;
    const QString key = std::exchange(m_prompted, {});
    Q_EMIT promptWithdrawn(key);
}

QStringList SecretStore::waitingEnvironments() const
{
    QStringList names;
    for (const Environment &env : m_all) {
        if (m_waiting.contains(env.name))
            names << env.name;
    }
    return names;
}

void SecretStore::readKeychain(const QString &key, const QString &environment)
{
    ++m_keys[key].keychainReads;
    const quint64 request = m_request;
    m_keychain->read(environment, [this, request, key, environment](bool found, const QString &pw) {
        const auto it = m_keys.find(key);
        if (request != m_request || it == m_keys.end())
            return;
        if (found) {
            m_session.insert(environment, pw);
            // The role's password on that server: every environment waiting for it gets it.
            release(key, pw);
        } else if (--it->keychainReads == 0) {
            probe(key);
        }
    });
}

void SecretStore::probe(const QString &key)
{
    const KeyWork &work = m_keys[key];
    const quint64 request = m_request;
    auto *watcher = new QFutureWatcher<PasswordProbe::Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request, key] {
        watcher->deleteLater();
        if (request != m_request || !m_keys.contains(key))
            return;
        if (watcher->result() != PasswordProbe::Outcome::Needed)
            release(key, {}); // trust, peer, or a failure the checks will name
        else if (m_declined.contains(key))
            declineKey(key); // asked before and cancelled: not again until asked to
        else
            queuePrompt(key);
    });
    watcher->setFuture(PasswordProbe::start(work.probeWith, m_probesAbandoned));
}

void SecretStore::queuePrompt(const QString &key)
{
    if (!m_queue.contains(key))
        m_queue << key;
    showNextPrompt();
}

void SecretStore::showNextPrompt()
{
    if (!m_prompted.isEmpty() || m_queue.isEmpty())
        return;
    m_prompted = m_queue.takeFirst();
    if (!m_prompt) {
        decline(m_prompted);
        return;
    }
    m_prompt(requestFor(m_prompted, true));
}

PasswordRequest SecretStore::requestFor(const QString &key, bool showing)
{
    const bool noKeychain = m_keychain->isKnownUnavailable();
    PasswordRequest request { key, m_keys.value(key).target, {}, !noKeychain, {} };
    for (const Environment &env : std::as_const(m_all)) {
        if (m_waiting.value(env.name).contains(key))
            request.environments << env.name;
    }
    if (showing && noKeychain && !m_noticeShown) {
        m_noticeShown = true;
        request.notice = tr("No keychain is available, so a password is kept only until "
                            "Doctor Dashboard quits and will be asked for again next time.");
    }
    return request;
}

void SecretStore::answer(const QString &key, const PasswordAnswer &answer)
{
    if (key.isEmpty() || key != m_prompted)
        return;
    m_prompted.clear();
    m_promptOrphaned = false;
    if (answer.rememberForSession)
        m_sessionByKey.insert(key, answer.password);
    for (const Environment &env : std::as_const(m_all)) {
        if (m_ownKeys.value(env.name) != key)
            continue;
        if (answer.rememberForSession)
            m_session.insert(env.name, answer.password);
        if (answer.rememberInKeychain)
            m_keychain->write(env.name, answer.password);
    }
    release(key, answer.password);
    showNextPrompt();
}

void SecretStore::decline(const QString &key)
{
    if (key.isEmpty() || key != m_prompted)
        return;
    m_prompted.clear();
    m_promptOrphaned = false;
    m_declined.insert(key);
    declineKey(key);
    showNextPrompt();
}

void SecretStore::release(const QString &key, const QString &password)
{
    m_keys.remove(key);
    m_queue.removeAll(key);
    for (Environment &env : m_all) {
        if (!password.isEmpty() && m_ownKeys.value(env.name) == key)
            env.connection.password = password;
    }
    QList<Environment> now;
    for (const Environment &env : std::as_const(m_all)) {
        const auto it = m_waiting.find(env.name);
        if (it == m_waiting.end() || !it->remove(key) || !it->isEmpty())
            continue;
        m_waiting.erase(it);
        setState(env.name, State::None);
        now << env;
    }
    if (!now.isEmpty())
        Q_EMIT ready(now, m_all);
}

void SecretStore::declineKey(const QString &key)
{
    m_keys.remove(key);
    m_queue.removeAll(key);
    QList<Environment> refused;
    QList<Environment> now;
    for (const Environment &env : std::as_const(m_all)) {
        const auto it = m_waiting.find(env.name);
        if (it == m_waiting.end() || !it->contains(key))
            continue;
        if (m_ownKeys.value(env.name) == key) {
            m_waiting.erase(it);
            setState(env.name, State::NoPasswordGiven);
            refused << env;
        } else if (it->remove(key) && it->isEmpty()) {
            // Only its reference environment's password is missing: it runs, and its
            // migrations check says that the reference could not be read.
            m_waiting.erase(it);
            setState(env.name, State::None);
            now << env;
        }
    }
    // Runs first: a handler of declined() that ends the refresh when nothing is left
    // running must see them.
    const quint64 request = m_request;
    if (!now.isEmpty())
        Q_EMIT ready(now, m_all);
    if (!refused.isEmpty() && request == m_request)
        Q_EMIT declined(refused);
}

void SecretStore::allowPrompt(const Environment &env)
{
    m_declined.remove(PasswordNeed::keyOf(env.connection, m_system));
}

void SecretStore::askAgain(const Environment &env)
{
    const QString key = PasswordNeed::keyOf(env.connection, m_system);
    m_declined.remove(key);
    m_forced.insert(key);
    m_sessionByKey.remove(key);
    m_session.remove(env.name);
}

bool SecretStore::isDeclined(const Environment &env) const
{
    return m_declined.contains(PasswordNeed::keyOf(env.connection, m_system));
}

void SecretStore::setState(const QString &environment, State state)
{
    if (m_states.value(environment) == state)
        return;
    if (state == State::None)
        m_states.remove(environment);
    else
        m_states.insert(environment, state);
    Q_EMIT stateChanged(environment, state);
}

QString SecretStore::stateText(State state)
{
    switch (state) {
    case State::Waiting:
        return tr("waiting for password");
    case State::NoPasswordGiven:
        return tr("no password given");
    case State::None:
        break;
    }
    return {};
}

void SecretStore::setPassword(const QString &environment, const QString &password, bool remember)
{
    m_session.insert(environment, password);
    if (remember)
        m_keychain->write(environment, password);
}

#include "secretstore.h"

#include "passwordprompt.h"
#include "secretfiles.h"

#include <QWidget>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace {

QKeychain::ReadPasswordJob *readJob(const QString &key, QObject *parent)
{
    auto *job = new QKeychain::ReadPasswordJob(SecretStore::serviceName(), parent);
    job->setKey(key);
    // QtKeychain's "insecure fallback" stores the secret in plain QSettings when there is
    // no keychain: exactly what must never happen (RELIABILITY 19).
    job->setInsecureFallback(false);
    return job;
}

// The keychain is there but would not answer this time; asking again later may work.
bool keychainPresent(QKeychain::Error error)
{
    return error == QKeychain::NoError || error == QKeychain::EntryNotFound
        || error == QKeychain::AccessDenied || error == QKeychain::AccessDeniedByUser;
}

} // namespace

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
    m_prompt = [this](const PasswordRequest &request) {
        return PasswordPrompt::ask(qobject_cast<QWidget *>(this->parent()), request);
    };
}

SecretStore::~SecretStore()
{
    cancel(); // jobs still running are children and go with this object, unanswered
}

QString SecretStore::serviceName()
{
    return u"doctor-dashboard"_s;
}

bool SecretStore::needsPassword(const Environment &env, const QProcessEnvironment &system)
{
    const ConnectionSpec &c = env.connection;
    if (c.driver != ConnectionSpec::Driver::Postgres || !env.configurationError.isEmpty())
        return false;
    if (c.user.isEmpty() || !c.password.isEmpty())
        return false;
    if (!system.value(u"PGPASSWORD"_s).isEmpty())
        return false;
    // Reading .pgpass the way libpq matches host, port and user is libpq's job; when there
    // is such a file, libpq gets the chance and an authentication failure says the rest.
    if (!SecretFiles::pgpassPath(system).isEmpty())
        return false;
    return c.option(u"passfile"_s).isEmpty() && c.option(u"service"_s).isEmpty();
}

void SecretStore::resolve(const QList<Environment> &environments, Done done)
{
    cancel();
    m_work = environments;
    m_index = 0;
    m_done = std::move(done);
    next();
}

void SecretStore::cancel()
{
    ++m_request; // answers of keychain jobs still out are now ignored
    m_work.clear();
    m_index = 0;
    m_done = {};
}

void SecretStore::next()
{
    const quint64 request = m_request;
    while (m_index < m_work.size()) {
        Environment &env = m_work[m_index];
        if (!needsPassword(env, m_system)) {
            ++m_index;
        } else if (const auto it = m_session.constFind(env.name); it != m_session.cend()) {
            env.connection.password = *it;
            ++m_index;
        } else if (m_noKeychain) {
            if (!ask(request))
                return;
        } else {
            auto *job = readJob(env.name, this);
            connect(job, &QKeychain::Job::finished, this,
                [this, request](QKeychain::Job *j) { onRead(request, j); });
            job->start();
            return;
        }
    }
    const Done done = std::move(m_done);
    const QList<Environment> filled = std::move(m_work);
    m_done = {};
    m_work.clear();
    m_index = 0;
    if (done)
        done(filled);
}

void SecretStore::onRead(quint64 request, QKeychain::Job *job)
{
    if (request != m_request || m_index >= m_work.size())
        return;
    if (job->error() == QKeychain::NoError) {
        const QString password = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
        m_session.insert(m_work[m_index].name, password);
        m_work[m_index].connection.password = password;
        ++m_index;
    } else {
        if (!keychainPresent(job->error()))
            markNoKeychain(job->errorString());
        if (!ask(request))
            return;
    }
    next();
}

bool SecretStore::ask(quint64 request)
{
    // A copy: a modal prompt runs a nested event loop, in which a new resolve() may
    // replace the work list.
    const Environment env = m_work.at(m_index);
    PasswordRequest question { env.name, env.connection.describe(), !m_noKeychain, {} };
    if (m_noKeychain && !m_noticeShown) {
        m_noticeShown = true;
        question.notice = tr("No keychain is available, so this password is kept only until "
                             "Doctor Dashboard quits and will be asked for again next time.");
    }
    const std::optional<PasswordAnswer> answer = m_prompt ? m_prompt(question) : std::nullopt;
    if (request != m_request)
        return false;
    // Cancelled: the environment runs without one and its checks report the failed login.
    if (answer) {
        setPassword(env.name, answer->password, answer->remember);
        m_work[m_index].connection.password = answer->password;
    }
    ++m_index;
    return true;
}

void SecretStore::setPassword(const QString &environment, const QString &password, bool remember)
{
    m_session.insert(environment, password);
    if (!remember || m_noKeychain)
        return;
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setKey(environment);
    job->setInsecureFallback(false); // see readJob()
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        if (!keychainPresent(j->error()))
            markNoKeychain(j->errorString());
    });
    job->start();
}

void SecretStore::markNoKeychain(const QString &reason)
{
    if (m_noKeychain)
        return;
    m_noKeychain = true;
    Q_EMIT keychainUnavailable(tr("No keychain is available (%1). Passwords are kept only until "
                                  "Doctor Dashboard quits and will be asked for again next time.")
                                   .arg(reason));
}

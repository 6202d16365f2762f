// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "keychain.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace {

// The keychain is there but would not answer this time; asking again later may work.
bool keychainPresent(QKeychain::Error error)
{
    return error == QKeychain::NoError || error == QKeychain::EntryNotFound
        || error == QKeychain::AccessDenied || error == QKeychain::AccessDeniedByUser;
}

} // namespace

Keychain::Keychain(QObject *parent)
    : QObject(parent)
{ }

QString Keychain::serviceName()
{
    return u"doctor-dashboard"_s;
}

void Keychain::read(const QString &environment, ReadDone done)
{
    // A child: jobs still running when this object goes are deleted with it, unanswered.
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setKey(environment);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, done](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError) {
            done(true, static_cast<QKeychain::ReadPasswordJob *>(j)->textData());
            return;
        }
        if (!keychainPresent(j->error()))
            markUnavailable(j->errorString());
        done(false, {});
    });
    job->start();
}

void Keychain::write(const QString &environment, const QString &password)
{
    if (m_unavailable)
        return;
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setKey(environment);
    job->setInsecureFallback(false);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        if (!keychainPresent(j->error()))
            markUnavailable(j->errorString());
    });
    job->start();
}

void Keychain::markUnavailable(const QString &reason)
{
    if (m_unavailable)
        return;
    m_unavailable = true;
    Q_EMIT unavailable(tr("No keychain is available (%1). Passwords are kept only until "
                          "Doctor Dashboard quits and will be asked for again next time.")
            .arg(reason));
}

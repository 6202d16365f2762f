// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QObject>
#include <functional>

// The OS keychain through QtKeychain: service "doctor-dashboard", one entry per
// environment name. Never QtKeychain's "insecure fallback", which would keep the secret in
// plain QSettings where there is no keychain (RELIABILITY 19). A keychain that turns out
// not to be there (no Secret Service on the session bus, no Keychain Access) is reported
// once, by unavailable(); after that nothing more is written to it.
class Keychain : public QObject
{
    Q_OBJECT
public:
    // found is false when there is no entry, no keychain, or it would not answer this time.
    using ReadDone = std::function<void(bool found, const QString &password)>;

    explicit Keychain(QObject *parent = nullptr);

    static QString serviceName(); // "doctor-dashboard"

    // Reads environment's password and calls done later, on this object's thread; never
    // when this object is gone by then.
    void read(const QString &environment, ReadDone done);
    // Stores password for environment; does nothing once the keychain is known to be missing.
    void write(const QString &environment, const QString &password);
    bool isKnownUnavailable() const { return m_unavailable; }

Q_SIGNALS:
    // Once, the first time a read or write finds no keychain: message says so and that
    // passwords are then kept only until the application quits.
    void unavailable(const QString &message);

private:
    void markUnavailable(const QString &reason);

    bool m_unavailable = false;
};

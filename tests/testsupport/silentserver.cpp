// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "silentserver.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int bindLoopback(int *port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    *port = ntohs(addr.sin_port);
    return fd;
}
} // namespace

SilentServer::SilentServer()
{
    m_listenFd = bindLoopback(&m_port);
    ::listen(m_listenFd, 512);
    m_thread = std::thread([this] {
        while (!m_stop) {
            pollfd p { m_listenFd, POLLIN, 0 };
            if (::poll(&p, 1, 50) > 0) {
                const int c = ::accept(m_listenFd, nullptr, nullptr);
                if (c >= 0) {
                    m_clients.push_back(c); // held open, never answered
                    ++m_accepted;
                }
            }
        }
    });
}

SilentServer::~SilentServer()
{
    m_stop = true;
    m_thread.join();
    for (int c : m_clients)
        ::close(c);
    ::close(m_listenFd);
}

AnsweringServer::AnsweringServer(QByteArray reply)
    : m_reply(std::move(reply))
{
    m_listenFd = bindLoopback(&m_port);
    ::listen(m_listenFd, 64);
    m_thread = std::thread([this] {
        while (!m_stop) {
            pollfd p { m_listenFd, POLLIN, 0 };
            if (::poll(&p, 1, 50) <= 0)
                continue;
            const int c = ::accept(m_listenFd, nullptr, nullptr);
            if (c < 0)
                continue;
            // Wait for the client's first bytes (libpq's SSL request or start-up packet),
            // answer, and hang up, as a web server does with a request it cannot parse.
            pollfd in { c, POLLIN, 0 };
            if (::poll(&in, 1, 2000) > 0) {
                char buf[512];
                if (::read(c, buf, sizeof buf) > 0) {
                    [[maybe_unused]] const ssize_t n
                        = ::write(c, m_reply.constData(), size_t(m_reply.size()));
                    ++m_answered;
                }
            }
            ::close(c);
        }
    });
}

AnsweringServer::~AnsweringServer()
{
    m_stop = true;
    m_thread.join();
    ::close(m_listenFd);
}

int closedLoopbackPort()
{
    int port = 0;
    const int fd = bindLoopback(&port);
    ::close(fd);
    return port;
}

QList<Environment> silentEnvironments(int port, int count, int connectTimeoutSec)
{
    QList<Environment> envs;
    for (int i = 0; i < count; ++i) {
        Environment e;
        e.name = QStringLiteral("silent-%1").arg(i);
        e.connection.host = QStringLiteral("127.0.0.1");
        e.connection.port = QString::number(port);
        e.connection.database = QStringLiteral("app");
        e.timeouts.connectSec = connectTimeoutSec;
        envs << e;
    }
    return envs;
}

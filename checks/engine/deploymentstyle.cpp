// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/deploymentstyle.h"

using namespace Qt::StringLiterals;

QString Deployment::key(DeploymentStyle style)
{
    switch (style) {
    case DeploymentStyle::Compose:
        return u"compose"_s;
    case DeploymentStyle::Systemd:
        return u"systemd"_s;
    case DeploymentStyle::Kubernetes:
        return u"kubernetes"_s;
    }
    return {};
}

QString Deployment::title(DeploymentStyle style)
{
    switch (style) {
    case DeploymentStyle::Compose:
        return u"Docker Compose"_s;
    case DeploymentStyle::Systemd:
        return u"Bare metal / systemd"_s;
    case DeploymentStyle::Kubernetes:
        return u"Kubernetes / Helm"_s;
    }
    return {};
}

std::optional<DeploymentStyle> Deployment::fromKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    for (DeploymentStyle s : all()) {
        if (Deployment::key(s) == k)
            return s;
    }
    // Accept the names people actually type in configuration files.
    if (k == u"docker" || k == u"docker-compose")
        return DeploymentStyle::Compose;
    if (k == u"baremetal" || k == u"bare-metal" || k == u"bare metal")
        return DeploymentStyle::Systemd;
    if (k == u"k8s" || k == u"helm")
        return DeploymentStyle::Kubernetes;
    return std::nullopt;
}

std::optional<DeploymentStyle> Deployment::fromHeading(const QString &heading)
{
    const QString h = heading.toLower();
    if (h.contains(u"compose") || h.contains(u"docker"))
        return DeploymentStyle::Compose;
    if (h.contains(u"systemd") || h.contains(u"bare metal"))
        return DeploymentStyle::Systemd;
    if (h.contains(u"kubernetes") || h.contains(u"helm"))
        return DeploymentStyle::Kubernetes;
    return std::nullopt;
}

QList<DeploymentStyle> Deployment::all()
{
    return { DeploymentStyle::Compose, DeploymentStyle::Systemd, DeploymentStyle::Kubernetes };
}

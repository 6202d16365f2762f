// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QString>
#include <optional>

// How an environment is deployed; it picks which fix commands a user is shown first.
enum class DeploymentStyle { Compose, Systemd, Kubernetes };

namespace Deployment {
QString key(
    DeploymentStyle style); // "compose", "systemd", "kubernetes": stable, used in files and JSON
QString title(
    DeploymentStyle style); // "Docker Compose", "Bare metal / systemd", "Kubernetes / Helm"
std::optional<DeploymentStyle> fromKey(const QString &key);
// Matches a KB "How to fix" subsection title such as "Bare Metal / systemd".
std::optional<DeploymentStyle> fromHeading(const QString &heading);
QList<DeploymentStyle> all();
} // namespace Deployment

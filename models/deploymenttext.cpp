// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "deploymenttext.h"

#include <QCoreApplication>

QString DeploymentText::title(DeploymentStyle style)
{
    // Literal calls, one per name, so that lupdate finds them (it does not see
    // Deployment::title's strings in doctor_core).
    switch (style) {
    case DeploymentStyle::Compose:
        //: Deployment style: the product run with Docker Compose
        return QCoreApplication::translate("DeploymentText", "Docker Compose");
    case DeploymentStyle::Systemd:
        //: Deployment style: installed on a host, services run by systemd
        return QCoreApplication::translate("DeploymentText", "Bare metal / systemd");
    case DeploymentStyle::Kubernetes:
        //: Deployment style: the product run on Kubernetes, installed with Helm
        return QCoreApplication::translate("DeploymentText", "Kubernetes / Helm");
    }
    return Deployment::title(style);
}

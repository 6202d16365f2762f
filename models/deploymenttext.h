// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/deploymentstyle.h"

#include <QString>

// The deployment style's name as the UI shows it, translated (tabs, environment list,
// connection dialog). Deployment::title() in doctor_core stays English: the CLI, the JSON
// and the KB's "How to fix" headings use it, and lupdate does not scan doctor_core.
namespace DeploymentText {
// "Docker Compose", "Bare metal / systemd", "Kubernetes / Helm", in the installed UI language.
QString title(DeploymentStyle style);
} // namespace DeploymentText

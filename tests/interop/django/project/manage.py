#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
"""Django's command-line utility, as `django-admin startproject` writes it."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interopsite.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)

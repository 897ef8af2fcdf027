#!/usr/bin/env bash
# Prints the path of a Python >= 3.12 (Django 6 needs it), or fails with a message.
for cand in python3.12 /root/.pyenv/versions/3.12*/bin/python3 /usr/bin/python3.12 python3.13 /root/.pyenv/versions/3.13*/bin/python3 /usr/bin/python3.13 python3; do
  path=$(command -v "$cand" 2>/dev/null) || continue
  if "$path" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
    echo "$path"
    exit 0
  fi
done
echo "baocao needs Python 3.12 or newer (Django 6); none found" >&2
exit 1

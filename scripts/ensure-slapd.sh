#!/usr/bin/env bash
# The LDAP store's tests start a private OpenLDAP (slapd 2.5) of their own. Installs Debian's slapd and
# ldap-utils when they are missing and we may (root, apt); otherwise says what to do. The preseed keeps the
# package from creating a system directory of its own: the tests build theirs in a temporary folder, and
# nothing here starts or configures the system slapd.
set -euo pipefail
if command -v slapd >/dev/null 2>&1 || [ -x /usr/sbin/slapd ]; then
  if [ -x /usr/sbin/slapadd ] && [ -f /usr/lib/ldap/ppolicy.so ]; then exit 0; fi
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "slapd is missing: installing Debian's slapd and ldap-utils..."
  export DEBIAN_FRONTEND=noninteractive
  echo 'slapd slapd/no_configuration boolean true' | debconf-set-selections
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends slapd ldap-utils >/dev/null
  exit 0
fi
echo "The LDAP tests need OpenLDAP's slapd 2.5: install it (sudo apt-get install slapd ldap-utils)." >&2
exit 1

#!/usr/bin/env bash
# The server's CAS tests run against a real LemonLDAP::NG portal (Debian's package), started privately by
# the tests with Starman. Installs it when it is missing and we may (root, apt); otherwise says what to do.
# Without the GD/ImageMagick and IO::String packages the portal fails to initialise; without
# libnet-ldap-perl, libunicode-string-perl and libio-socket-timeout-perl (which the Debian package does
# not pull in) LDAP authentication does not load: they are checked too. Starman serves the portal with
# several workers: plackup's single-threaded server stalls every other client for about a minute while a
# browser holds an idle connection open to it.
set -euo pipefail
packages=(lemonldap-ng lemonldap-ng-fastcgi-server libio-string-perl libxml-simple-perl
  libgd-securityimage-perl libimage-magick-perl libhttp-parser-xs-perl libnet-ldap-perl libunicode-string-perl
  libio-socket-timeout-perl starman)
# One dpkg-query for all of them: the no-op case is what every test run pays.
installed=$(dpkg-query -W -f='${db:Status-Abbrev}${Package}\n' "${packages[@]}" 2>/dev/null | grep -c '^ii ' || true)
if [ "$installed" -eq "${#packages[@]}" ] && command -v starman >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "LemonLDAP::NG is missing ($installed of ${#packages[@]} packages): installing Debian's packages..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  exit 0
fi
echo "The server tests need LemonLDAP::NG: sudo apt-get install --no-install-recommends ${packages[*]}" >&2
exit 1

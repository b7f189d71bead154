#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image: it installs the one
# thing faultline.jar needs, a JDK 25 (a JDK, not a JRE: submissions are compiled with javac).
# Temurin 25 comes from the Adoptium package repository, for the image's Ubuntu release.
set -euo pipefail

apt-get update
apt-get install -y --no-install-recommends ca-certificates wget gpg
wget -qO - https://packages.adoptium.net/artifactory/api/gpg/key/public \
  | gpg --dearmor >/etc/apt/trusted.gpg.d/adoptium.gpg
codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
echo "deb https://packages.adoptium.net/artifactory/deb $codename main" \
  >/etc/apt/sources.list.d/adoptium.list
apt-get update
apt-get install -y --no-install-recommends temurin-25-jdk
java -version

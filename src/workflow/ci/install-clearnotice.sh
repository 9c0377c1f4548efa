#!/bin/sh
# Installs the clearnotice release that site.toml names (clearnotice = "X.Y.Z"), for
# this computer, from the release's archive, checked against the release's SHA256SUMS.
# It never compiles. Written by `clearnotice init`; `clearnotice init --update-ci`
# writes it again. The publishing workflow runs it before every build.
#
#   CLEARNOTICE_RELEASES  where releases are downloaded from (a mirror of your own,
#                         say); default: the clearnotice project's GitHub releases
#   CLEARNOTICE_HOME      where it is installed (kept between runs by the workflow's
#                         cache); default: .clearnotice in the site's folder
#
# The installed program is CLEARNOTICE_HOME/VERSION/clearnotice, and
# CLEARNOTICE_HOME/bin/clearnotice is the one site.toml names; on GitHub that folder is
# added to PATH for the next steps (GITHUB_PATH).
set -eu

fail() {
  echo "clearnotice install: $*" >&2
  exit 1
}

version=$(sed -n 's/^clearnotice[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' site.toml 2>/dev/null | head -n 1)
[ -n "$version" ] || fail "site.toml does not say which clearnotice builds the site: add a line like clearnotice = \"__VERSION__\""
releases=${CLEARNOTICE_RELEASES:-__RELEASES__}
home=${CLEARNOTICE_HOME:-.clearnotice}
dest="$home/$version"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) target=x86_64-unknown-linux-gnu ;;
  Linux-aarch64 | Linux-arm64) target=aarch64-unknown-linux-gnu ;;
  Darwin-x86_64) target=x86_64-apple-darwin ;;
  Darwin-arm64) target=aarch64-apple-darwin ;;
  *) fail "there is no clearnotice release for $(uname -s) on $(uname -m)" ;;
esac

if [ -x "$dest/clearnotice" ] && "$dest/clearnotice" --version | grep -q "^clearnotice $version "; then
  echo "clearnotice $version is already installed in $dest"
else
  name="clearnotice-$version-$target"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  download() {
    curl --fail --silent --show-error --location --retry 3 --output "$work/$1" "$releases/v$version/$1" ||
      fail "could not download $1 of clearnotice $version from $releases/v$version/ (is $version a release? site.toml names it)"
  }
  download SHA256SUMS
  download "$name.tar.gz"
  grep "  $name.tar.gz\$" "$work/SHA256SUMS" > "$work/expected" ||
    fail "the release's SHA256SUMS does not list $name.tar.gz"
  if command -v sha256sum > /dev/null; then check="sha256sum -c"; else check="shasum -a 256 -c"; fi
  (cd "$work" && $check expected > /dev/null 2>&1) ||
    fail "$name.tar.gz does not match its checksum in SHA256SUMS: it was changed or damaged on the way; nothing was installed"
  # On GitHub, the archive's build provenance too, where the workflow asks for it.
  if [ -n "${CLEARNOTICE_ATTESTATION_REPO:-}" ]; then
    gh attestation verify "$work/$name.tar.gz" --repo "$CLEARNOTICE_ATTESTATION_REPO" > /dev/null ||
      fail "$name.tar.gz has no build attestation from $CLEARNOTICE_ATTESTATION_REPO: it was not made by that project's release workflow; nothing was installed"
    echo "attestation: $name.tar.gz was built by $CLEARNOTICE_ATTESTATION_REPO's release workflow"
  fi
  tar -xzf "$work/$name.tar.gz" -C "$work"
  mkdir -p "$dest"
  mv "$work/$name/clearnotice" "$dest/clearnotice"
  echo "installed clearnotice $version ($target) in $dest"
fi
# The version site.toml names, at one path for the next steps.
mkdir -p "$home/bin"
ln -sf "../$version/clearnotice" "$home/bin/clearnotice"
bin=$(cd "$home/bin" && pwd)
[ -z "${GITHUB_PATH:-}" ] || echo "$bin" >> "$GITHUB_PATH"
"$bin/clearnotice" --version
